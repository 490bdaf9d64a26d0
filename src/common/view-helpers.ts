import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars, { type HelperOptions } from 'handlebars';
import { formatDate, formatDateTime, formatTime } from '../i18n/dates';
import { I18nService, isLanguage } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type HandlebarsLike = { registerHelper(name: string, fn: (...args: any[]) => unknown): void };

function langOf(options: HelperOptions): Language {
  const root = options.data?.root as { lang?: unknown } | undefined;
  return isLanguage(root?.lang) ? root.lang : 'lv';
}

/** A choice of a select: its text given, or a locale key to translate. */
interface SelectOption {
  value?: unknown;
  label?: string;
  text?: unknown;
}

/** Already-escaped markup, which Handlebars writes as it is (it asks any value for `toHTML`). */
const markup = (html: string) => ({ toHTML: () => html });

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** Registers every views/partials/*.hbs at once (hbs's own registerPartials is asynchronous). */
export function registerPartials(handlebars: { registerPartial(name: string, source: string): void }, dir: string): void {
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.hbs')) handlebars.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(dir, file), 'utf8'));
  }
}

/**
 * The few helpers views may use: translation, dates in Riga time, comparisons for loops and conditionals, and a
 * select's choices. Registered on both the page engine and the email engine.
 */
export function registerViewHelpers(handlebars: HandlebarsLike, i18n: I18nService): void {
  // `{{t key name=value}}`, or `{{t key params}}` with an object of parameters (as flash messages carry).
  handlebars.registerHelper('t', ((key: unknown, ...rest: unknown[]) => {
    const options = rest.pop() as HelperOptions;
    const params = rest[0] !== null && typeof rest[0] === 'object' ? (rest[0] as Record<string, never>) : {};
    return typeof key === 'string' ? i18n.t(langOf(options), key, { ...params, ...options.hash }) : '';
  }) as never);
  handlebars.registerHelper('date', ((value: unknown, options: HelperOptions) => {
    const date = toDate(value);
    return date ? formatDate(date, langOf(options)) : '';
  }) as never);
  handlebars.registerHelper('datetime', ((value: unknown, options: HelperOptions) => {
    const date = toDate(value);
    return date ? formatDateTime(date, langOf(options)) : '';
  }) as never);
  handlebars.registerHelper('time', ((value: unknown) => {
    const date = toDate(value);
    return date ? formatTime(date) : '';
  }) as never);
  handlebars.registerHelper('iso', ((value: unknown) => toDate(value)?.toISOString() ?? '') as never);
  handlebars.registerHelper('eq', ((a: unknown, b: unknown) => a === b) as never);
  // A form value of a checkbox group is a string when one box was ticked, an array when several were.
  handlebars.registerHelper('includes', ((list: unknown, item: unknown) =>
    Array.isArray(list) ? list.includes(item) : list === item) as never);
  handlebars.registerHelper('or', ((...args: unknown[]) => args.slice(0, -1).some(Boolean)) as never);
  handlebars.registerHelper('and', ((...args: unknown[]) => args.slice(0, -1).every(Boolean)) as never);
  handlebars.registerHelper('not', ((value: unknown) => !value) as never);
  // `{{selectOptions list value}}`: the <option> elements of a select, the one whose value is `value` selected, every
  // value and text escaped. A filter of a long queue lists a hundred or more; written by a loop of the template,
  // they took about a millisecond of the page's rendering.
  handlebars.registerHelper('selectOptions', ((list: unknown, selected: unknown, options: HelperOptions) => {
    if (!Array.isArray(list)) return '';
    const lang = langOf(options);
    const escape = Handlebars.escapeExpression;
    let html = '';
    for (const option of list as SelectOption[]) {
      const text = option.label ? i18n.t(lang, option.label) : option.text;
      html += `<option value="${escape(option.value as string)}"${option.value === selected ? ' selected' : ''}>${escape(text as string)}</option>`;
    }
    return markup(html);
  }) as never);
}
