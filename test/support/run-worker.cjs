// Runs the real worker (src/worker.ts) as a child process that a test can kill, compiling TypeScript as it loads.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
  },
  module: { type: 'commonjs' },
};
require.extensions['.ts'] = (module, filename) =>
  module._compile(transformSync(readFileSync(filename, 'utf8'), { ...swc, filename }).code, filename);

require('reflect-metadata');
require('../../src/worker.ts')
  .startWorker()
  .then(() => process.send?.('started'));
