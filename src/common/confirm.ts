import type { Request, Response } from 'express';

export interface ConfirmQuestion {
  /** Locale key of the question, e.g. "Dzēst rādītāju “{name}”?". */
  question: string;
  params?: Record<string, string | number>;
  /** Locale key of what the action does (and what cannot be undone), shown under the question. */
  consequence?: string;
  /** Locale key of the button that does it. */
  button: string;
  /** Where "no" leads back to. */
  back: string;
}

/**
 * A destructive action taken from a page runs only when its form says `confirm=yes`. Otherwise the person is
 * asked first on a page of its own, whose form posts the same fields again with the confirmation: it needs no
 * script, and a second click on the same button cannot do it by accident.
 */
export function confirmed(req: Request, res: Response, ask: ConfirmQuestion): boolean {
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (body.confirm === 'yes') {
    delete body.confirm;
    return true;
  }
  const fields = Object.entries(body)
    .filter(([name, value]) => name !== 'confirm' && name !== '_csrf' && typeof value === 'string')
    .map(([name, value]) => ({ name, value }));
  res.status(200).render('pages/confirm', { titleKey: 'confirm.title', ...ask, params: ask.params ?? {}, action: req.originalUrl, fields });
  return false;
}
