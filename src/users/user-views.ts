import { ROLES } from '../common/roles';
import { LANGUAGES } from '../i18n/languages';
import type { UserSummary } from './user-summary';

/** Choices of the user forms and filters; labels are locale keys. */
export const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: `users.roles.${value}` }));
export const LANGUAGE_OPTIONS = LANGUAGES.map((value) => ({ value, label: `users.languages.${value}` }));
export const STATUS_OPTIONS = (['active', 'invited', 'disabled'] as const).map((value) => ({ value, label: `users.statuses.${value}` }));

export const USER_FORM_OPTIONS = { roleOptions: ROLE_OPTIONS, languageOptions: LANGUAGE_OPTIONS };

/** The form's values of an existing user. */
export function userFormValues({ user }: UserSummary) {
  return { name: user.name, roles: user.roles, department: user.department ?? '', language: user.language };
}

/** The report fields the pages can name (others, like a wrong column count, concern the whole row). */
export function fieldLabel(field: string): string | null {
  return ['name', 'email', 'roles', 'department', 'language'].includes(field) ? `users.fields.${field}` : null;
}

const STATUS_BADGES = { active: 'badge-ok', invited: '', disabled: 'badge-danger' } as const;

/** A user as the list and the user page show them: labels as locale keys. */
export function userView(summary: UserSummary, actorId: string | null) {
  return {
    ...summary,
    self: summary.user.id === actorId,
    disabled: summary.status === 'disabled',
    roleLabels: summary.user.roles.map((role) => `users.roles.${role}`),
    statusLabel: `users.statuses.${summary.status}`,
    statusBadge: STATUS_BADGES[summary.status],
  };
}
