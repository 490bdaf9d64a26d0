import { execFileSync } from 'node:child_process';
import { prettyTransport } from './logging.module';

function logOneLine(transport: unknown): string {
  const script = `const pino = require('pino'); const t = ${JSON.stringify(transport ?? null)};
    const log = t ? pino({ transport: t }) : pino(); log.info({ jobId: 'j1' }, 'worker started');`;
  return execFileSync(process.execPath, ['-e', script], {
    cwd: process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1' },
  });
}

describe('log lines', () => {
  it('are readable text in development', () => {
    const line = logOneLine(prettyTransport('development'));
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] .*INFO.*: worker started/);
    expect(line).toContain('jobId');
    expect(() => JSON.parse(line)).toThrow();
  });

  it('are JSON in production and in tests', () => {
    expect(prettyTransport('production')).toBeUndefined();
    expect(prettyTransport('test')).toBeUndefined();
    expect(JSON.parse(logOneLine(prettyTransport('production')))).toMatchObject({ level: 30, msg: 'worker started', jobId: 'j1' });
  });
});
