import type { Language } from './languages';

/** The English text when there is one and English is wanted; Latvian otherwise. */
export function localized(lang: Language, lv: string, en: string | null | undefined): string {
  return lang === 'en' && en ? en : lv;
}
