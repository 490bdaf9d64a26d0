import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const VIEWS = join(__dirname, '..', '..', 'views');

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templates(join(dir, entry.name)) : entry.name.endsWith('.hbs') ? [join(dir, entry.name)] : [],
  );
}

/**
 * Handlebars indents every line an indented partial writes, a textarea's content included: a form shown again
 * would save its text with spaces added to each line after the first.
 */
it('calls the textarea-field partial only at the start of a line', () => {
  const indented = templates(VIEWS).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (/^\s+\{\{>\s*textarea-field\b/.test(line) ? [`${relative(VIEWS, file)}:${i + 1}`] : [])),
  );
  expect(indented).toEqual([]);
});
