import type { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import { localized } from '../i18n/localized';
import type { CompletionRule } from '../programmes/completion-rule';
import type { MemberCompletion } from './completion-access.service';
import type { CohortCompletionInfo } from './completion-records.service';
import { COMPLETION_FILTERS, MANUAL_CHOICES, type CohortCompletionQuery } from './completion.schemas';
import type { RuleChangePreview } from './completion.service';
import type { ClosedCohort } from './completion-changes.service';

type ClosingCounts = { completed: number; notCompleted: number };
import { CRITERIA, type CriterionResult } from './enrolment-completion.entity';

/** What a criterion's line says: a locale key and its parameters. */
function detail(c: CriterionResult, rule: CompletionRule): { key: string; params: Record<string, number> } {
  const percent = rule.minAttendancePercent;
  const progress = c.progress ?? { done: 0, of: 0 };
  if (c.state === 'met') return { key: `completion.met.${c.criterion}`, params: { ...progress, percent } };
  if (c.state === 'impossible') return { key: `completion.impossible.${c.criterion}`, params: { ...progress, percent } };
  return { key: `completion.missing.${c.missing?.unit ?? 'exam'}`, params: { count: c.missing?.count ?? 0, percent } };
}

/** One criterion as a page shows it: its name, its state as a badge, what is missing, and a progress bar. */
export function criterionView(c: CriterionResult, rule: CompletionRule) {
  const { key, params } = detail(c, rule);
  const bar = c.progress && c.progress.of > 0 ? c.progress : null;
  return {
    criterion: c.criterion,
    labelKey: `completion.criterion.${c.criterion}`,
    state: c.state,
    stateKey: `completion.state.${c.state}`,
    badge: c.state === 'met' ? 'badge-ok' : c.state === 'impossible' ? 'badge-danger' : 'badge-pending',
    detailKey: key,
    detailParams: params,
    progress: bar && { done: Math.min(bar.done, bar.of), of: bar.of },
  };
}

export function ruleOfCohort(
  cohort: Pick<
    CohortCompletionInfo,
    'min_attendance_percent' | 'requires_independent_work' | 'requires_final_exam' | 'closes_with_seminar'
  >,
): CompletionRule {
  return {
    minAttendancePercent: cohort.min_attendance_percent,
    requiresIndependentWork: cohort.requires_independent_work,
    requiresFinalExam: cohort.requires_final_exam,
    closesWithSeminar: cohort.closes_with_seminar,
  };
}

/** The overall state as a badge: by hand when set, else the rule's. */
function overallView(m: MemberCompletion) {
  const key = m.manual_state ? `completion.manual.${m.manual_state}` : `completion.overall.${m.state}`;
  return {
    overallKey: key,
    overallBadge: m.completed ? 'badge-ok' : m.state === 'not_possible' || m.manual_state ? 'badge-danger' : 'badge-pending',
  };
}

/** Whose completion it is, as pages and the API both name it. */
function whose(m: MemberCompletion) {
  return { enrolmentId: m.enrolment_id, cohortId: m.cohort_id, cohortName: m.cohort_name, userId: m.user_id, name: m.name };
}

/** A member's completion on a page: the trainee's, or a line of the staff's table. */
export function memberView(m: MemberCompletion, lang: Language) {
  const rule = ruleOfCohort(m);
  return {
    ...whose(m),
    cohortClosedAt: m.cohort_closed_at,
    partTitle: localized(lang, m.title_lv, m.title_en),
    department: m.department,
    completed: m.completed,
    completedAt: m.completed ? m.completed_at : null,
    ...overallView(m),
    ruleStateKey: `completion.overall.${m.state}`,
    manual: m.manual_state
      ? { stateKey: `completion.manual.${m.manual_state}`, reason: m.manual_reason, at: m.manual_at, byName: m.manual_by_name }
      : null,
    criteria: m.criteria.map((c) => criterionView(c, rule)),
  };
}

export type MemberView = ReturnType<typeof memberView>;

/** The cohort's table: the members the filters let through, with counts for the whole cohort. */
export function cohortTableView(cohort: CohortCompletionInfo, members: MemberCompletion[], query: CohortCompletionQuery, lang: Language) {
  const rule = ruleOfCohort(cohort);
  const all = members.map((m) => memberView(m, lang));
  const kept = members.filter((m) => {
    if (query.missing && m.criteria.find((c) => c.criterion === query.missing)?.state === 'met') return false;
    if (query.missing && !m.criteria.some((c) => c.criterion === query.missing)) return false;
    if (query.show === 'by_hand') return m.manual_state !== null;
    if (query.show === 'completed') return m.completed;
    if (query.show === 'in_progress') return !m.completed && m.state === 'in_progress' && !m.manual_state;
    if (query.show === 'not_possible') return !m.completed && (m.state === 'not_possible' || m.manual_state === 'not_completed');
    return true;
  });
  const keptIds = new Set(kept.map((m) => m.enrolment_id));
  const criteria = CRITERIA.filter((c) => members.some((m) => m.criteria.some((r) => r.criterion === c)) || ruleNames(rule).includes(c));
  return {
    cohort: {
      id: cohort.id,
      name: cohort.name,
      partTitle: localized(lang, cohort.title_lv, cohort.title_en),
      closedAt: cohort.closed_at,
      closedByName: cohort.closed_by_name,
    },
    criteria: criteria.map((c) => ({ criterion: c, labelKey: `completion.criterion.${c}` })),
    rows: all
      .filter((m) => keptIds.has(m.enrolmentId))
      .map((m) => ({ ...m, cells: criteria.map((c) => m.criteria.find((r) => r.criterion === c) ?? null) })),
    counts: {
      total: members.length,
      completed: members.filter((m) => m.completed).length,
      byHand: members.filter((m) => m.manual_state).length,
    },
    filters: {
      show: query.show,
      missing: query.missing ?? '',
      showOptions: COMPLETION_FILTERS.map((value) => ({ value, label: `completion.filter.${value}` })),
      missingOptions: criteria.map((value) => ({ value, label: `completion.criterion.${value}` })),
    },
  };
}

function ruleNames(rule: CompletionRule): string[] {
  return [
    rule.minAttendancePercent > 0 ? 'attendance' : '',
    rule.requiresIndependentWork ? 'independent_work' : '',
    rule.requiresFinalExam ? 'final_exam' : '',
    rule.closesWithSeminar ? 'closing_seminar' : '',
  ].filter(Boolean);
}

/** The choices of the set-by-hand form. */
export const manualOptions = MANUAL_CHOICES.map((value) => ({ value, label: `completion.choice.${value}` }));

/** A rule change's effect, for the part's edit page and the API (a dry run, or what saving did). */
export function ruleChangeJson(preview: RuleChangePreview) {
  const person = (c: RuleChangePreview['uncompleted'][number]) => ({
    enrolmentId: c.enrolmentId,
    userId: c.userId,
    name: c.name,
    cohortId: c.cohortId,
    cohortName: c.cohortName,
  });
  return {
    uncompleted: preview.uncompleted.map(person),
    completed: preview.completed.map(person),
    otherChanges: preview.otherChanges,
    evaluated: preview.evaluated,
    closedUntouched: preview.closedUntouched,
  };
}

/** One criterion in the API, with its line in the caller's language. */
export function criterionJson(c: CriterionResult, rule: CompletionRule, lang: Language, i18n: I18nService) {
  const { key, params } = detail(c, rule);
  return {
    criterion: c.criterion,
    state: c.state,
    missing: c.missing ?? null,
    progress: c.progress ?? null,
    text: i18n.t(lang, key, params),
  };
}

/** A member's completion in the API. */
export function memberJson(m: MemberCompletion, lang: Language, i18n: I18nService) {
  const rule = ruleOfCohort(m);
  return {
    ...whose(m),
    enrolmentStatus: m.enrolment_status,
    cohortClosedAt: m.cohort_closed_at ? new Date(m.cohort_closed_at).toISOString() : null,
    partId: m.part_id,
    partTitleLv: m.title_lv,
    partTitleEn: m.title_en,
    state: m.state,
    completed: m.completed,
    completedAt: m.completed && m.completed_at ? new Date(m.completed_at).toISOString() : null,
    setByHand: m.manual_state
      ? {
          state: m.manual_state,
          reason: m.manual_reason ?? '',
          byName: m.manual_by_name,
          at: m.manual_at ? new Date(m.manual_at).toISOString() : null,
        }
      : null,
    criteria: m.criteria.map((c) => criterionJson(c, rule, lang, i18n)),
  };
}

/** The trainee's progress in each part they take or took. */
export function myProgressPage(members: MemberCompletion[], lang: Language) {
  return { titleKey: 'completion.mine.title', enrolments: members.map((m) => memberView(m, lang)) };
}

/** The cohort's completion page; administrators also close and reopen it and, while it is open, set completions by hand. */
export function cohortCompletionPage(
  { cohort, members }: { cohort: CohortCompletionInfo; members: MemberCompletion[] },
  query: CohortCompletionQuery,
  lang: Language,
  admin: boolean,
  closing: ClosingCounts | null,
) {
  return {
    titleKey: 'completion.cohort.title',
    ...cohortTableView(cohort, members, query, lang),
    admin,
    // A closed cohort's completions are fixed: set by hand once it is reopened.
    setByHand: admin && !cohort.closed_at,
    closing,
  };
}

/** One enrolment's completion with the form that sets it by hand. */
export function enrolmentCompletionPage(m: MemberCompletion, lang: Language) {
  return { titleKey: 'completion.enrolment.title', trainee: memberView(m, lang), options: manualOptions };
}

/** The set-by-hand form's first values: a completion set by hand is offered to be cleared, else to be set. */
export function enrolmentCompletionValues(page: ReturnType<typeof enrolmentCompletionPage>) {
  return { state: page.trainee.manual ? '' : 'completed', reason: '' };
}

/** A cohort's completion in the API. */
export function cohortCompletionJson(
  { cohort, members }: { cohort: CohortCompletionInfo; members: MemberCompletion[] },
  lang: Language,
  i18n: I18nService,
) {
  return {
    cohortId: cohort.id,
    cohortName: cohort.name,
    closedAt: cohort.closed_at ? new Date(cohort.closed_at).toISOString() : null,
    completed: members.filter((m) => m.completed).length,
    total: members.length,
    items: members.map((m) => memberJson(m, lang, i18n)),
  };
}

/** What closing a cohort fixed. */
export function closedCohortJson(closed: ClosedCohort) {
  return { ...closed, closedAt: closed.closedAt.toISOString() };
}
