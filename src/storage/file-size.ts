import type { Language } from '../i18n/languages';

const UNITS = ['B', 'KB', 'MB', 'GB'];

/** Made once per language and precision: making one costs far more than formatting with it (receipts list every file). */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Language, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.NumberFormat(lang === 'lv' ? 'lv-LV' : 'en-GB', { maximumFractionDigits: digits });
    formatters.set(key, made);
  }
  return made;
}

/** "1,4 MB" in Latvian, "1.4 MB" in English (binary multiples, as operating systems show them). */
export function formatFileSize(bytes: number, lang: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = formatter(lang, digits).format(value);
  // A no-break space keeps the number and its unit on one line.
  return `${number}\u00a0${UNITS[unit]}`;
}
