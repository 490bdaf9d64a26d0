import { summaryView } from '../attendance/attendance-views';
import { certificateJson } from '../certificates/certificate-views';
import { memberJson } from '../completion/completion-views';
import type { MyExam } from '../exams/my-exams.service';
import type { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import { localized } from '../i18n/localized';
import type { ListedSession } from '../sessions/my-sessions.service';
import { sessionView } from '../sessions/session-views';
import type { MyAssignment } from '../submissions/my-assignments.service';
import { deadlinesJson } from '../submissions/submission-views';
import type { AdminDashboard } from './admin-dashboard.service';
import type { Dashboard } from './dashboard.service';
import type { InstructorDashboard } from './instructor-dashboard.service';
import type { TraineeDashboard } from './trainee-dashboard.service';

/** The home page's panels as the API gives them (dashboard.responses.ts): the same data, instants as ISO text. */

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

const sessions = (items: ListedSession[], now: Date) => items.map(({ session, cohortName }) => sessionView(session, cohortName, now));

function workJson({ work, cohortId, cohortName }: MyAssignment) {
  const grade = work.grade?.status === 'released' ? work.grade : null;
  return {
    assignmentId: work.assignment.id,
    title: work.assignment.title,
    cohortId,
    cohortName,
    state: work.state,
    deadlines: deadlinesJson(work.deadlines),
    grade: grade
      ? { score: grade.score === null ? null : Number(grade.score), passed: grade.passed, releasedAt: iso(grade.releasedAt) }
      : null,
  };
}

function examJson(e: MyExam) {
  return {
    ...e,
    opensAt: iso(e.opensAt),
    closesAt: iso(e.closesAt),
    sitting: e.sitting ? { ...e.sitting, startsAt: iso(e.sitting.startsAt), endsAt: iso(e.sitting.endsAt) } : null,
    inProgress: e.inProgress ? { attemptId: e.inProgress.attemptId, deadlineAt: iso(e.inProgress.deadlineAt) } : null,
  };
}

function traineeJson(d: TraineeDashboard, lang: Language, i18n: I18nService, now: Date) {
  return {
    sessions: { items: sessions(d.sessions.items, now), total: d.sessions.total },
    work: {
      toDo: d.work.toDo.map(workJson),
      toDoTotal: d.work.toDoTotal,
      handedIn: d.work.handedIn.map(workJson),
      handedInTotal: d.work.handedInTotal,
      graded: d.work.graded.map(workJson),
    },
    exams: d.exams.map(examJson),
    progress: d.progress.map((m) => memberJson(m, lang, i18n)),
    certificates: { items: d.certificates.items.map((certificate) => certificateJson({ certificate })), total: d.certificates.total },
  };
}

const cohortWork = (w: InstructorDashboard['grading']['byCohort'][number]) => ({
  cohortId: w.cohortId,
  cohortName: w.cohortName,
  waiting: w.waiting,
  oldestSubmittedAt: iso(w.oldest),
});

const examEssays = (e: InstructorDashboard['essays']['byExam'][number]) => ({
  examId: e.examId,
  examTitle: e.examTitle,
  cohortId: e.cohortId,
  cohortName: e.cohortName,
  toMark: e.toMark,
  oldestSubmittedAt: iso(e.oldest),
});

function instructorJson(d: InstructorDashboard, now: Date) {
  return {
    today: sessions(d.today, now),
    attendanceToTake: {
      total: d.attendance.total,
      items: d.attendance.items.map((s) => ({
        sessionId: s.id,
        title: s.title,
        kind: s.kind,
        startsAt: iso(s.startsAt),
        endsAt: iso(s.endsAt),
        cohortId: s.cohortId,
        cohortName: s.cohortName,
      })),
    },
    workToGrade: { total: d.grading.total, byCohort: d.grading.byCohort.map(cohortWork) },
    essaysToMark: { total: d.essays.total, byExam: d.essays.byExam.map(examEssays) },
  };
}

function adminJson(d: AdminDashboard, lang: Language) {
  const failing = (f: AdminDashboard['emails']['failed']) => ({ count: f.count, oldestAt: iso(f.oldest) });
  return {
    cohortsRunning: {
      total: d.cohorts.total,
      items: d.cohorts.items.map((c) => ({
        id: c.id,
        name: c.name,
        partTitle: localized(lang, c.part.titleLv, c.part.titleEn),
        programmeTitle: localized(lang, c.part.programme.titleLv, c.part.programme.titleEn),
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        members: c.taken,
      })),
    },
    belowAttendanceMinimum: { total: d.belowMinimum.total, items: d.belowMinimum.items.map(summaryView) },
    markingOverdue: {
      days: d.markingOverdue.days,
      handedInBefore: iso(d.markingOverdue.before),
      work: { total: d.markingOverdue.workTotal, byCohort: d.markingOverdue.work.map(cohortWork) },
      essays: { total: d.markingOverdue.essaysTotal, byExam: d.markingOverdue.essays.map(examEssays) },
    },
    emailsFailing: { failed: failing(d.emails.failed), uncertain: failing(d.emails.uncertain) },
    certificatesReady: {
      total: d.certificates.total,
      byCohort: d.certificates.byCohort.map((r) => ({
        cohortId: r.cohortId,
        cohortName: r.cohortName,
        ready: r.ready,
        completedSince: iso(r.since),
      })),
    },
    indicatorsAtRisk: d.indicators.map((i) => ({
      programmeId: i.programme.id,
      programmeTitleLv: i.programme.titleLv,
      programmeTitleEn: i.programme.titleEn,
      indicatorId: i.indicator.id,
      nameLv: i.indicator.nameLv,
      nameEn: i.indicator.nameEn,
      metric: i.indicator.metric,
      target: i.indicator.target,
      value: i.value,
      percent: i.percent,
      toCome: i.toCome,
      status: i.status,
    })),
  };
}

export function dashboardJson(d: Dashboard, lang: Language, i18n: I18nService) {
  return {
    generatedAt: d.generatedAt.toISOString(),
    trainee: d.trainee && traineeJson(d.trainee, lang, i18n, d.generatedAt),
    instructor: d.instructor && instructorJson(d.instructor, d.generatedAt),
    admin: d.admin && adminJson(d.admin, lang),
  };
}
