export const SESSION_COOKIE = 'kursors.sid';
export const LANGUAGE_COOKIE = 'kursors.lang';
