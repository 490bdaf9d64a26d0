import type { Response } from 'express';

/** What a form page shows besides the submitted values (the record, select options), or how to load it. */
export type FormPage = Record<string, unknown> | (() => Promise<Record<string, unknown>>);

/**
 * Runs a page form's work. When it fails, puts the form's page into `res.locals`, so the FormView interceptor can
 * render the form again with the errors. A loader is called only then; a page already loaded (where loading it is
 * itself the check that the form may be used, as for a password link) is given as it is.
 */
export async function withFormLocals<T>(res: Response, page: FormPage, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    Object.assign(res.locals, typeof page === 'function' ? await page().catch(() => ({})) : page);
    throw error;
  }
}
