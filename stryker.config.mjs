// Mutation testing of the domain's pure logic over its unit specs (`npm run test:mutation`); see docs/mutation-testing.md.
import { createRequire } from 'node:module';

// Each file is mutated and checked against the spec beside it (`x.ts` by `x.spec.ts`).
const mutate = [
  'src/i18n/dates.ts',
  'src/i18n/durations.ts',
  'src/calendar/ical-writer.ts',
  'src/common/csv.ts',
  'src/storage/file-names.ts',
  'src/storage/file-sniffer.ts',
  'src/auth/password-policy.ts',
  'src/submissions/submission-state.ts',
  'src/exams/question-body.ts',
  'src/exams/marking.ts',
  'src/exams/attempt-deadline.ts',
  'src/exams/question-draw.ts',
  'src/exams/item-statistics.ts',
  'src/exams/gift-format.ts',
  'src/exams/moodle-xml-format.ts',
];

const unit = createRequire(import.meta.url)('./jest.config.js').projects.find((project) => project.displayName === 'unit');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    config: { ...unit, roots: ['<rootDir>/src'], testMatch: mutate.map((file) => `<rootDir>/${file.replace(/\.ts$/, '.spec.ts')}`) },
    enableFindRelatedTests: true,
  },
  mutate,
  // 'all', not 'perTest': lazily built module state (the common-password list) would be credited to the first test only.
  coverageAnalysis: 'all',
  // Mutation runs are CPU-heavy: one test process unless asked otherwise (`-c 2`).
  concurrency: 1,
  // The sandbox holds only what the unit specs read: the sources, their data and texts, and the Jest set-up.
  ignorePatterns: [
    '/*',
    '!/src',
    '!/data',
    '!/locales',
    '!/views',
    '!/jest.config.js',
    '!/package.json',
    '!/tsconfig.json',
    '!/test',
    '/test/*',
    '!/test/support',
  ],
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 85, break: 85 },
};
