import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../src/config/app-config';
import { OutboxService } from '../src/notifications/outbox.service';
import { SessionRecords } from '../src/sessions/session-records.service';
import { SessionRemindersService } from '../src/sessions/session-reminders.service';
import { startWebApp, startWorker, TestApp } from './support/app';
import { createAdmin, createInstructor, createTrainee } from './support/factories';
import { csrfToken, logIn } from './support/http';
import { createCohort, createPart, createProgramme, createSession, enrol } from './support/schedule-factories';
import type { Cohort } from '../src/cohorts/cohort.entity';
import type { Session } from '../src/sessions/session.entity';
import type { User } from '../src/users/user.entity';
import { Queue } from 'bullmq';
import { SESSION_REMINDERS_QUEUE } from '../src/sessions/session-reminders.processor';
import { bullPrefix } from '../src/redis/redis-keys';

interface OutboxRow {
  template: string;
  recipient_id: string;
  status: string;
  last_error: string | null;
  dedup_key: string;
  subject: string;
  text: string;
}

describe('session reminders and change notices', () => {
  let t: TestApp;
  let reminders: SessionRemindersService;
  let admin: User;
  let teacher: User;
  let trainee: User;
  let cohort: Cohort;

  const outboxOf = (sessionId: string): Promise<OutboxRow[]> =>
    t.dataSource.query(
      `SELECT template, recipient_id, status, last_error, dedup_key, subject, text FROM outbox_messages
        WHERE dedup_key LIKE $1 OR (template IN ('session-moved', 'session-cancelled') AND data->>'link' LIKE $2)
        ORDER BY created_at, dedup_key`,
      [`session-reminder:${sessionId}:%`, `%/sessions/${sessionId}`],
    );

  beforeAll(async () => {
    t = await startWebApp();
    reminders = new SessionRemindersService(
      t.app.get(DataSource),
      t.app.get(OutboxService),
      t.app.get(AppConfig),
      t.app.get(SessionRecords),
    );
    admin = await createAdmin(t.dataSource);
    teacher = await createInstructor(t.dataSource);
    trainee = await createTrainee(t.dataSource);
    cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      instructors: [teacher],
    });
    await enrol(t.dataSource, cohort, trainee);
  });
  afterAll(() => t.close());

  it('reminds each enrolled trainee and instructor once, however often the scan runs', async () => {
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-09-10T06:00:00Z'), instructors: [teacher] });
    const due = new Date('2012-09-09T06:00:00Z');
    expect((await reminders.scan(new Date(due.getTime() - 60_000))).created).toBe(0);
    await reminders.scan(due);
    await reminders.scan(new Date(due.getTime() + 5 * 60_000));
    await Promise.all([reminders.scan(new Date(due.getTime() + 10 * 60_000)), reminders.scan(new Date(due.getTime() + 10 * 60_000))]);
    const rows = await outboxOf(session.id);
    expect(rows.map((r) => r.recipient_id).sort()).toEqual([teacher.id, trainee.id].sort());
    expect(rows.every((r) => r.template === 'session-reminder' && r.status === 'pending')).toBe(true);
    const mine = rows.find((r) => r.recipient_id === trainee.id)!;
    expect(mine.subject).toContain('2012. gada 10. septembrī plkst. 09:00');
  });

  it('sends nothing to withdrawn or waitlisted trainees', async () => {
    const withdrawn = await createTrainee(t.dataSource);
    const waiting = await createTrainee(t.dataSource);
    const group = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)));
    await enrol(t.dataSource, group, withdrawn, 'withdrawn');
    await enrol(t.dataSource, group, waiting, 'waitlisted');
    const session = await createSession(t.dataSource, group, { startsAt: new Date('2012-09-11T06:00:00Z') });
    await reminders.scan(new Date('2012-09-10T06:01:00Z'));
    expect(await outboxOf(session.id)).toEqual([]);
  });

  it('keeps a 09:00 session reminded at 09:00 the day before across both daylight-saving changes', async () => {
    const spring = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-03-26T06:00:00Z') });
    const autumn = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-10-29T07:00:00Z') });
    await reminders.scan(new Date('2012-03-25T05:59:59Z'));
    expect(await outboxOf(spring.id)).toEqual([]);
    await reminders.scan(new Date('2012-03-25T06:00:00Z'));
    expect((await outboxOf(spring.id)).length).toBe(1);
    await reminders.scan(new Date('2012-10-28T06:59:59Z'));
    expect(await outboxOf(autumn.id)).toEqual([]);
    await reminders.scan(new Date('2012-10-28T07:00:00Z'));
    expect((await outboxOf(autumn.id)).length).toBe(1);
  });

  it("reminds of a study visit three days and one day before, by the programme's offsets", async () => {
    const programme = await createProgramme(t.dataSource, { studyVisitOffsetsHours: [72, 24], reminderOffsetsHours: [2] });
    const group = await createCohort(t.dataSource, await createPart(t.dataSource, programme));
    await enrol(t.dataSource, group, trainee);
    const visit = await createSession(t.dataSource, group, {
      kind: 'study_visit',
      title: 'Brauciens uz Valmieru',
      startsAt: new Date('2012-09-20T05:00:00Z'),
    });
    const lesson = await createSession(t.dataSource, group, { startsAt: new Date('2012-09-21T06:00:00Z') });
    await reminders.scan(new Date('2012-09-17T05:00:00Z'));
    expect((await outboxOf(visit.id)).map((r) => r.dedup_key)).toEqual([expect.stringContaining(':72h:')]);
    await reminders.scan(new Date('2012-09-19T05:00:00Z'));
    expect((await outboxOf(visit.id)).length).toBe(2);
    await reminders.scan(new Date('2012-09-21T03:59:00Z'));
    expect(await outboxOf(lesson.id)).toEqual([]);
    await reminders.scan(new Date('2012-09-21T04:00:00Z'));
    expect((await outboxOf(lesson.id)).map((r) => r.dedup_key)).toEqual([expect.stringContaining(':2h:')]);
  });

  it('skips a reminder that is hours late after downtime, and never reminds of a session that has started', async () => {
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-09-25T06:00:00Z') });
    await reminders.scan(new Date('2012-09-24T12:00:00Z'));
    expect(await outboxOf(session.id)).toEqual([]);
    await reminders.scan(new Date('2012-09-25T06:30:00Z'));
    expect(await outboxOf(session.id)).toEqual([]);
  });

  it('announces a move at once, stops the old reminder, and reminds again for the new time', async () => {
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-10-10T06:00:00Z'), instructors: [teacher] });
    await reminders.scan(new Date('2012-10-09T06:00:00Z'));
    expect((await outboxOf(session.id)).filter((r) => r.status === 'pending')).toHaveLength(2);

    const agent = t.agent();
    await logIn(agent, admin.email);
    const token = await csrfToken(agent, '/');
    const res = await agent
      .post(`/api/v1/sessions/${session.id}/move`)
      .set('X-CSRF-Token', token)
      .send({ startDate: '2012-10-12', startTime: '10:00', endTime: '13:00', reason: 'Lektors komandējumā' });
    expect(res.status).toBe(200);

    const rows = await outboxOf(session.id);
    const stale = rows.filter((r) => r.template === 'session-reminder');
    expect(stale.map((r) => [r.status, r.last_error])).toEqual([
      ['suppressed', 'session moved'],
      ['suppressed', 'session moved'],
    ]);
    const notices = rows.filter((r) => r.template === 'session-moved');
    expect(notices.map((r) => r.recipient_id).sort()).toEqual([teacher.id, trainee.id].sort());
    const notice = notices.find((r) => r.recipient_id === trainee.id)!;
    expect(notice.status).toBe('pending');
    expect(notice.text).toContain('2012. gada 10. oktobrī plkst. 09:00–12:00');
    expect(notice.text).toContain('2012. gada 12. oktobrī plkst. 10:00–13:00');
    expect(notice.text).toContain('Lektors komandējumā');

    await reminders.scan(new Date('2012-10-09T06:05:00Z'));
    expect((await outboxOf(session.id)).filter((r) => r.template === 'session-reminder' && r.status === 'pending')).toHaveLength(0);
    await reminders.scan(new Date('2012-10-11T07:00:00Z'));
    expect((await outboxOf(session.id)).filter((r) => r.template === 'session-reminder' && r.status === 'pending')).toHaveLength(2);
  });

  it('announces a cancellation at once and stops the pending reminders', async () => {
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-10-15T06:00:00Z'), instructors: [teacher] });
    await reminders.scan(new Date('2012-10-14T06:00:00Z'));
    const agent = t.agent();
    await logIn(agent, admin.email);
    const token = await csrfToken(agent, '/');
    await agent.post(`/api/v1/sessions/${session.id}/cancel`).set('X-CSRF-Token', token).send({ reason: 'Pašvaldības svētki' }).expect(200);
    const rows = await outboxOf(session.id);
    expect(rows.filter((r) => r.template === 'session-reminder').map((r) => [r.status, r.last_error])).toEqual([
      ['suppressed', 'session cancelled'],
      ['suppressed', 'session cancelled'],
    ]);
    expect(rows.filter((r) => r.template === 'session-cancelled' && r.status === 'pending')).toHaveLength(2);
    await reminders.scan(new Date('2012-10-14T06:10:00Z'));
    expect((await outboxOf(session.id)).filter((r) => r.status === 'pending' && r.template === 'session-reminder')).toHaveLength(0);
  });

  it('announces a new place at once, and says nothing when only the notes change', async () => {
    const session = await createSession(t.dataSource, cohort, {
      startsAt: new Date('2012-10-20T06:00:00Z'),
      instructors: [teacher],
      title: 'Projektu budžets',
    });
    const agent = t.agent();
    await logIn(agent, admin.email);
    const token = await csrfToken(agent, '/');
    const room = `${randomUUID().slice(0, 4)}. kabinets`;
    const details = {
      kind: 'class',
      title: 'Projektu budžets',
      address: 'Krišjāņa Valdemāra iela 1, Daugavpils',
      instructorIds: [teacher.id],
      notes: 'Līdzi ņemt klēpjdatoru',
    };
    await agent.put(`/api/v1/sessions/${session.id}`).set('X-CSRF-Token', token).send(details).expect(200);
    const placeNotices = () =>
      t.dataSource.query(
        `SELECT recipient_id, text FROM outbox_messages WHERE template = 'session-place-changed' AND data->>'link' LIKE $1`,
        [`%/sessions/${session.id}`],
      ) as Promise<{ recipient_id: string; text: string }[]>;
    expect(await placeNotices()).toEqual([]);

    await agent
      .put(`/api/v1/sessions/${session.id}`)
      .set('X-CSRF-Token', token)
      .send({ ...details, address: 'Rīgas iela 22, Daugavpils', room })
      .expect(200);
    const notices = await placeNotices();
    expect(notices.map((n) => n.recipient_id).sort()).toEqual([teacher.id, trainee.id].sort());
    const text = notices.find((n) => n.recipient_id === trainee.id)!.text;
    expect(text).toContain('notiks citā vietā');
    expect(text).toContain('Iepriekš: Krišjāņa Valdemāra iela 1, Daugavpils');
    expect(text).toContain(`Tagad: Rīgas iela 22, Daugavpils, ${room}`);
    expect(text).toContain('2012. gada 20. oktobrī plkst. 09:00–12:00');
  });

  it('restores a cancelled session: everyone is told, its reminders go out again, its history says so', async () => {
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-10-25T06:00:00Z'), instructors: [teacher] });
    await reminders.scan(new Date('2012-10-24T06:00:00Z'));
    const agent = t.agent();
    await logIn(agent, admin.email);
    const token = await csrfToken(agent, '/');
    const notCancelled = await agent.post(`/api/v1/sessions/${session.id}/restore`).set('X-CSRF-Token', token).send({ reason: 'Kļūda' });
    expect([notCancelled.status, notCancelled.body.code]).toEqual([409, 'SESSION_NOT_CANCELLED']);
    await agent.post(`/api/v1/sessions/${session.id}/cancel`).set('X-CSRF-Token', token).send({ reason: 'Lektors slims' }).expect(200);

    const page = await agent.get(`/sessions/${session.id}/restore`);
    expect(page.text).toContain('Nodarbības atjaunošana');
    const restored = await agent
      .post(`/sessions/${session.id}/restore`)
      .type('form')
      .send({ _csrf: token, reason: 'Lektors tomēr var ierasties' });
    expect(restored.status).toBe(303);

    const shown = await agent.get(`/api/v1/sessions/${session.id}`).expect(200);
    expect(shown.body).toMatchObject({ status: 'scheduled', cancelled: false, cancellationReason: null, sequence: 2 });
    expect(shown.body.history.map((h: { kind: string }) => h.kind)).toEqual(['restored', 'cancelled']);
    const ics = (await agent.get(`/sessions/${session.id}/ics`).expect(200)).text;
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toContain('SEQUENCE:2');
    const notices: { recipient_id: string; text: string }[] = await t.dataSource.query(
      `SELECT recipient_id, text FROM outbox_messages WHERE template = 'session-restored' AND data->>'link' LIKE $1`,
      [`%/sessions/${session.id}`],
    );
    expect(notices.map((n) => n.recipient_id).sort()).toEqual([teacher.id, trainee.id].sort());
    expect(notices[0].text).toContain('Lektors tomēr var ierasties');

    await reminders.scan(new Date('2012-10-24T06:30:00Z'));
    expect((await outboxOf(session.id)).filter((r) => r.template === 'session-reminder' && r.status === 'pending')).toHaveLength(2);
  });

  it('will not restore a session whose room was booked by another meanwhile, naming the clash', async () => {
    const startsAt = new Date('2012-10-26T06:00:00Z');
    const room = `${randomUUID().slice(0, 4)}. kabinets`;
    const session = await createSession(t.dataSource, cohort, { startsAt, room, title: 'Atceltā nodarbība' });
    const agent = t.agent();
    await logIn(agent, admin.email);
    const token = await csrfToken(agent, '/');
    await agent
      .post(`/api/v1/sessions/${session.id}/cancel`)
      .set('X-CSRF-Token', token)
      .send({ reason: 'Telpa vajadzīga citiem' })
      .expect(200);
    await createSession(t.dataSource, cohort, { startsAt, room, title: 'Domes sēde' });
    const res = await agent.post(`/api/v1/sessions/${session.id}/restore`).set('X-CSRF-Token', token).send({ reason: 'Tomēr' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('Domes sēde');
    expect((await agent.get(`/api/v1/sessions/${session.id}`)).body.status).toBe('cancelled');
  });

  it('gives a withdrawn trainee no notice of a move', async () => {
    const left = await createTrainee(t.dataSource);
    const group = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)));
    await enrol(t.dataSource, group, left, 'withdrawn');
    const session: Session = await createSession(t.dataSource, group, { startsAt: new Date('2012-11-01T07:00:00Z') });
    const agent = t.agent();
    await logIn(agent, admin.email);
    const token = await csrfToken(agent, '/');
    await agent
      .post(`/api/v1/sessions/${session.id}/move`)
      .set('X-CSRF-Token', token)
      .send({ startDate: '2012-11-02', startTime: '09:00', endTime: '12:00', reason: 'Telpa' })
      .expect(200);
    expect(await outboxOf(session.id)).toEqual([]);
  });

  it('keeps the scan scheduled in the worker', async () => {
    const worker = await startWorker();
    const queue = new Queue(SESSION_REMINDERS_QUEUE, {
      connection: { url: process.env.REDIS_URL },
      prefix: bullPrefix(process.env.REDIS_PREFIX!),
    });
    try {
      const scheduler = await queue.getJobScheduler('session-reminders-scan');
      expect(Number(scheduler?.every)).toBe(5 * 60_000);
    } finally {
      await queue.close();
      await worker.close();
    }
  });
});
