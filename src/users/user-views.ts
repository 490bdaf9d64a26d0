import type { ApiToken } from '../auth/api-token.entity';
import { pager } from '../common/paging';
import { ROLES } from '../common/roles';
import { LANGUAGES } from '../i18n/languages';
import type { UserImportReport } from './user-import.service';
import type { User } from './user.entity';
import type { UserListQuery } from './user.schemas';
import type { ApiTokenResponse, UserResponse } from './user.responses';
import type { UserSummary } from './user-summary';

/** Choices of the user forms and filters; labels are locale keys. */
export const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: `users.roles.${value}` }));
export const LANGUAGE_OPTIONS = LANGUAGES.map((value) => ({ value, label: `users.languages.${value}` }));
export const STATUS_OPTIONS = (['active', 'invited', 'disabled'] as const).map((value) => ({ value, label: `users.statuses.${value}` }));

const USER_FORM_OPTIONS = { roleOptions: ROLE_OPTIONS, languageOptions: LANGUAGE_OPTIONS };

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

/** The administrator's list of users, with its filters and pager. */
export function userListPage({ items, total }: { items: UserSummary[]; total: number }, query: UserListQuery, actorId: string | null) {
  return {
    titleKey: 'users.title',
    items: items.map((item) => userView(item, actorId)),
    total,
    query,
    pager: pager('/admin/users', query, total),
    roleOptions: ROLE_OPTIONS,
    statusOptions: STATUS_OPTIONS,
  };
}

/** The new-user form; `values` when it is first shown: a trainee reading Latvian. */
export function newUserPage(values?: { roles: string[]; language: string }) {
  return { titleKey: 'users.form.newTitle', ...USER_FORM_OPTIONS, ...(values ? { values } : {}) };
}

/** A user's page: the account form, its status and its API tokens. */
export function userEditPage(summary: UserSummary, tokens: ApiToken[], actorId: string | null) {
  return { titleKey: 'users.form.editTitle', account: userView(summary, actorId), tokens, ...USER_FORM_OPTIONS };
}

/** The import page, and after a refused file its report row by row. */
export function importPage() {
  return { titleKey: 'users.import.title' };
}

export function importReportPage(report: UserImportReport, values: Record<string, unknown>) {
  const rows = report.rows.map((row) => ({
    ...row,
    statusLabel: `users.import.status.${row.status}`,
    errors: row.errors.map((e) => ({ ...e, label: fieldLabel(e.field) })),
  }));
  return { ...importPage(), report: { ...report, rows }, values };
}

/** One's own profile page; its values are the account's as saved. */
export function profilePage(user: User) {
  return {
    titleKey: 'profile.title',
    email: user.email,
    roleLabels: user.roles.map((role) => `users.roles.${role}`),
    languageOptions: LANGUAGE_OPTIONS,
  };
}

export function profileValues(user: User) {
  return { name: user.name, language: user.language, notifyReminders: user.notifyReminders, notifyUpdates: user.notifyUpdates };
}

/** The form for a new API token of `owner`, and the page showing its secret once. */
export function tokenNewPage(owner: User) {
  return { titleKey: 'tokens.newTitle', owner };
}

export function tokenCreatedPage(owner: User, token: ApiToken, secret: string) {
  return { titleKey: 'tokens.createdTitle', owner, token, secret };
}

/** A user as the API gives them: never the password hash. */
export function userJson({ user, status }: UserSummary): UserResponse {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    department: user.department,
    language: user.language,
    status,
    notifyReminders: user.notifyReminders,
    notifyUpdates: user.notifyUpdates,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export function userPageJson({ items, total }: { items: UserSummary[]; total: number }, query: UserListQuery) {
  return { items: items.map(userJson), total, page: query.page, pageSize: query.pageSize };
}

/** An API token as listed: its name and first characters, never its hash; the secret only when just created. */
export function apiTokenJson(token: ApiToken): ApiTokenResponse {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdById: token.createdById,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

export function createdApiTokenJson(token: ApiToken, secret: string) {
  return { ...apiTokenJson(token), secret };
}

/** A refused import: the error body with the report of every row. */
export function importRefusedJson(report: UserImportReport, message: string) {
  return { statusCode: 422, code: 'IMPORT_REFUSED', message, ...report };
}
