import { DataSource } from 'typeorm';
import { ACTIVE_STATUS, MEMBER_STATUSES } from '../src/cohorts/enrolment-status';
import { ENROLMENT_STATUSES } from '../src/cohorts/enrolment.entity';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createInstructor, createTrainee } from './support/factories';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';

/** The SQL views and the named status sets are one rule: a view that drifts from enrolment-status.ts fails here. */
describe('cohort_members and cohort_teachers', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await new DataSource({ ...dataSourceOptions({ DATABASE_URL: process.env.DATABASE_URL! }), logging: false }).initialize();
  });
  afterAll(() => ds.destroy());

  it('hold exactly the members of a cohort, active ones marked, as enrolment-status.ts names them', async () => {
    const cohort = await createCohort(ds, await createPart(ds, await createProgramme(ds)));
    const byStatus = new Map<string, string>();
    for (const status of ENROLMENT_STATUSES) byStatus.set((await enrol(ds, cohort, await createTrainee(ds), status)).userId, status);
    const rows: { user_id: string; status: string; active: boolean }[] = await ds.query(
      'SELECT user_id, status, active FROM cohort_members WHERE cohort_id = $1',
      [cohort.id],
    );
    const seen = new Map(rows.map((r) => [r.user_id, r]));
    for (const [userId, status] of byStatus) {
      expect({ status, member: seen.has(userId) }).toEqual({ status, member: MEMBER_STATUSES.includes(status as never) });
      if (seen.has(userId)) expect({ status, active: seen.get(userId)!.active }).toEqual({ status, active: status === ACTIVE_STATUS });
    }
    expect(rows).toHaveLength(MEMBER_STATUSES.length);
  });

  it('name the instructors of each cohort with its part, so a part is taught by the teachers of any of its cohorts', async () => {
    const part = await createPart(ds, await createProgramme(ds));
    const [ilze, juris] = [await createInstructor(ds), await createInstructor(ds)];
    const autumn = await createCohort(ds, part, { instructors: [ilze] });
    const spring = await createCohort(ds, part, { instructors: [ilze, juris] });
    await createCohort(ds, part);
    const rows: { cohort_id: string; part_id: string; user_id: string }[] = await ds.query(
      'SELECT cohort_id, part_id, user_id FROM cohort_teachers WHERE part_id = $1 ORDER BY cohort_id, user_id',
      [part.id],
    );
    const expected = [
      { cohort_id: autumn.id, part_id: part.id, user_id: ilze.id },
      { cohort_id: spring.id, part_id: part.id, user_id: ilze.id },
      { cohort_id: spring.id, part_id: part.id, user_id: juris.id },
    ].sort((a, b) => a.cohort_id.localeCompare(b.cohort_id) || a.user_id.localeCompare(b.user_id));
    expect(rows).toEqual(expected);
  });
});
