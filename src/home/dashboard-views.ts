import { certificatePageView } from '../certificates/certificate-views';
import { funnelChart } from '../common/charts';
import { cohortView } from '../cohorts/cohort-views';
import { memberView } from '../completion/completion-views';
import { pointsText } from '../exams/exam-marking-views';
import type { MyExam } from '../exams/my-exams.service';
import { resultText } from '../grading/grading-views';
import type { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import { localized } from '../i18n/localized';
import type { ListedSession } from '../sessions/my-sessions.service';
import { formatRange, placeText, sessionPageView } from '../sessions/session-views';
import type { MyAssignment } from '../submissions/my-assignments.service';
import { stateKey, timeNote } from '../submissions/submission-views';
import type { AdminDashboard } from './admin-dashboard.service';
import { SHOWN } from './panel-lists';
import type { InstructorDashboard } from './instructor-dashboard.service';
import type { TraineeDashboard } from './trainee-dashboard.service';

/**
 * The home page's models: each panel's lines (at most SHOWN, with how many more there are and where they are),
 * texts as locale keys with their parameters, dates left to the view's helpers.
 */

const more = (total: number, shown: number) => Math.max(0, total - shown);

const sessions = (items: ListedSession[], now: Date) => items.map(({ session, cohortName }) => sessionPageView(session, cohortName, now));

function workLine({ work, cohortName }: MyAssignment, i18n: I18nService, lang: Language, now: Date) {
  const note = timeNote(i18n, lang, work.deadlines, now);
  return {
    id: work.assignment.id,
    title: work.assignment.title,
    cohortName,
    dueAt: work.deadlines.dueAt,
    state: work.state,
    stateKey: stateKey(work.state),
    timeKey: note.key,
    timeParams: note.params,
    result:
      work.grade && work.state === 'graded'
        ? resultText(i18n, lang, {
            gradingType: work.assignment.gradingType,
            maxPoints: work.assignment.maxPoints,
            score: work.grade.score,
            passed: work.grade.passed,
          })
        : null,
  };
}

/** Where the trainee goes from an exam: the attempt they are in, their result, or the exam's page. */
function examHref(e: MyExam): string {
  if (e.state === 'in_progress' && e.inProgress) return `/attempts/${e.inProgress.attemptId}`;
  if (e.state === 'result') return `/exams/${e.id}/my-result`;
  return `/exams/${e.id}`;
}

function examLine(e: MyExam, lang: Language) {
  const window = e.opensAt && e.closesAt ? formatRange(e.opensAt, e.closesAt) : null;
  return {
    id: e.id,
    title: e.title,
    cohortName: e.cohortName,
    modeKey: `exams.modes.${e.mode}`,
    retake: e.retake,
    sitting: e.sitting ? { ...e.sitting, when: formatRange(e.sitting.startsAt, e.sitting.endsAt), place: placeText(e.sitting) } : null,
    window: e.mode === 'online' ? window : null,
    state: e.state,
    stateKey: `home.exam.state.${e.state}`,
    badge:
      e.state === 'result' ? (e.result?.status === 'passed' ? 'badge-ok' : 'badge-danger') : e.state === 'missed' ? 'badge-danger' : '',
    href: examHref(e),
    actionKey: `home.exam.action.${e.state}`,
    deadlineAt: e.inProgress?.deadlineAt ?? null,
    attemptsLeft: Math.max(0, e.attemptsAllowed - e.attemptsUsed),
    result: e.result
      ? {
          statusKey: `exams.resultStatus.${e.result.status}`,
          score: pointsText(e.result.score, lang),
          max: pointsText(e.result.maxPoints, lang),
        }
      : null,
  };
}

export function traineePanels(d: TraineeDashboard, i18n: I18nService, lang: Language, now: Date) {
  const line = (a: MyAssignment) => workLine(a, i18n, lang, now);
  return {
    sessions: { items: sessions(d.sessions.items, now), more: more(d.sessions.total, d.sessions.items.length) },
    work: {
      toDo: d.work.toDo.map(line),
      toDoMore: more(d.work.toDoTotal, d.work.toDo.length),
      handedIn: d.work.handedIn.map(line),
      handedInMore: more(d.work.handedInTotal, d.work.handedIn.length),
      graded: d.work.graded.map(line),
    },
    exams: d.exams.map((e) => examLine(e, lang)),
    progress: d.progress.map((m) => memberView(m, lang)),
    certificates: {
      items: d.certificates.items.map((c) => certificatePageView(c, lang)),
      more: more(d.certificates.total, d.certificates.items.length),
    },
  };
}

export function instructorPanels(d: InstructorDashboard, now: Date) {
  return {
    today: sessions(d.today, now),
    attendance: {
      total: d.attendance.total,
      items: d.attendance.items.map((s) => ({ ...s, kindKey: `sessions.kinds.${s.kind}` })),
      more: more(d.attendance.total, d.attendance.items.length),
    },
    grading: {
      total: d.grading.total,
      cohorts: d.grading.byCohort.slice(0, SHOWN),
      more: more(d.grading.byCohort.length, SHOWN),
    },
    essays: {
      total: d.essays.total,
      exams: d.essays.byExam.slice(0, SHOWN),
      more: more(d.essays.byExam.length, SHOWN),
    },
  };
}

function indicatorLine(i: AdminDashboard['indicators'][number], lang: Language) {
  return {
    programmeId: i.programme.id,
    programmeTitle: localized(lang, i.programme.titleLv, i.programme.titleEn),
    name: localized(lang, i.indicator.nameLv, i.indicator.nameEn),
    value: i.value,
    target: i.indicator.target,
    percent: i.percent,
    toCome: i.toCome,
    statusKey: `programmes.indicatorStatus.${i.status}`,
  };
}

/** Each indicator's share of its target as a bar under the target's own (100 %): how far each has come. */
function indicatorsChart(indicators: ReturnType<typeof indicatorLine>[], i18n: I18nService, lang: Language) {
  return funnelChart([
    { label: i18n.t(lang, 'home.admin.indicators.target'), value: 100, valueText: '100 %' },
    ...indicators.map((i) => ({
      label: i.name,
      value: i.percent,
      valueText: i18n.t(lang, 'home.admin.indicators.reached', { percent: i.percent, value: i.value, target: i.target }),
    })),
  ]);
}

export function adminPanels(d: AdminDashboard, i18n: I18nService, lang: Language) {
  const indicators = d.indicators.slice(0, SHOWN).map((i) => indicatorLine(i, lang));
  return {
    cohorts: {
      total: d.cohorts.total,
      items: d.cohorts.items.map((c) => cohortView(c, lang)),
      more: more(d.cohorts.total, d.cohorts.items.length),
    },
    belowMinimum: {
      total: d.belowMinimum.total,
      items: d.belowMinimum.items.map((s) => ({ ...s, partTitle: localized(lang, s.partTitleLv, s.partTitleEn) })),
      more: more(d.belowMinimum.total, d.belowMinimum.items.length),
    },
    markingOverdue: {
      days: d.markingOverdue.days,
      workTotal: d.markingOverdue.workTotal,
      essaysTotal: d.markingOverdue.essaysTotal,
      work: d.markingOverdue.work.slice(0, SHOWN),
      workMore: more(d.markingOverdue.work.length, SHOWN),
      essays: d.markingOverdue.essays.slice(0, SHOWN),
      essaysMore: more(d.markingOverdue.essays.length, SHOWN),
    },
    emails: d.emails,
    certificates: {
      total: d.certificates.total,
      cohorts: d.certificates.byCohort.slice(0, SHOWN),
      more: more(d.certificates.byCohort.length, SHOWN),
    },
    indicators: {
      items: indicators,
      more: more(d.indicators.length, indicators.length),
      chart: indicators.length ? indicatorsChart(indicators, i18n, lang) : null,
    },
  };
}
