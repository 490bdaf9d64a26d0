import type { Response } from 'express';

/**
 * Runs a page form's work. When it fails, loads what the form page shows besides the submitted values
 * (the record, select options) into `res.locals`, so the FormView interceptor can render the form again.
 */
export async function withFormLocals<T>(res: Response, load: () => Promise<Record<string, unknown>>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    Object.assign(res.locals, await load().catch(() => ({})));
    throw error;
  }
}
