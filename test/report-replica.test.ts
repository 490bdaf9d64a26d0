import { startWebApp, TestApp } from './support/app';
import { bankQuestion, examCohort, onlineExam } from './support/exam-marking-factories';
import { createAdmin, createApiToken } from './support/factories';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';

/**
 * DATABASE_REPLICA_URL: a standby for reports. Here the "standby" is the same database reached through a proxy the
 * test can take down, which tells which reads go there: statistics fail without it, everything else works.
 */
describe('reports on a standby', () => {
  let t: TestApp;
  let standby: TcpProxy;
  let api: (path: string) => Promise<{ status: number }>;

  beforeAll(async () => {
    const primary = new URL(process.env.DATABASE_URL!);
    standby = await startTcpProxy(Number(primary.port || 5432), primary.hostname);
    const replica = new URL(primary.toString());
    replica.port = String(standby.port);
    process.env.DATABASE_REPLICA_URL = replica.toString();
    t = await startWebApp();
    const { secret } = await createApiToken(t.dataSource, await createAdmin(t.dataSource));
    api = (path) => t.http().get(path).set('Authorization', `Bearer ${secret}`);
  });
  afterAll(async () => {
    delete process.env.DATABASE_REPLICA_URL;
    await t?.close();
    await standby?.stop();
  });

  it('reads an exam’s statistics on the standby, and nothing else', async () => {
    const { cohort } = await examCohort(t.dataSource, 1);
    const question = await bankQuestion(t.dataSource, cohort, 'Termiņi', 2, {
      kind: 'single',
      choices: [
        { id: 'a', text: '10 dienas', fraction: 1 },
        { id: 'b', text: '20 dienas', fraction: 0 },
      ],
    });
    const exam = await onlineExam(t.dataSource, cohort, [question]);

    expect((await api(`/api/v1/exams/${exam.id}/statistics`)).status).toBe(200);
    const [{ count }]: { count: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = 'kursors-reports' AND datname = current_database()`,
    );
    expect(count).toBeGreaterThan(0);

    await standby.stop();
    expect((await api(`/api/v1/exams/${exam.id}/statistics`)).status).toBe(503);
    expect((await api(`/api/v1/exams/${exam.id}`)).status).toBe(200);

    await standby.start();
    expect((await api(`/api/v1/exams/${exam.id}/statistics`)).status).toBe(200);
  });
});
