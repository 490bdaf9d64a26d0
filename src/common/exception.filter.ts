import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { I18nService } from '../i18n/i18n.service';
import { DomainError, ServiceUnavailableError, TooManyRequestsError } from './errors';
import { isApiRequest } from './request';
import { asServiceUnavailable } from './unavailable';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: { field: string; code: string; message: string }[];
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * One mapping from errors to responses: JSON `{ statusCode, code, message, errors }` under /api,
 * an error page in the user's language elsewhere. Unknown errors are logged and shown as a plain 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly i18n: I18nService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    this.respond(exception, ctx.getRequest<Request>(), ctx.getResponse<Response>());
  }

  /** Also called for errors raised in the Express middleware before any route (sessions, authentication). */
  respond(thrown: unknown, req: Request, res: Response): void {
    const unavailable = asServiceUnavailable(thrown);
    if (unavailable) this.logger.warn({ err: thrown, requestId: req.id }, 'Database or Redis unavailable');
    const exception = unavailable ?? thrown;
    const body = this.toBody(exception, req);
    if (res.headersSent) {
      res.end();
      return;
    }
    if (exception instanceof TooManyRequestsError || exception instanceof ServiceUnavailableError) {
      res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    if (isApiRequest(req)) {
      res.status(body.statusCode).json(body);
      return;
    }
    if (body.statusCode === 401) {
      const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
      res.redirect(303, `/login${next}`);
      return;
    }
    res.status(body.statusCode).render('pages/error', {
      titleKey: `errorPage.title.${body.statusCode}`,
      statusCode: body.statusCode,
      message: body.message,
      errors: body.errors,
    });
  }

  private toBody(exception: unknown, req: Request): ErrorBody {
    const lang = req.lang ?? 'lv';
    if (exception instanceof DomainError) {
      const errors = exception.fieldErrors.map((e) => ({
        field: e.field,
        code: e.code,
        message: this.i18n.t(lang, `validation.${e.code}`, e.params),
      }));
      return {
        statusCode: exception.status,
        code: exception.code,
        message: this.i18n.t(lang, exception.messageKey, exception.params),
        ...(errors.length ? { errors } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const key = `errorPage.message.${status}`;
      return {
        statusCode: status,
        code: HTTP_CODES[status] ?? `HTTP_${status}`,
        message: this.i18n.has(lang, key) ? this.i18n.t(lang, key) : exception.message,
      };
    }
    const parserError = exception as { type?: string; status?: number };
    if (parserError?.type === 'entity.parse.failed' || parserError?.type === 'entity.too.large') {
      const status = parserError.status ?? 400;
      return { statusCode: status, code: HTTP_CODES[status] ?? 'BAD_REQUEST', message: this.i18n.t(lang, `errorPage.message.${status}`) };
    }
    this.logger.error({ err: exception, requestId: req.id }, 'Unhandled error');
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: this.i18n.t(lang, 'errorPage.message.500', { requestId: String(req.id) }),
    };
  }
}
