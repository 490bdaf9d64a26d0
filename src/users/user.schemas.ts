import { z } from 'zod';
import { checkbox, email, language, optionalText, page, pageSize, requiredText, roleList, role } from '../common/schemas';

export const createUserSchema = z.strictObject({
  email,
  name: requiredText(200),
  roles: roleList,
  department: optionalText(200),
  language: language.default('lv'),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  name: requiredText(200),
  roles: roleList,
  department: optionalText(200),
  language,
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** The API's PATCH: only the fields sent change; an empty or null department clears it. */
export const patchUserSchema = z.strictObject({
  name: requiredText(200).optional(),
  roles: roleList.optional(),
  department: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(200).nullable()).optional(),
  language: language.optional(),
});
export type PatchUserInput = z.infer<typeof patchUserSchema>;

export const profileSchema = z.strictObject({
  name: requiredText(200),
  language,
  notifyReminders: checkbox,
  notifyUpdates: checkbox,
});
export type ProfileInput = z.infer<typeof profileSchema>;

/** The profile through the API: JSON booleans, and only the fields sent change. */
export const profilePatchSchema = z
  .strictObject({ name: requiredText(200), language, notifyReminders: z.boolean(), notifyUpdates: z.boolean() })
  .partial();

/** A CSV import as pasted text (the form's textarea, or the API's JSON); an uploaded file comes beside it. */
export const importUsersSchema = z.strictObject({ csv: z.string().max(2_000_000).optional() });

export const userListQuerySchema = z.object({
  q: optionalText(200),
  role: z.preprocess((v) => (v === '' ? undefined : v), role.optional()),
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['active', 'disabled', 'invited']).optional()),
  page,
  pageSize,
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const passwordSchema = z.strictObject({
  /** The form's hidden account name, there for password managers; not used. */
  username: z.string().max(254).optional(),
  password: z.string().max(1000),
  passwordConfirm: z.string().max(1000),
});
