import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { AttendanceDigest } from '../src/attendance/attendance-digest';
import { ATTENDANCE_DIGEST_QUEUE } from '../src/attendance/attendance-digest.processor';
import { rigaTime } from '../src/i18n/dates';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, startWorker, TestApp } from './support/app';
import { createAdmin, createInstructor, createTrainee } from './support/factories';
import { csrfToken, logIn } from './support/http';
import { createCohort, createPart, createProgramme, createSession, enrol } from './support/schedule-factories';

describe("the administrators' attendance digest", () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin: User;
  let englishAdmin: User;

  beforeAll(async () => {
    t = await startWebApp();
    worker = await startWorker();
    admin = await createAdmin(t.dataSource, { name: 'Ilze Administratore' });
    englishAdmin = await createAdmin(t.dataSource, { name: 'Grace Admin', language: 'en' });
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const digestsTo = (user: User) =>
    t.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { recipientId: user.id, template: 'attendance-digest' }, order: { createdAt: 'ASC' } });

  it('is one email a day to each administrator listing everyone below the minimum, however often the scan runs', async () => {
    const teacher = await createInstructor(t.dataSource);
    const part = await createPart(t.dataSource, await createProgramme(t.dataSource), { minAttendancePercent: 75 });
    const cohort = await createCohort(t.dataSource, part, {
      name: 'Digesta grupa',
      instructors: [teacher],
      startsOn: '2026-11-01',
      endsOn: '2099-12-31',
    });
    const ended = await createCohort(t.dataSource, part, { name: 'Beigusies grupa', instructors: [teacher] });
    const [zane, juris, anna, pauls] = await Promise.all(
      ['Zane Kalniņa', 'Juris Ozols', 'Anna Bērziņa', 'Pauls Beigtais'].map((name) => createTrainee(t.dataSource, { name })),
    );
    for (const trainee of [zane, juris, anna]) await enrol(t.dataSource, cohort, trainee);
    await enrol(t.dataSource, ended, pauls);
    const teacherAgent = await logIn(t.agent(), teacher.email);
    const token = await csrfToken(teacherAgent, '/');
    const mark = (sessionId: string, body: Record<string, unknown>) =>
      teacherAgent.put(`/api/v1/sessions/${sessionId}/attendance`).set('X-CSRF-Token', token).send(body).expect(200);
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2026-12-01T07:00:00Z') });
    await mark(session.id, {
      marks: [
        { userId: zane.id, status: 'absent' },
        { userId: juris.id, status: 'excused' },
      ],
      othersPresent: true,
    });
    const old = await createSession(t.dataSource, ended, { startsAt: new Date('2012-10-01T06:00:00Z') });
    await mark(old.id, { marks: [{ userId: pauls.id, status: 'absent' }] });
    expect(await digestsTo(admin)).toHaveLength(0);

    const digest = worker.get(AttendanceDigest);
    expect(await digest.send(rigaTime(2026, 12, 7, 7, 59))).toBe(0);
    await digest.send(rigaTime(2026, 12, 7, 8, 0));
    await digest.send(rigaTime(2026, 12, 7, 8, 5));
    await digest.send(rigaTime(2026, 12, 7, 17, 0));
    const [today, ...more] = await digestsTo(admin);
    expect(more).toHaveLength(0);
    expect(today.dedupKey).toBe(`attendance-digest:${admin.id}:2026-12-07`);
    expect(today.text).toContain('Labdien, Ilze Administratore!');
    expect(today.text).toContain('Juris Ozols — “Digesta grupa”');
    expect(today.text).toContain('Zane Kalniņa — “Digesta grupa”');
    expect(today.text).toContain(`http://kursors.test/cohorts/${cohort.id}/attendance`);
    expect(today.text).not.toContain('Anna Bērziņa');
    expect(today.text).not.toContain('Pauls Beigtais');
    const [english] = await digestsTo(englishAdmin);
    expect(english.subject).toMatch(/^Attendance below the minimum: \d+ trainees$/);
    expect(english.text).toContain('Zane Kalniņa — “Digesta grupa”');

    await digest.send(rigaTime(2026, 12, 8, 9, 0));
    expect((await digestsTo(admin)).map((m) => m.dedupKey)).toEqual([
      `attendance-digest:${admin.id}:2026-12-07`,
      `attendance-digest:${admin.id}:2026-12-08`,
    ]);
  });

  it('is scheduled by the worker', async () => {
    const queue = worker.get<Queue>(getQueueToken(ATTENDANCE_DIGEST_QUEUE));
    expect(await queue.getJobScheduler('attendance-digest-scan')).toMatchObject({ every: 3_600_000 });
  });
});
