"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.USER_FORM_OPTIONS = exports.STATUS_OPTIONS = exports.LANGUAGE_OPTIONS = exports.ROLE_OPTIONS = void 0;
exports.userFormValues = userFormValues;
exports.fieldLabel = fieldLabel;
exports.userView = userView;
const role_1 = require("./role");
/** Choices of the user forms and filters; labels are locale keys. */
exports.ROLE_OPTIONS = role_1.ROLES.map((value) => ({ value, label: `users.roles.${value}` }));
exports.LANGUAGE_OPTIONS = role_1.LANGUAGES.map((value) => ({ value, label: `users.languages.${value}` }));
exports.STATUS_OPTIONS = ['active', 'invited', 'disabled'].map((value) => ({ value, label: `users.statuses.${value}` }));
exports.USER_FORM_OPTIONS = { roleOptions: exports.ROLE_OPTIONS, languageOptions: exports.LANGUAGE_OPTIONS };
/** The form's values of an existing user. */
function userFormValues({ user }) {
    return { name: user.name, roles: user.roles, department: user.department ?? '', language: user.language };
}
/** The report fields the pages can name (others, like a wrong column count, concern the whole row). */
function fieldLabel(field) {
    return ['name', 'email', 'roles', 'department', 'language'].includes(field) ? `users.fields.${field}` : null;
}
const STATUS_BADGES = { active: 'badge-ok', invited: '', disabled: 'badge-danger' };
/** A user as the list and the user page show them: labels as locale keys. */
function userView(summary, actorId) {
    return {
        ...summary,
        self: summary.user.id === actorId,
        disabled: summary.status === 'disabled',
        roleLabels: summary.user.roles.map((role) => `users.roles.${role}`),
        statusLabel: `users.statuses.${summary.status}`,
        statusBadge: STATUS_BADGES[summary.status],
    };
}
