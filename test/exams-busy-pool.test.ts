import { startWebApp, TestApp } from './support/app';
import { createBank, createOnlineExam } from './support/exam-factories';
import { createApiToken, createTrainee } from './support/factories';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';

const POOL_SIZE = 3;
const TRAINEES = 8;

/**
 * An exam opening: more trainees start at once than the web process has database connections. Each start waits
 * its turn on the exam's row; one that took a second connection while holding it would wait for ever on a pool
 * that the starts queued behind it have taken.
 */
describe('exam starts on a busy database pool', () => {
  let t: TestApp;
  beforeAll(async () => {
    process.env.DATABASE_POOL_SIZE = String(POOL_SIZE);
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
    delete process.env.DATABASE_POOL_SIZE;
  });

  it(`starts the attempts of ${TRAINEES} trainees at once on a pool of ${POOL_SIZE} connections`, async () => {
    const ds = t.dataSource;
    const part = await createPart(ds, await createProgramme(ds));
    const cohort = await createCohort(ds, part, { capacity: TRAINEES });
    const exam = await createOnlineExam(ds, cohort, (await createBank(ds, part)).questionIds);
    const tokens: string[] = [];
    for (let i = 0; i < TRAINEES; i++) {
      const trainee = await createTrainee(ds);
      await enrol(ds, cohort, trainee);
      tokens.push((await createApiToken(ds, trainee)).secret);
    }
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('the starts did not finish within 15 s')), 15_000);
    });
    const starts = Promise.all(
      tokens.map((token) => t.http().post(`/api/v1/exams/${exam.id}/attempts`).set('Authorization', `Bearer ${token}`)),
    );
    try {
      const results = await Promise.race([starts, stuck]);
      expect(results.map((r) => r.status)).toEqual(Array(TRAINEES).fill(201));
    } finally {
      clearTimeout(timer);
    }
  });
});
