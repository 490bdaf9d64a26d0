import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { LANGUAGES, type Language } from './languages';

type Messages = { [key: string]: string | Messages };
export type TranslateParams = Record<string, string | number | undefined | null>;

const LOCALES_DIR = join(__dirname, '..', '..', 'locales');
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Each feature keeps its messages in locales/<lang>/<namespace>.json; keys read `<namespace>.<key>`. */
function loadLanguage(lang: Language): Messages {
  const dir = join(LOCALES_DIR, lang);
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  return Object.fromEntries(
    files.map((name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, name), 'utf8')) as Messages]),
  );
}

/** Latvian first, English second. */
@Injectable()
export class I18nService {
  private readonly messages: Record<Language, Messages>;
  private readonly plurals = new Map<Language, Intl.PluralRules>();

  constructor() {
    this.messages = Object.fromEntries(LANGUAGES.map((lang) => [lang, loadLanguage(lang)])) as Record<Language, Messages>;
    for (const lang of LANGUAGES) this.plurals.set(lang, new Intl.PluralRules(lang));
  }

  has(lang: Language, key: string): boolean {
    return this.lookup(lang, key) !== undefined;
  }

  t(lang: Language, key: string, params: TranslateParams = {}): string {
    const entry = this.lookup(lang, key) ?? this.lookup('lv', key);
    if (entry === undefined) return key;
    const text = typeof entry === 'string' ? entry : this.pluralForm(lang, entry, params.count);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined || value === null ? whole : String(value);
    });
  }

  /** Picks the plural form: Latvian has zero (0, 10–20, 30…), one (1, 21, 31… not 11) and other. */
  private pluralForm(lang: Language, forms: Messages, count: unknown): string {
    const n = typeof count === 'number' ? count : Number(count ?? 0);
    const category = this.plurals.get(lang)!.select(n);
    const chosen = forms[category] ?? forms.other;
    if (typeof chosen === 'string') return chosen;
    const fallback = PLURAL_FORMS.map((form) => forms[form]).find((v) => typeof v === 'string');
    return (fallback as string | undefined) ?? '';
  }

  private lookup(lang: Language, key: string): string | Messages | undefined {
    let node: string | Messages | undefined = this.messages[lang];
    for (const part of key.split('.')) {
      if (node === undefined || typeof node === 'string') return undefined;
      node = node[part];
    }
    return node;
  }
}
