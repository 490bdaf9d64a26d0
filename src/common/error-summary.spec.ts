import { nameFieldsInSummary } from './error-summary';

const page = (fields: string) => `<main><form>
<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">Pārbaudiet atzīmētos laukus.</h2>
  <ul>
    <li><a href="#field-email">Šis lauks ir obligāts.</a></li><li><a href="#field-roles">Izvēlieties vismaz vienu.</a></li>
  </ul>
</div>
${fields}
</form></main>`;

describe('nameFieldsInSummary', () => {
  it('puts each field’s label, or its group’s legend, before the message in the summary', () => {
    const html = page(`<div class="field field-invalid">
  <label for="field-email">E-pasts <span class="required" aria-hidden="true">*</span></label>
  <p class="field-error" id="error-email">Šis lauks ir obligāts.</p><input id="field-email" name="email"></div>
<fieldset class="field"><legend>Lomas</legend><p class="field-error" id="error-roles">Izvēlieties vismaz vienu.</p>
  <label class="checkbox" for="field-roles"><input type="checkbox" id="field-roles"> Dalībnieks</label></fieldset>`);
    const named = nameFieldsInSummary(html);
    expect(named).toContain('<a href="#field-email"><span class="error-summary-field">E-pasts:</span> Šis lauks ir obligāts.</a>');
    expect(named).toContain('<a href="#field-roles"><span class="error-summary-field">Lomas:</span> Izvēlieties vismaz vienu.</a>');
    // Nothing else on the page changes.
    expect(named.replace(/<span class="error-summary-field">[^<]*<\/span> /g, '')).toBe(html);
  });

  it('keeps the label’s escaping and leaves a field with no label or no error as it was', () => {
    const html = page(`<label for="field-email">Tom &amp; Jerry &lt;b&gt;</label><p id="error-email">x</p>`);
    expect(nameFieldsInSummary(html)).toContain('<span class="error-summary-field">Tom &amp; Jerry &lt;b&gt;:</span>');
    expect(nameFieldsInSummary(html)).toContain('<a href="#field-roles">Izvēlieties');
    expect(nameFieldsInSummary('<p>no summary</p>')).toBe('<p>no summary</p>');
  });
});

describe('nameFieldsInSummary across groups', () => {
  it('does not borrow the legend of a group that has closed', () => {
    const html = page(`<fieldset><legend>Lomas</legend></fieldset><input id="field-email"><p id="error-email">x</p>`);
    expect(nameFieldsInSummary(html)).toContain('<a href="#field-email">Šis lauks');
  });
});
