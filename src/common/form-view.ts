import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, Observable } from 'rxjs';
import { I18nService } from '../i18n/i18n.service';
import { nameFieldsInSummary } from './error-summary';
import { DomainError, TooManyRequestsError, ValidationFailedError } from './errors';

export const FORM_VIEW_KEY = 'kursors:form-view';

export interface FormViewOptions {
  view: string;
  /** Extra template data the form needs (select options, the record being edited). */
  locals?: (req: Request) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

/**
 * On a page POST, a DomainError re-renders the form with the submitted values and the errors tied to
 * their fields, instead of an error page. Handlers using it answer through `@Res()` (a redirect on success).
 * The interceptor is bound to these handlers only: a route with no interceptor skips Nest's RxJS pipeline. Written
 * below a handler's other `@UseInterceptors`, it wraps them, so their refusals (an upload's) re-render the form too.
 */
export const FormView = (view: string, locals?: FormViewOptions['locals']) =>
  applyDecorators(SetMetadata(FORM_VIEW_KEY, { view, locals } satisfies FormViewOptions), UseInterceptors(FormViewInterceptor));

@Injectable()
export class FormViewInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly i18n: I18nService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<FormViewOptions | undefined>(FORM_VIEW_KEY, context.getHandler());
    if (!options) return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    return next.handle().pipe(catchError((error: unknown) => from(this.renderForm(error, options, req, res))));
  }

  private async renderForm(error: unknown, options: FormViewOptions, req: Request, res: Response): Promise<void> {
    // A missing record (404) has no form to show again; it gets the error page like any other refusal.
    if (!(error instanceof DomainError) || error.status >= 500 || [401, 403, 404].includes(error.status)) throw error;
    if (error instanceof TooManyRequestsError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    const locals = options.locals ? await options.locals(req) : {};
    const { _csrf: _ignored, password: _p, passwordConfirm: _pc, ...values } = (req.body ?? {}) as Record<string, unknown>;
    await renderRefusedForm(
      res,
      options.view,
      { ...locals, values: { ...(locals.values as object | undefined), ...values } },
      error,
      this.i18n,
      req.lang,
    );
  }
}

/**
 * Renders a form's page again with the errors of a refused change (or of a GET filter form's query) tied to their
 * fields and named in the summary: 422 for bad input, the error's own status otherwise.
 */
export async function renderRefusedForm(
  res: Response,
  view: string,
  locals: Record<string, unknown>,
  error: DomainError,
  i18n: I18nService,
  lang: Request['lang'],
): Promise<void> {
  const fieldErrors = Object.fromEntries(error.fieldErrors.map((e) => [e.field, i18n.t(lang, `validation.${e.code}`, e.params)]));
  const html = await new Promise<string>((resolve, reject) =>
    res.render(
      view,
      {
        ...locals,
        fieldErrors,
        errorSummary: error.fieldErrors.map((e) => ({ field: e.field, message: fieldErrors[e.field] })),
        // The summary links each bad field, named by its label (`nameFieldsInSummary`).
        formError: i18n.t(
          lang,
          error instanceof ValidationFailedError && error.messageKey === 'errors.validation' ? 'errors.validationForm' : error.messageKey,
          error.params,
        ),
      },
      (renderError, rendered) => (renderError ? reject(renderError) : resolve(rendered)),
    ),
  );
  res
    .status(error.status === 400 ? 422 : error.status)
    .type('html')
    .send(nameFieldsInSummary(html));
}
