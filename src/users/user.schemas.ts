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

export const profileSchema = z.strictObject({
  name: requiredText(200),
  language,
  notifyReminders: checkbox,
  notifyUpdates: checkbox,
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const userListQuerySchema = z.object({
  q: optionalText(200),
  role: z.preprocess((v) => (v === '' ? undefined : v), role.optional()),
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['active', 'disabled', 'invited']).optional()),
  page,
  pageSize,
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const passwordSchema = z.strictObject({
  password: z.string().max(1000),
  passwordConfirm: z.string().max(1000),
});
