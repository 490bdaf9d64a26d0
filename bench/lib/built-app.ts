import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './processes';

const requireFromRoot = createRequire(join(ROOT, 'package.json'));

/**
 * A module of the built application (`dist/`, from `npm run build`), typed by its source:
 * `fromDist<typeof import('../src/database/migrate')>('database/migrate')`.
 *
 * Benchmarks measure what is deployed, and the copies of `src/` that tsconfig.bench.json compiles into
 * dist-bench/ would look for views/, locales/ and data/ beside themselves, where there are none.
 */
export function fromDist<T>(modulePath: string): T {
  return requireFromRoot(join(ROOT, 'dist', modulePath)) as T;
}
