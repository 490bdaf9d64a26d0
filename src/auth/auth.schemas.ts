import { z } from 'zod';
import { textProblem } from '../common/control-characters';
import { email, language, requiredText } from '../common/schemas';

export const loginSchema = z.object({
  email,
  password: z.string().min(1).max(1000),
  next: z.string().max(2000).optional(),
});

export const languageSchema = z.object({
  lang: language,
  next: z.string().max(2000).optional(),
});

export const resetRequestSchema = z.object({ email });

export const apiTokenSchema = z.strictObject({ name: requiredText(100) });

/** Only same-site paths, on one line, may be a redirect target after login. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !textProblem(next) ? next : '/';
}
