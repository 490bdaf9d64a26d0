export const ROLES = ['trainee', 'instructor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['lv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
