import { z } from 'zod';
import { LANGUAGES, ROLES } from '../users/role';

/** Trimmed text of bounded length; empty strings become undefined so optional fields stay optional. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max).optional());

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const language = z.enum(LANGUAGES);
export const role = z.enum(ROLES);

/** A checkbox list arrives as a string when one box is ticked, an array when several are. */
export const roleList = z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(role).min(1).max(3));

/** HTML checkboxes send "on" or nothing; JSON sends booleans. */
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

export const uuid = z.uuid();

export const page = z.coerce.number().int().min(1).max(100000).default(1);
export const pageSize = z.coerce.number().int().min(1).max(200).default(25);
