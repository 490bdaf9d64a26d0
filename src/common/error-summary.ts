/**
 * A refused form's summary names each field as the form labels it: "E-pasts: Šis lauks ir obligāts." The labels
 * live in the templates, so they are read from the rendered page — the label (or a group's legend) that comes
 * last before the field's error message — and put in front of the summary's links to those fields.
 */
export function nameFieldsInSummary(html: string): string {
  const start = html.indexOf('<div class="error-summary"');
  if (start < 0) return html;
  const end = html.indexOf('</div>', start);
  if (end < 0) return html;
  const summary = html.slice(start, end).replace(/<a href="#field-([\w.[\]-]+)">/g, (link, field: string) => {
    const label = fieldLabel(html, field, end);
    return label ? `${link}<span class="error-summary-field">${label}:</span> ` : link;
  });
  return html.slice(0, start) + summary + html.slice(end);
}

/** The text (still HTML-escaped, tags removed) of the field's label or legend, or null when it has none. */
function fieldLabel(html: string, field: string, after: number): string | null {
  const errorAt = html.indexOf(`id="error-${field}"`, after);
  if (errorAt < 0) return null;
  const before = html.slice(after, errorAt);
  const labelAt = before.lastIndexOf(`<label for="field-${field}"`);
  // A legend names the field only inside its own group.
  const legendAt = before.lastIndexOf('</fieldset>') > before.lastIndexOf('<legend') ? -1 : before.lastIndexOf('<legend');
  const at = Math.max(labelAt, legendAt);
  if (at < 0) return null;
  const close = at === labelAt ? '</label>' : '</legend>';
  const openEnd = before.indexOf('>', at);
  const closeAt = before.indexOf(close, openEnd);
  if (openEnd < 0 || closeAt < 0) return null;
  const text = before
    .slice(openEnd + 1, closeAt)
    .replace(/<span class="required"[^>]*>[^<]*<\/span>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}
