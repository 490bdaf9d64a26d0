/** Unit tests beside the code (src/**\/*.spec.ts); integration and e2e tests in test/ against the real services. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit)/)'],
  setupFiles: ['<rootDir>/test/support/env.ts'],
  // A mutation run's copy of the project (stryker.config.mjs) is not part of it.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
};

module.exports = {
  // Jest applies only the top-level testTimeout (a project's own is ignored): real services need more than 5 s.
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/browser/', '<rootDir>/test/scale/'],
      setupFilesAfterEnv: ['<rootDir>/test/support/database.ts'],
      testTimeout: 30000,
    },
  ],
};
