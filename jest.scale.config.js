/**
 * The scale test (test/scale/): the built web and worker processes (`npm run build` first) behind HAProxy on a
 * Redis Cluster it starts itself, with a database of its own. Needs redis-server, redis-cli and haproxy.
 */
const base = require('./jest.config.js').projects[1];

module.exports = {
  ...base,
  displayName: 'scale',
  testMatch: ['<rootDir>/test/scale/**/*.test.ts'],
  testPathIgnorePatterns: [],
  // The processes migrate their own database as they start.
  setupFilesAfterEnv: [],
  testTimeout: 300000,
  maxWorkers: 1,
};
