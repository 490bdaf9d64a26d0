import { I18nService } from './i18n.service';

describe('I18nService', () => {
  const i18n = new I18nService();

  it('translates into Latvian and English', () => {
    expect(i18n.t('lv', 'auth.login.title')).toBe('Pieteikšanās');
    expect(i18n.t('en', 'auth.login.title')).toBe('Log in');
  });

  it('fills in named parameters', () => {
    expect(i18n.t('lv', 'home.greeting', { name: 'Anna' })).toBe('Labdien, Anna!');
  });

  it('falls back to the key when a message is missing, so a gap is visible rather than blank', () => {
    expect(i18n.t('en', 'no.such.key')).toBe('no.such.key');
  });

  it.each([
    [0, 'Jābūt vismaz 0 rakstzīmēm.'],
    [1, 'Jābūt vismaz 1 rakstzīmei.'],
    [11, 'Jābūt vismaz 11 rakstzīmēm.'],
    [21, 'Jābūt vismaz 21 rakstzīmei.'],
    [8, 'Jābūt vismaz 8 rakstzīmēm.'],
  ])('uses the Latvian plural form for %i', (count, expected) => {
    expect(i18n.t('lv', 'validation.tooSmall.string', { min: count, count })).toBe(expected);
  });

  it('uses the English plural forms', () => {
    expect(i18n.t('en', 'validation.tooSmall.string', { min: 1, count: 1 })).toBe('Must be at least 1 character.');
    expect(i18n.t('en', 'validation.tooSmall.string', { min: 21, count: 21 })).toBe('Must be at least 21 characters.');
  });

  it('has every Latvian key in English too, and the other way round', () => {
    const keys = (lang: 'lv' | 'en') => flatten((i18n as unknown as { messages: Record<string, object> }).messages[lang]);
    const lv = keys('lv').filter((k) => !/\.(zero|one|two|few|many)$/.test(k));
    const en = keys('en').filter((k) => !/\.(zero|one|two|few|many)$/.test(k));
    expect(lv.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !lv.includes(k))).toEqual([]);
  });
});

function flatten(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatten(value as object, `${prefix}${key}.`),
  );
}
