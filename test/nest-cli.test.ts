import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMAIL_VIEWS_DIR } from '../src/notifications/mail-renderer';

const ROOT = join(__dirname, '..');
const readJson = (name: string) => JSON.parse(readFileSync(join(ROOT, name), 'utf8'));

describe('nest-cli.json', () => {
  const cli = readJson('nest-cli.json');
  const build = readJson('tsconfig.build.json');
  const scripts = readJson('package.json').scripts as Record<string, string>;

  it('builds with tsc from the same source root and tsconfig as npm run build', () => {
    expect(cli.sourceRoot).toBe(build.compilerOptions.rootDir);
    expect(cli.compilerOptions.builder).toBe('tsc');
    expect(scripts.build).toBe(`tsc -p ${cli.compilerOptions.tsConfigPath}`);
  });

  it('starts the same entry file as npm run start:web', () => {
    expect(scripts['start:web']).toBe(`node ${build.compilerOptions.outDir}/${cli.entryFile}.js`);
  });

  it('copies no views or locales into dist, because the processes read them from the project root', () => {
    expect(cli.compilerOptions.assets).toEqual([]);
    expect(EMAIL_VIEWS_DIR.startsWith(join(ROOT, 'views'))).toBe(true);
    expect(existsSync(join(ROOT, 'views', 'layouts'))).toBe(true);
    expect(existsSync(join(ROOT, 'locales', 'lv'))).toBe(true);
    expect(existsSync(join(ROOT, 'locales', 'en'))).toBe(true);
  });
});
