import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { I18nService } from '../i18n/i18n.service';
import { registerViewHelpers } from './view-helpers';

function engine() {
  const handlebars = Handlebars.create();
  const i18n = { t: (lang: string, key: string) => `${lang}:${key}` } as unknown as I18nService;
  registerViewHelpers(handlebars, i18n);
  handlebars.registerPartial('select-field', readFileSync(join(__dirname, '..', '..', 'views', 'partials', 'select-field.hbs'), 'utf8'));
  return handlebars;
}

describe('the select-field partial', () => {
  const render = (data: object) =>
    engine().compile(
      '{{> select-field name="cohort" label="grading.queue.cohort" options=choices value=chosen blank="grading.queue.anyCohort"}}',
    )(data);
  const optionsOf = (html: string) => [...html.matchAll(/<option[^>]*>[^<]*<\/option>/g)].map((m) => m[0]);

  it('lists every choice, escaped, with the one chosen selected', () => {
    const html = render({
      lang: 'en',
      chosen: 'b',
      choices: [
        { value: 'a', text: 'Rīga <2012> & "Jūrmala"' },
        { value: 'b', text: "O'Neil" },
      ],
    });
    expect(optionsOf(html)).toEqual([
      '<option value="">en:grading.queue.anyCohort</option>',
      '<option value="a">Rīga &lt;2012&gt; &amp; &quot;Jūrmala&quot;</option>',
      '<option value="b" selected>O&#x27;Neil</option>',
    ]);
  });

  it('translates choices given as locale keys into the page language, and selects none when nothing matches', () => {
    const html = render({ lang: 'lv', chosen: '', choices: [{ value: 'late', label: 'grading.queue.lateOnly' }] });
    expect(optionsOf(html)).toEqual([
      '<option value="">lv:grading.queue.anyCohort</option>',
      '<option value="late">lv:grading.queue.lateOnly</option>',
    ]);
  });

  it('escapes a value that would end the attribute', () => {
    const html = render({ lang: 'lv', chosen: null, choices: [{ value: '"><script>', text: 'x' }] });
    expect(html).not.toContain('<script>');
    expect(optionsOf(html)[1]).toBe('<option value="&quot;&gt;&lt;script&gt;">x</option>');
  });
});
