/** Browser tests: Playwright (playwright-core) driving Debian's Chromium, axe-core for WCAG 2.1 AA. */
const base = require('./jest.config.js').projects[1];

module.exports = {
  ...base,
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  testPathIgnorePatterns: [],
  testTimeout: 120000,
  maxWorkers: 1,
};
