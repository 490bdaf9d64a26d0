import { Clock } from '../src/common/clock';
import type { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { dashboardWorld, type DashboardWorld } from './support/dashboard-world';
import { createAdmin, createApiToken, createTrainee } from './support/factories';
import { logIn } from './support/http';

/** The parts of GET /api/v1/me/dashboard these tests read. */
interface Dashboard {
  trainee: {
    sessions: { items: { id: string; title: string }[]; total: number };
    work: Record<'toDo' | 'handedIn' | 'graded', { assignmentId: string; state: string; grade: { score: number } | null }[]> & {
      toDoTotal: number;
      handedInTotal: number;
    };
    exams: { id: string; state: string; sitting: { address: string; room: string } | null; retake: boolean }[];
    progress: { cohortId: string; criteria: { criterion: string; state: string; progress: { done: number; of: number } }[] }[];
    certificates: { items: { status: string; partTitle: string }[]; total: number };
  } | null;
  instructor: {
    today: { id: string }[];
    attendanceToTake: { total: number; items: { sessionId: string }[] };
    workToGrade: { total: number; byCohort: { cohortId: string; waiting: number }[] };
    essaysToMark: { total: number; byExam: { examId: string; toMark: number }[] };
  } | null;
  admin: {
    cohortsRunning: { total: number };
    belowAttendanceMinimum: { total: number };
    markingOverdue: {
      days: number;
      work: { total: number; byCohort: { cohortId: string; waiting: number }[] };
      essays: { total: number; byExam: { examId: string; toMark: number }[] };
    };
    emailsFailing: { failed: { count: number }; uncertain: { count: number } };
    certificatesReady: { total: number; byCohort: { cohortId: string; ready: number }[] };
    indicatorsAtRisk: { programmeId: string; nameLv: string; status: string; value: number; toCome: number; target: number }[];
  } | null;
}

describe('the home page: each role its dashboard', () => {
  let t: TestApp;
  let w: DashboardWorld;
  let before: NonNullable<Dashboard['admin']>;

  async function dashboard(user: User): Promise<Dashboard> {
    const { secret } = await createApiToken(t.dataSource, user);
    const res = await t.http().get('/api/v1/me/dashboard').set('Authorization', `Bearer ${secret}`);
    expect(res.status).toBe(200);
    return res.body as Dashboard;
  }

  async function page(user: User): Promise<string> {
    return (await (await logIn(t.agent(), user.email)).get('/')).text;
  }

  beforeAll(async () => {
    t = await startWebApp();
    before = (await dashboard(await createAdmin(t.dataSource))).admin!;
    w = await dashboardWorld(t);
  });
  afterAll(async () => {
    t.app.get(Clock).set(null);
    await t.close();
  });

  it("shows a trainee's next sessions, work and its state, exams, progress per criterion and certificates", async () => {
    const d = await dashboard(w.anna);
    expect(d.instructor).toBeNull();
    expect(d.admin).toBeNull();
    const me = d.trainee!;
    expect(me.sessions.items.map((s) => s.id)).toEqual([w.sessions.today.id, w.sessions.next.id, w.sessions.sitting.id]);
    expect(me.sessions.total).toBe(3);

    expect(me.work.toDo.map((x) => [x.assignmentId, x.state])).toEqual([[w.work.toDo.id, 'not_submitted']]);
    expect(me.work.handedIn.map((x) => [x.assignmentId, x.state])).toEqual([[w.work.handedIn.id, 'submitted']]);
    expect(me.work.graded.map((x) => [x.assignmentId, x.grade?.score])).toEqual([[w.work.graded.id, 8.5]]);
    expect([me.work.toDoTotal, me.work.handedInTotal]).toEqual([1, 1]);

    // The missed exam, then the exam ahead with its sitting; the retake is set for Edgars only.
    expect(me.exams.map((e) => [e.id, e.state])).toEqual([
      [w.exams.missed.id, 'missed'],
      [w.exams.upcoming.id, 'upcoming'],
    ]);
    expect(me.exams[1].sitting).toMatchObject({ address: 'Saules iela 1, Daugavpils', room: '210' });

    // Attendance: 4 sessions (the exam sitting is not counted), 3 needed, 1 attended; work: 1 of the 4 required passed (the part's own too).
    expect(me.progress.map((p) => p.cohortId)).toEqual([w.cohort.id]);
    expect(me.progress[0].criteria.map((c) => [c.criterion, c.state, c.progress])).toEqual([
      ['attendance', 'pending', { done: 1, of: 3 }],
      ['independent_work', 'pending', { done: 1, of: 4 }],
      ['final_exam', 'pending', { done: 0, of: 1 }],
    ]);
    expect(me.certificates.items.map((c) => c.status)).toEqual(['valid']);
    expect(me.certificates.total).toBe(1);

    const html = await page(w.anna);
    expect(html).toContain('<h2 id="role-trainee">Manas mācības</h2>');
    expect(html).not.toContain('id="role-instructor"');
    expect(html).toContain(`<a href="/assignments/${w.work.toDo.id}">${w.work.toDo.title}</a> <span class="badge state-not_submitted">`);
    expect(html).toMatch(new RegExp(`<a href="/assignments/${w.work.graded.id}">[^<]+</a>: 8,5 no 10`));
    expect(html).toContain(`<a href="/exams/${w.exams.upcoming.id}">${w.exams.upcoming.title}</a>`);
    expect(html).toContain('Saules iela 1, Daugavpils, 210');
    expect(html).toMatch(/<progress class="criterion-bar" max="3" value="1"/);
    expect(html).toMatch(/<a href="\/certificates\/[^"]+\/download">Lejupielādēt PDF/);
  });

  it('tells a trainee with nothing yet so, panel by panel, in plain words', async () => {
    const html = await page(await createTrainee(t.dataSource));
    for (const text of [
      'Nākamo nodarbību nav.',
      'Šobrīd nav neviena darba, kas jāiesniedz.',
      'Jums pagaidām nav neviena pārbaudījuma.',
      'Jūs pašlaik nemācāties nevienā grupā.',
      'Jums vēl nav izsniegtu apliecību.',
    ])
      expect(html).toContain(text);
  });

  it("shows an instructor today's sessions, attendance not taken and what waits to be marked in their cohorts only", async () => {
    const inese = (await dashboard(w.inese)).instructor!;
    expect(inese.today.map((s) => s.id)).toEqual([w.sessions.today.id]);
    expect(inese.attendanceToTake).toEqual({ total: 1, items: [expect.objectContaining({ sessionId: w.sessions.untaken.id })] });
    // Anna's and Edgars's work of the cohort, and Edgars's of the part, done in this cohort.
    expect(inese.workToGrade.total).toBe(3);
    expect(inese.workToGrade.byCohort).toEqual([expect.objectContaining({ cohortId: w.cohort.id, waiting: 3 })]);
    expect(inese.essaysToMark).toMatchObject({ total: 1, byExam: [{ examId: w.exams.missed.id, toMark: 1 }] });

    const juris = (await dashboard(w.juris)).instructor!;
    expect(juris.today).toEqual([]);
    expect(juris.attendanceToTake.items.map((s) => s.sessionId)).toEqual([w.sessions.othersUntaken.id]);
    expect([juris.workToGrade.total, juris.essaysToMark.total]).toEqual([0, 0]);

    const html = await page(w.inese);
    expect(html).toContain(`<a href="/sessions/${w.sessions.today.id}/attendance">Atzīmēt apmeklējumu`);
    expect(html).toContain(`<a href="/sessions/${w.sessions.untaken.id}/attendance">${w.sessions.untaken.title}</a>`);
    expect(html).not.toContain(w.sessions.othersUntaken.title);
    expect(html).toContain('Vērtējumu gaida 3 iesniegti darbi.');
    expect(html).toContain(`<a href="/grading?cohort=${w.cohort.id}">${w.cohort.name}</a>: 3`);
    expect(html).toContain(`<a href="/grading/exams?exam=${w.exams.missed.id}">${w.exams.missed.title}</a>`);
    expect(html).not.toContain('id="role-admin"');
  });

  it("shows an administrator the platform's numbers, counting neither withdrawn trainees nor revoked certificates", async () => {
    const now = (await dashboard(w.admin)).admin!;
    expect(now.cohortsRunning.total - before.cohortsRunning.total).toBe(2);
    // Edgars (absent at the one marked session) is below 75 %; Wanda, as low, has withdrawn.
    expect(now.belowAttendanceMinimum.total - before.belowAttendanceMinimum.total).toBe(1);
    // Anna's work handed in 10 days ago, not Edgars's of 2 days ago; the essay handed in 11 days ago.
    expect(now.markingOverdue.days).toBe(7);
    expect(now.markingOverdue.work.byCohort.find((c) => c.cohortId === w.cohort.id)?.waiting).toBe(1);
    expect(now.markingOverdue.work.total - before.markingOverdue.work.total).toBe(1);
    expect(now.markingOverdue.essays.byExam.find((e) => e.examId === w.exams.missed.id)?.toMark).toBe(1);
    expect(now.markingOverdue.essays.total - before.markingOverdue.essays.total).toBe(1);
    expect(now.emailsFailing.failed.count - before.emailsFailing.failed.count).toBe(1);
    expect(now.emailsFailing.uncertain.count - before.emailsFailing.uncertain.count).toBe(1);
    // Of Anna and three others who completed: Anna's and one other's issued, one revoked, one never issued.
    expect(now.certificatesReady.byCohort.find((c) => c.cohortId === w.completed.id)?.ready).toBe(1);
    expect(now.certificatesReady.total - before.certificatesReady.total).toBe(1);
    // Nobody completed yet and only three members can (Anna, Edgars, the other cohort's; Wanda withdrew), 10
    // wanted; the one session wanted is held.
    const ours = now.indicatorsAtRisk.filter((i) => i.programmeId === w.programme.id);
    expect(ours.map((i) => [i.status, i.value, i.toCome, i.target])).toEqual([['at_risk', 0, 3, 10]]);

    const html = await page(w.admin);
    expect(html).toContain('<h2 id="role-admin">Administrēšana</h2>');
    // The panels list the first five: the cohort waiting longest, the indicator furthest behind first.
    expect(html).toContain(`<a href="/cohorts/${now.certificatesReady.byCohort[0].cohortId}/certificates">`);
    expect(html).toContain('<a href="/admin/outbox?status=uncertain">');
    const first = now.indicatorsAtRisk[0];
    expect(html).toContain(
      `<a href="/admin/programmes/${first.programmeId}/reports">${first.nameLv}</a> <span class="badge badge-danger">`,
    );
    expect(html).toMatch(/<figure class="chart" data-kind="funnel">/);
    expect(html).toContain('<caption>Sasniegtā daļa no mērķa</caption>');
  });

  it('shows a person with several roles each role, and teaching only their own cohorts', async () => {
    const d = await dashboard(w.ilze);
    expect(d.trainee).toBeNull();
    expect(d.admin).not.toBeNull();
    expect(d.instructor!.attendanceToTake.items.map((s) => s.sessionId)).toEqual([w.sessions.othersUntaken.id]);
    expect(d.instructor!.workToGrade.total).toBe(0);
    const html = await page(w.ilze);
    expect(html).toContain('id="role-instructor"');
    expect(html).toContain('id="role-admin"');
  });
});
