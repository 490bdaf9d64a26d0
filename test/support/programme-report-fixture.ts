import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CertificatesService } from '../../src/certificates/certificates.service';
import type { Cohort } from '../../src/cohorts/cohort.entity';
import { Clock } from '../../src/common/clock';
import { CompletionChangesService } from '../../src/completion/completion-changes.service';
import { CompletionService } from '../../src/completion/completion.service';
import { unitOfWork } from '../../src/database/unit-of-work';
import { ExamResult } from '../../src/exams/exam-result.entity';
import { Grade } from '../../src/grading/grade.entity';
import type { Indicator, IndicatorMetric } from '../../src/programmes/indicator.entity';
import type { Part } from '../../src/programmes/part.entity';
import type { Programme } from '../../src/programmes/programme.entity';
import type { Session } from '../../src/sessions/session.entity';
import type { User } from '../../src/users/user.entity';
import { createTemplate, uniqueSerialFormat } from './certificate-factories';
import { createInPersonExam } from './exam-factories';
import { actorOf, createAdmin, createInstructor, createTrainee } from './factories';
import { createAssignment, handIn } from './grading-factories';
import { markAttendance } from './report-files';
import { createCohort, createPart, createProgramme, createSession, enrol } from './schedule-factories';

/** The moment the reports are read: after the autumn cohort's exams, before the 2013 cohort starts. */
export const REPORTS_READ_AT = new Date('2012-12-21T10:00:00Z');

/** Morning of a 2012/2013 day in Riga (06:00 UTC): "2012-09-10" → its instant. */
const at = (day: string, hour = 9) => new Date(`${day}T${String(hour - 3).padStart(2, '0')}:00:00Z`);

export interface ProgrammeReportWorld {
  programme: Programme;
  part1: Part;
  part2: Part;
  /** Part 1, autumn 2012: five members, a withdrawn trainee and one waiting; exams with a retake. */
  autumn: Cohort;
  /** Part 2, spring 2012. */
  spring: Cohort;
  /** Part 2 again, autumn 2012: Inese's retake. */
  retake: Cohort;
  /** Part 1, 2013: not started yet. */
  winter: Cohort;
  admin: User;
  instructor: User;
  otherInstructor: User;
  people: Record<'anna' | 'berzins' | 'cakste' | 'dace' | 'egils' | 'fricis' | 'gita' | 'hugo' | 'inese' | 'janis', User>;
  indicators: Record<IndicatorMetric, Indicator>;
  cancelled: Session;
}

/**
 * A programme counted by hand for its indicators and funnels, built through the real completion and certificate
 * services (the clock set to each day things happened).
 *
 * Part 1 (attendance 75 %, required work, final exam) — autumn cohort 5.9.–14.12.2012, 5 places, instructor:
 *                classes 10.9. 17.9. 1.10., study visit 5.10. (Rēzekne), a class on 8.10. cancelled; exam 12.12., retake 19.12.
 *   Anna         P P L P   work passed   exam passed                 completed, certificate (valid)
 *   Bērziņš      P P P P   work passed   exam failed, retake passed  completed, certificate revoked on 21.12.
 *   Čakste       P E P E   work passed   exam passed                 attendance 2 of 4: completion not possible
 *   Fricis       P P A P   handed in, not graded                      attendance met, work pending: in progress
 *   Gita         P A A A   —                                         completed set by hand (not by the rule)
 *   Dace         withdrew on 20.9. after attending 10.9.; Egils waits for a place.
 * Part 1 — winter cohort 7.1.–1.3.2013, 10 places: Jānis, a class on 10.1.2013 ahead.
 * Part 2 (attendance 50 %, closing seminar) — spring cohort 2.5.–20.6.2012: class 10.5., seminar 15.6.
 *   Anna         P P   completed 21.6., certificate issued 25.6. and reissued (a corrected name) 1.7.
 *   Hugo         E A   not possible (excused is not attended)
 *   Inese        P A   seminar missed: not possible — then retakes part 2 in the autumn (1.10.–30.11.: class 10.10.,
 *                       seminar 20.11.): P P, completed 30.11., no certificate yet.
 * Materials: one of part 1 (uploaded 1.9.2012), one of the spring cohort (2.5.2012).
 * The reports are read on 21.12.2012 (REPORTS_READ_AT).
 */
export async function programmeCountedByHand(app: INestApplication, ds: DataSource): Promise<ProgrammeReportWorld> {
  const clock = app.get(Clock);
  const admin = await createAdmin(ds, { name: 'Ilze Administratore' });
  const instructor = await createInstructor(ds, { name: 'Jānis Pasniedzējs' });
  const otherInstructor = await createInstructor(ds, { name: 'Dace Citādā' });
  const programme = await createProgramme(ds, {
    titleLv: 'Daugavpils pašvaldības darbinieku kursu cikls',
    titleEn: 'Course cycle for Daugavpils municipal staff',
    projectTitle: 'Pašvaldības darbinieku kompetenču paaugstināšana',
  });
  await createTemplate(ds, programme, { serialFormat: uniqueSerialFormat() });
  const part1 = await createPart(ds, programme, {
    titleLv: 'Projektu vadība',
    titleEn: 'Project management',
    academicHours: 64,
    minAttendancePercent: 75,
    requiresIndependentWork: true,
    requiresFinalExam: true,
  });
  const part2 = await createPart(ds, programme, {
    titleLv: 'Projektu vadības specifika dažāda veida projektos',
    titleEn: 'Project management in different kinds of projects',
    academicHours: 32,
    minAttendancePercent: 50,
    closesWithSeminar: true,
  });
  const autumn = await createCohort(ds, part1, {
    name: 'Rudens grupa',
    startsOn: '2012-09-05',
    endsOn: '2012-12-14',
    capacity: 5,
    instructors: [instructor],
  });
  const winter = await createCohort(ds, part1, { name: 'Ziemas grupa', startsOn: '2013-01-07', endsOn: '2013-03-01', capacity: 10 });
  const spring = await createCohort(ds, part2, { name: 'Pavasara grupa', startsOn: '2012-05-02', endsOn: '2012-06-20' });
  const retake = await createCohort(ds, part2, { name: 'Atkārtotā grupa', startsOn: '2012-10-01', endsOn: '2012-11-30' });

  const trainee = (name: string) => createTrainee(ds, { name, department: 'Attīstības nodaļa' });
  const people = {
    anna: await trainee('Anna Ābele'),
    berzins: await trainee('Jānis Bērziņš'),
    cakste: await trainee('=Čakste Ērika'),
    dace: await trainee('Dace Dūmiņa'),
    egils: await trainee('Egils Ēķis'),
    fricis: await trainee('Fricis Fogels'),
    gita: await trainee('Gita Gaiļa'),
    hugo: await trainee('Hugo Hāze'),
    inese: await trainee('Inese Īve'),
    janis: await trainee('Jānis Jūrmalnieks'),
  };
  const { anna, berzins, cakste, dace, egils, fricis, gita, hugo, inese, janis } = people;
  const enrolments = new Map<string, string>();
  const join = async (cohort: Cohort, user: User, enrolledOn: string, status: 'enrolled' | 'withdrawn' | 'waitlisted' = 'enrolled') => {
    const enrolment = await enrol(ds, cohort, user, status);
    await ds.query(
      `UPDATE enrolments SET enrolled_at = CASE WHEN status = 'waitlisted' THEN NULL ELSE $2::timestamptz END,
              waitlisted_at = CASE WHEN status = 'waitlisted' THEN $2::timestamptz END,
              withdrawn_at = CASE WHEN status = 'withdrawn' THEN $3::timestamptz END
        WHERE id = $1`,
      [enrolment.id, at(enrolledOn), at('2012-09-20')],
    );
    enrolments.set(`${cohort.id} ${user.id}`, enrolment.id);
  };
  for (const user of [anna, berzins, cakste, fricis, gita]) await join(autumn, user, '2012-08-20');
  await join(autumn, dace, '2012-08-21', 'withdrawn');
  await join(autumn, egils, '2012-08-22', 'waitlisted');
  await join(winter, janis, '2012-12-01');
  for (const user of [anna, hugo, inese]) await join(spring, user, '2012-04-20');
  await join(retake, inese, '2012-09-15');

  const session = (cohort: Cohort, day: string, title: string, kind: Session['kind'] = 'class', extra: Partial<Session> = {}) =>
    createSession(ds, cohort, { startsAt: at(day), title, kind, ...extra });
  const s1 = await session(autumn, '2012-09-10', 'Ievads projektu vadībā');
  const s2 = await session(autumn, '2012-09-17', 'Projekta plānošana');
  const s3 = await session(autumn, '2012-10-01', 'Riski un budžets');
  const visit = await session(autumn, '2012-10-05', 'Pieredzes brauciens uz Rēzekni', 'study_visit');
  const cancelled = await session(autumn, '2012-10-08', 'Atceltā nodarbība', 'class', {
    status: 'cancelled',
    cancellationReason: 'Slimība',
  });
  await session(autumn, '2012-12-12', 'Noslēguma eksāmens', 'exam_sitting');
  await session(autumn, '2012-12-19', 'Atkārtotais eksāmens', 'exam_sitting');
  await session(winter, '2013-01-10', 'Ievads (ziemas grupa)');
  const k1 = await session(spring, '2012-05-10', 'Projektu veidi');
  const seminar = await session(spring, '2012-06-15', 'Informatīvais seminārs', 'seminar');
  const k2 = await session(retake, '2012-10-10', 'Projektu veidi (atkārtoti)');
  const seminar2 = await session(retake, '2012-11-20', 'Informatīvais seminārs (atkārtoti)', 'seminar');

  await markAttendance(ds, s1.id, [
    [anna.id, 'present'],
    [berzins.id, 'present'],
    [cakste.id, 'present'],
    [fricis.id, 'present'],
    [gita.id, 'present'],
    [dace.id, 'present'],
  ]);
  await markAttendance(ds, s2.id, [
    [anna.id, 'present'],
    [berzins.id, 'present'],
    [cakste.id, 'excused'],
    [fricis.id, 'present'],
    [gita.id, 'absent'],
  ]);
  await markAttendance(ds, s3.id, [
    [anna.id, 'late'],
    [berzins.id, 'present'],
    [cakste.id, 'present'],
    [fricis.id, 'absent'],
    [gita.id, 'absent'],
  ]);
  await markAttendance(ds, visit.id, [
    [anna.id, 'present'],
    [berzins.id, 'present'],
    [cakste.id, 'excused'],
    [fricis.id, 'present'],
    [gita.id, 'absent'],
  ]);
  await markAttendance(ds, k1.id, [
    [anna.id, 'present'],
    [hugo.id, 'excused'],
    [inese.id, 'present'],
  ]);
  await markAttendance(ds, seminar.id, [
    [anna.id, 'present'],
    [hugo.id, 'absent'],
    [inese.id, 'absent'],
  ]);
  await markAttendance(ds, k2.id, [[inese.id, 'present']]);
  await markAttendance(ds, seminar2.id, [[inese.id, 'present']]);

  const work = await createAssignment(
    ds,
    { cohort: autumn },
    { title: 'Projekta pieteikums', dueAt: at('2012-11-15'), requiredForCompletion: true },
  );
  for (const user of [anna, berzins, cakste]) {
    const submission = await handIn(ds, null, work, user);
    await ds.getRepository(Grade).save({
      submissionId: submission.id,
      versionNumber: 1,
      score: '8.00',
      passed: true,
      status: 'released',
      releasedAt: at('2012-11-20'),
    });
    await ds.query('UPDATE submissions SET graded_version = 1 WHERE id = $1', [submission.id]);
  }
  await handIn(ds, null, work, fricis);
  const exam = await createInPersonExam(ds, autumn, { title: 'Noslēguma eksāmens', releasedAt: at('2012-12-13') });
  const retakeExam = await createInPersonExam(ds, autumn, {
    title: 'Atkārtotais eksāmens',
    retakeOfId: exam.id,
    releasedAt: at('2012-12-20'),
  });
  const results = ds.getRepository(ExamResult);
  await results.save({ examId: exam.id, userId: anna.id, status: 'passed', score: '9.00' });
  await results.save({ examId: exam.id, userId: berzins.id, status: 'failed', score: '4.00' });
  await results.save({ examId: exam.id, userId: cakste.id, status: 'passed', score: '8.00' });
  await results.save({ examId: retakeExam.id, userId: berzins.id, status: 'passed', score: '8.00' });

  const completion = app.get(CompletionService);
  const evaluate = async (cohort: Cohort, on: Date) => {
    clock.set(on);
    await unitOfWork(ds, (manager) => completion.reevaluate(manager, { cohortId: cohort.id }));
  };
  const certificates = app.get(CertificatesService);
  const issue = async (cohort: Cohort, user: User, on: Date) => {
    clock.set(on);
    return (await certificates.issue(actorOf(admin), { enrolmentId: enrolments.get(`${cohort.id} ${user.id}`)! })).certificate;
  };
  await evaluate(spring, at('2012-06-21'));
  const springCertificate = await issue(spring, anna, at('2012-06-25'));
  clock.set(at('2012-07-01'));
  await certificates.reissue(actorOf(admin), springCertificate.id, { holderName: 'Anna Ābele-Ozola', note: 'Uzvārds mainīts' });
  await evaluate(retake, at('2012-11-30'));
  await evaluate(winter, at('2012-12-01'));
  await evaluate(autumn, at('2012-12-20'));
  await app.get(CompletionChangesService).setByHand(actorOf(admin), enrolments.get(`${autumn.id} ${gita.id}`)!, {
    state: 'completed',
    reason: 'Apmeklējumu aizstāja individuālas konsultācijas',
  });
  await issue(autumn, anna, at('2012-12-20'));
  const revoked = await issue(autumn, berzins, at('2012-12-20'));
  clock.set(at('2012-12-21', 8));
  await certificates.revoke(actorOf(admin), revoked.id, { reason: 'issued_in_error', note: 'Izsniegta pirms apelācijas beigām' });

  await ds.query(
    `INSERT INTO materials (part_id, cohort_id, title, storage_key, file_name, mime_type, size, sha256, created_at) VALUES
       ($1, NULL, 'Metodiskais materiāls: projektu vadība', $3, 'vadiba.pdf', 'application/pdf', 10, repeat('a', 64), $5),
       (NULL, $2, 'Semināra foto', $4, 'foto.pdf', 'application/pdf', 10, repeat('b', 64), $6)`,
    [
      part1.id,
      spring.id,
      `material-${part1.id.replace(/-/g, '')}`,
      `material-${spring.id.replace(/-/g, '')}`,
      at('2012-09-01'),
      at('2012-05-02'),
    ],
  );

  const targets: Record<IndicatorMetric, [string, number]> = {
    trainees_enrolled: ['Uzņemti darbinieki', 12],
    trainees_attended: ['Darbinieki, kas apmeklējuši mācības', 6],
    trainees_completed: ['Apmācīti pašvaldības darbinieki', 6],
    certificates_issued: ['Izsniegtie apliecinājumi', 8],
    sessions_held: ['Notikušās nodarbības', 10],
    study_visits_held: ['Pieredzes apmaiņas braucieni', 2],
    seminars_held: ['Informatīvie semināri', 1],
    materials_published: ['Metodiskie materiāli', 3],
  };
  const indicators = {} as Record<IndicatorMetric, Indicator>;
  let position = 0;
  for (const [metric, [nameLv, target]] of Object.entries(targets) as [IndicatorMetric, [string, number]][]) {
    const [row] = await ds.query(
      `INSERT INTO indicators (programme_id, name_lv, metric, target, position) VALUES ($1, $2, $3, $4, $5) RETURNING id, programme_id AS "programmeId"`,
      [programme.id, nameLv, metric, target, (position += 1)],
    );
    indicators[metric] = { ...row, nameLv, nameEn: null, metric, target, position } as Indicator;
  }
  clock.set(REPORTS_READ_AT);
  return { programme, part1, part2, autumn, spring, retake, winter, admin, instructor, otherInstructor, people, indicators, cancelled };
}
