// The OpenAPI linter and type generator are ESM only, which Jest's loader cannot run: the tests call them here.
//   node openapi-tools.mjs lint <document.json>            prints the problems Redocly's recommended rules find, as JSON
//   node openapi-tools.mjs types <document.json> <out.ts>  writes the TypeScript types openapi-typescript generates
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const [command, file, out] = process.argv.slice(2);

if (command === 'lint') {
  const { createConfig, lintFromString } = await import('@redocly/openapi-core');
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: await readFile(file, 'utf8'), absoluteRef: file, config });
  const shown = problems.map((p) => ({ rule: p.ruleId, severity: p.severity, message: p.message, at: p.location?.[0]?.pointer }));
  process.stdout.write(JSON.stringify(shown));
} else if (command === 'types') {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(pathToFileURL(file));
  await writeFile(out, astToString(ast));
} else {
  console.error('usage: openapi-tools.mjs lint <document.json> | types <document.json> <out.ts>');
  process.exit(2);
}
