import ICAL from 'ical.js';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createInstructor, createTrainee } from './support/factories';
import { csrfToken, logIn } from './support/http';
import { createCohort, createPart, createProgramme, createSession, enrol } from './support/schedule-factories';
import { Clock } from '../src/common/clock';
import type { Cohort } from '../src/cohorts/cohort.entity';
import type { User } from '../src/users/user.entity';

type Agent = ReturnType<TestApp['agent']>;

interface ParsedEvent {
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  sequence: number;
  status: string;
  location: string | null;
}

/** Parses with ical.js, converting Riga times through the VTIMEZONE the feed itself carries. */
function parse(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    expect(component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Riga');
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      sequence: event.sequence,
      status: String(component.getFirstPropertyValue('status')),
      location: event.location,
    };
  });
}

/** The properties RFC 5546 (3.2.1) requires of every event in a PUBLISH, as strict iTIP readers check them. */
function itipProblems(text: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.getFirstPropertyValue('method') !== 'PUBLISH') return ['no METHOD:PUBLISH'];
  return calendar
    .getAllSubcomponents('vevent')
    .flatMap((event) => ['organizer', 'dtstamp', 'dtstart', 'uid', 'summary'].filter((name) => !event.hasProperty(name)));
}

describe('calendar feeds', () => {
  let t: TestApp;
  let admin: User;
  let teacher: User;
  let trainee: User;
  let cohort: Cohort;
  let adminAgent: Agent;
  let adminToken: string;

  beforeAll(async () => {
    t = await startWebApp();
    admin = await createAdmin(t.dataSource);
    teacher = await createInstructor(t.dataSource);
    trainee = await createTrainee(t.dataSource);
    cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      instructors: [teacher],
    });
    await enrol(t.dataSource, cohort, trainee);
    adminAgent = t.agent();
    await logIn(adminAgent, admin.email);
    adminToken = await csrfToken(adminAgent, '/');
  });
  afterAll(() => t.close());

  async function feedUrlOf(user: User): Promise<string> {
    const agent = t.agent();
    await logIn(agent, user.email);
    const res = await agent.get('/api/v1/me/calendar');
    expect(res.status).toBe(200);
    return new URL(res.body.url).pathname;
  }

  it('gives a trainee and an instructor their sessions at the right instants across daylight-saving changes', async () => {
    const summer = new Date(Date.now() + 30 * 86_400_000);
    const spring = await createSession(t.dataSource, cohort, {
      title: 'Projektu vadība; ievads, 1. daļa',
      startsAt: new Date('2099-03-30T06:00:00Z'),
      instructors: [teacher],
    });
    const autumn = await createSession(t.dataSource, cohort, {
      startsAt: new Date('2099-10-26T07:00:00Z'),
      endsAt: new Date('2099-10-26T10:30:00Z'),
      instructors: [teacher],
    });
    await createSession(
      t.dataSource,
      await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource))),
      { startsAt: summer },
    );

    const res = await t.http().get(await feedUrlOf(trainee));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.text).toContain('\r\n');
    const events = parse(res.text);
    expect(events).toHaveLength(2);
    const first = events.find((e) => e.uid === `${spring.id}@kursors.test`)!;
    expect(first).toMatchObject({ summary: 'Projektu vadība; ievads, 1. daļa', sequence: 0, status: 'CONFIRMED' });
    expect(first.start.toISOString()).toBe('2099-03-30T06:00:00.000Z');
    const second = events.find((e) => e.uid === `${autumn.id}@kursors.test`)!;
    expect(second.start.toISOString()).toBe('2099-10-26T07:00:00.000Z');
    expect(second.end.toISOString()).toBe('2099-10-26T10:30:00.000Z');
    expect(res.text).toMatch(/DTSTART;TZID=Europe\/Riga:20990330T090000/);

    const teaching = parse((await t.http().get(await feedUrlOf(teacher))).text);
    expect(teaching.map((e) => e.uid).sort()).toEqual([`${spring.id}@kursors.test`, `${autumn.id}@kursors.test`].sort());
  });

  it('keeps the UID across a move, raises the SEQUENCE, and shows a cancelled session as cancelled', async () => {
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2099-06-01T06:00:00Z') });
    const uid = `${session.id}@kursors.test`;
    const url = await feedUrlOf(trainee);
    await adminAgent
      .post(`/api/v1/sessions/${session.id}/move`)
      .set('X-CSRF-Token', adminToken)
      .send({ startDate: '2099-06-02', startTime: '13:00', endTime: '15:00', reason: 'Telpa' })
      .expect(200);
    let event = parse((await t.http().get(url)).text).find((e) => e.uid === uid)!;
    expect(event).toMatchObject({ sequence: 1, status: 'CONFIRMED' });
    expect(event.start.toISOString()).toBe('2099-06-02T10:00:00.000Z');
    await adminAgent.post(`/api/v1/sessions/${session.id}/cancel`).set('X-CSRF-Token', adminToken).send({ reason: 'Svētki' }).expect(200);
    event = parse((await t.http().get(url)).text).find((e) => e.uid === uid)!;
    expect(event).toMatchObject({ sequence: 2, status: 'CANCELLED' });
  });

  it('refuses the old link after renewal, and any made-up one', async () => {
    const agent = t.agent();
    await logIn(agent, trainee.email);
    const old = new URL((await agent.get('/api/v1/me/calendar')).body.url).pathname;
    expect((await t.http().get(old)).status).toBe(200);
    const page = await agent.get('/my/calendar');
    expect(page.text).toContain(old);
    const token = await csrfToken(agent, '/my/calendar');
    // The button asks first: the old link keeps working until the new one is confirmed.
    const asked = await agent.post('/my/calendar/renew').type('form').send({ _csrf: token });
    expect([asked.status, asked.text.includes('Izveidot jaunu kalendāra saiti?')]).toEqual([200, true]);
    expect((await t.http().get(old)).status).toBe(200);
    const renewed = await agent.post('/my/calendar/renew').type('form').send({ _csrf: token, confirm: 'yes' });
    expect(renewed.status).toBe(303);
    expect((await t.http().get(old)).status).toBe(404);
    const fresh = new URL((await agent.get('/api/v1/me/calendar')).body.url).pathname;
    expect(fresh).not.toBe(old);
    expect((await t.http().get(fresh)).status).toBe(200);
    expect((await t.http().get(`/calendar/${admin.id}/${fresh.split('/').pop()}`)).status).toBe(404);
    expect((await t.http().get('/calendar/nobody/abc.ics')).status).toBe(404);
  });

  it('downloads one session as a file only for those who may see it', async () => {
    const session = await createSession(t.dataSource, cohort, {
      title: 'Eksāmens',
      kind: 'exam_sitting',
      startsAt: new Date('2012-12-14T07:00:00Z'),
    });
    const agent = t.agent();
    await logIn(agent, trainee.email);
    const res = await agent.get(`/sessions/${session.id}/ics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const [event] = parse(res.text);
    expect(event).toMatchObject({ uid: `${session.id}@kursors.test`, summary: 'Eksāmens' });
    expect(event.start.toISOString()).toBe('2012-12-14T07:00:00.000Z');

    const stranger = t.agent();
    await logIn(stranger, (await createTrainee(t.dataSource)).email);
    expect((await stranger.get(`/sessions/${session.id}/ics`)).status).toBe(404);
    expect((await t.http().get(`/sessions/${session.id}/ics`)).status).toBe(303);
  });

  it('publishes one session with an organizer and the time the file was made, and keeps METHOD out of the feed', async () => {
    const session = await createSession(t.dataSource, cohort, { title: 'Seminārs', startsAt: new Date('2099-05-05T07:00:00Z') });
    const agent = t.agent();
    await logIn(agent, trainee.email);
    const clock = t.app.get(Clock);
    clock.set(new Date('2099-04-01T08:09:10Z'));
    const file = await agent.get(`/sessions/${session.id}/ics`);
    clock.set(null);

    expect(itipProblems(file.text)).toEqual([]);
    const event = new ICAL.Component(ICAL.parse(file.text)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('organizer')).toBe('mailto:kursors@localhost');
    expect(event.getFirstProperty('organizer')!.getParameter('cn')).toBe('Kursors');
    expect(String(event.getFirstPropertyValue('dtstamp'))).toBe('2099-04-01T08:09:10Z');
    expect(String(event.getFirstPropertyValue('last-modified'))).not.toBe('2099-04-01T08:09:10Z');

    const feed = new ICAL.Component(ICAL.parse((await t.http().get(await feedUrlOf(trainee))).text));
    expect(feed.hasProperty('method')).toBe(false);
    expect(feed.getAllSubcomponents('vevent').some((e) => e.hasProperty('organizer'))).toBe(false);
  });
});
