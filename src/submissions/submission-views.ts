import { iso } from '../common/json-values';
import { formatDateTime } from '../i18n/dates';
import { lateByText, timeLeftText } from '../i18n/durations';
import type { I18nService } from '../i18n/i18n.service';
import { acceptAttribute, allowedLabel } from '../storage/file-policy';
import { formatFileSize } from '../storage/file-size';
import { storedFileJson } from '../storage/stored-file-views';
import type { FileKind } from '../storage/file-sniffer';
import type { Language } from '../i18n/languages';
import type { AssignmentAttachment } from '../assignments/assignment-attachment.entity';
import type { Assignment } from '../assignments/assignment.entity';
import type { Deadlines, SubmissionState } from './submission-state';
import type { SubmissionFile } from './submission-file.entity';
import type { TraineeWork, VersionWithFiles } from './submission-records.service';
import type { TraineeRow } from './assignment-trainees.service';
import type { MyAssignment } from './my-assignments.service';
import type { VisibleSubmission } from './submission-files.service';
import { assignmentJson, assignmentView } from '../assignments/assignment-views';
import { ACTIVE_STATUS, WITHDRAWN_STATUS } from '../cohorts/enrolment-status';
import { resultText } from '../grading/grading-views';
import { windowAt } from './submission-state';

export function fileJson(f: SubmissionFile) {
  return storedFileJson(f, `/api/v1/submission-files/${f.id}/download`);
}

export function versionJson(v: VersionWithFiles) {
  return {
    id: v.id,
    number: v.number,
    text: v.text,
    submittedAt: iso(v.submittedAt),
    lateSeconds: v.lateSeconds,
    draft: !v.submittedAt,
    files: v.files.map(fileJson),
  };
}

export function deadlinesJson(d: Deadlines) {
  return { opensAt: iso(d.opensAt), dueAt: iso(d.dueAt), cutoffAt: iso(d.cutoffAt), extended: d.extended, revision: d.revision };
}

/** A trainee's work; the grade only once released. */
export function workJson(work: TraineeWork) {
  const s = work.submission;
  const grade = work.grade?.status === 'released' ? work.grade : null;
  return {
    assignmentId: work.assignment.id,
    userId: work.userId,
    submissionId: s?.id ?? null,
    state: work.state,
    deadlines: deadlinesJson(work.deadlines),
    submittedVersion: s?.submittedVersion ?? 0,
    submittedAt: iso(s?.submittedAt),
    lateSeconds: s?.lateSeconds ?? 0,
    returnedAt: iso(s?.returnedAt),
    revisionDueAt: iso(s?.revisionDueAt),
    extension: work.extension
      ? { dueAt: iso(work.extension.dueAt), cutoffAt: iso(work.extension.cutoffAt), reason: work.extension.reason }
      : null,
    draft: work.draft ? versionJson(work.draft) : null,
    versions: work.versions.filter((v) => v.submittedAt).map(versionJson),
    grade: grade
      ? {
          versionNumber: grade.versionNumber,
          score: grade.score === null ? null : Number(grade.score),
          passed: grade.passed,
          feedback: grade.feedback,
          releasedAt: iso(grade.releasedAt),
        }
      : null,
  };
}

/** The draft alone: null when there is none. */
export function draftJson(draft: VersionWithFiles | null) {
  return { draft: draft ? versionJson(draft) : null };
}

/** One's own assignments, each with the cohort it is set in and where one stands. */
export function myAssignmentsJson(items: MyAssignment[]) {
  return {
    items: items.map(({ work, cohortId, cohortName }) => ({
      assignment: assignmentJson(work.assignment),
      cohortId,
      cohortName,
      work: workJson(work),
    })),
  };
}

/** Where each trainee of an assignment stands, for those who teach them. */
export function traineeWorkJson(rows: TraineeRow[]) {
  return {
    items: rows.map((row) => ({
      userId: row.userId,
      name: row.name,
      cohortId: row.cohortId,
      enrolmentStatus: row.enrolmentStatus,
      state: row.state,
      submissionId: row.submission?.id ?? null,
      submittedVersion: row.submission?.submittedVersion ?? 0,
      submittedAt: row.submission?.submittedAt?.toISOString() ?? null,
      lateSeconds: row.submission?.lateSeconds ?? 0,
      deadlines: deadlinesJson(row.deadlines),
    })),
  };
}

/** A submission with the versions its reader may see: its owner also their draft, others the submitted ones. */
export function submissionJson({ submission, versions }: Pick<VisibleSubmission, 'submission' | 'versions'>, readerId: string | null) {
  const visible = submission.userId === readerId ? versions : versions.filter((v) => v.submittedAt);
  return {
    id: submission.id,
    assignmentId: submission.assignmentId,
    userId: submission.userId,
    submittedVersion: submission.submittedVersion,
    submittedAt: iso(submission.submittedAt),
    lateSeconds: submission.lateSeconds,
    returnedAt: iso(submission.returnedAt),
    revisionDueAt: iso(submission.revisionDueAt),
    versions: visible.map(versionJson),
  };
}

/** Kinds named by the accepted types ("jpg" is a JPEG), for the file input's hint. */
export function kindsOfTypes(types: readonly string[]): FileKind[] {
  return [...new Set(types.map((type) => (type === 'jpg' ? 'jpeg' : type) as FileKind))];
}

export const stateKey = (state: SubmissionState) => `assignments.states.${state}`;

/** Where the trainee stands in time, in words: "atlikušas 3 dienas", late but open, or closed. */
export function timeNote(
  i18n: I18nService,
  lang: Language,
  deadlines: Deadlines,
  now: Date,
): { key: string; params: Record<string, string> } {
  const ms = (a: Date, b: Date) => (a.getTime() - b.getTime()) / 1000;
  if (now < deadlines.opensAt) return { key: 'assignments.time.opens', params: { when: formatDateTime(deadlines.opensAt, lang) } };
  if (now >= deadlines.cutoffAt) return { key: 'assignments.time.closed', params: {} };
  if (now <= deadlines.dueAt) return { key: 'assignments.time.left', params: { left: timeLeftText(i18n, lang, ms(deadlines.dueAt, now)) } };
  return {
    key: 'assignments.time.lateOpen',
    params: { late: lateByText(i18n, lang, ms(now, deadlines.dueAt)), cutoff: formatDateTime(deadlines.cutoffAt, lang) },
  };
}

export function fileRow(f: SubmissionFile | AssignmentAttachment, lang: Language) {
  return {
    id: f.id,
    fileName: f.fileName,
    size: formatFileSize(Number(f.size), lang),
    sha256: f.sha256,
    pdf: f.mimeType === 'application/pdf',
  };
}

export function versionRow(v: VersionWithFiles, i18n: I18nService, lang: Language) {
  return {
    id: v.id,
    number: v.number,
    text: v.text,
    submittedAt: v.submittedAt,
    late: v.lateSeconds > 0 ? lateByText(i18n, lang, v.lateSeconds) : null,
    files: v.files.map((f) => fileRow(f, lang)),
  };
}

export function uploadHint(a: Assignment) {
  const kinds = kindsOfTypes(a.acceptedTypes);
  return { accept: acceptAttribute(kinds), allowed: allowedLabel(kinds), maxMb: a.maxFileSizeMb, maxFiles: a.maxFiles };
}

/** What the assignment page is made from: the assignment, who reads it, and for a trainee their work and membership. */
export interface AssignmentPageData {
  assignment: Assignment;
  canManage: boolean;
  /** The brief and its files are held back from trainees until the assignment opens. */
  notYetOpen: boolean;
  attachments: AssignmentAttachment[];
  upload: { accept: string; allowed: string; maxMb: number } | null;
  work: TraineeWork | null;
  membership: { status: string } | null;
  now: Date;
}

/** The assignment page: the brief and its files, and for a trainee where they stand and the hand-in form. */
export function assignmentPage(data: AssignmentPageData, i18n: I18nService, lang: Language) {
  const { work } = data;
  const current = work ? (work.draft ?? work.submitted) : null;
  return {
    // The answer as saved; a refused hand-in shows the text just typed instead (FormView puts it over this).
    values: { text: current?.text ?? '' },
    titleKey: 'assignments.show.title',
    assignment: assignmentView(data.assignment, data.notYetOpen),
    attachments: data.attachments.map((f) => fileRow(f, lang)),
    canManage: data.canManage,
    upload: data.upload,
    trainee: work ? traineeWorkView(work, data.membership, data.now, i18n, lang) : null,
  };
}

function traineeWorkView(work: TraineeWork, membership: { status: string } | null, now: Date, i18n: I18nService, lang: Language) {
  const window = windowAt(work.deadlines, now);
  const canHandIn = membership?.status === ACTIVE_STATUS && window.kind === 'open' && work.state !== 'graded';
  const current = work.draft ?? work.submitted;
  const grade = work.grade?.status === 'released' ? work.grade : null;
  const note = timeNote(i18n, lang, work.deadlines, now);
  return {
    state: work.state,
    stateKey: stateKey(work.state),
    deadlines: work.deadlines,
    extension: work.extension ? { reason: work.extension.reason } : null,
    returned: work.state === 'returned' ? { at: work.submission!.returnedAt, revisionDueAt: work.submission!.revisionDueAt } : null,
    timeKey: note.key,
    timeParams: note.params,
    canHandIn,
    notEnrolled: membership?.status !== ACTIVE_STATUS,
    late: window.kind === 'open' && window.lateSeconds > 0,
    form: canHandIn
      ? {
          draftFiles: (work.draft?.files ?? []).map((f) => fileRow(f, lang)),
          carried: !work.draft && work.submitted ? work.submitted.files.map((f) => fileRow(f, lang)) : [],
          draftNumber: work.draft?.number ?? null,
          ...uploadHint(work.assignment),
          room: Math.max(0, work.assignment.maxFiles - (current?.files.length ?? 0)),
        }
      : null,
    versions: work.versions.filter((v) => v.submittedAt).map((v) => versionRow(v, i18n, lang)),
    grade: grade
      ? {
          score: grade.score === null ? null : Number(grade.score),
          passed: grade.passed,
          feedback: grade.feedback,
          versionNumber: grade.versionNumber,
        }
      : null,
  };
}

/** An assignment's trainees by cohort, where each stands, and whom an extension may be given to. */
export function assignmentTraineesPage(assignment: Assignment, rows: TraineeRow[], now: Date, i18n: I18nService, lang: Language) {
  const cohorts = new Map<string, { id: string; name: string; trainees: unknown[] }>();
  for (const row of rows) {
    const cohort = cohorts.get(row.cohortId) ?? { id: row.cohortId, name: row.cohortName, trainees: [] };
    cohort.trainees.push({
      userId: row.userId,
      name: row.name,
      email: row.email,
      withdrawn: row.enrolmentStatus === WITHDRAWN_STATUS,
      state: row.state,
      stateKey: stateKey(row.state),
      submissionId: row.submission?.submittedVersion ? row.submission.id : null,
      submittedAt: row.submission?.submittedAt ?? null,
      late: row.submission?.lateSeconds ? lateByText(i18n, lang, row.submission.lateSeconds) : null,
      extension: row.extension ? { dueAt: row.extension.dueAt, cutoffAt: row.extension.cutoffAt, reason: row.extension.reason } : null,
      open: windowAt(row.deadlines, now).kind !== 'closed',
    });
    cohorts.set(row.cohortId, cohort);
  }
  return {
    titleKey: 'assignments.trainees.title',
    assignment: { id: assignment.id, title: assignment.title, dueAt: assignment.dueAt, cutoffAt: assignment.cutoffAt },
    cohorts: [...cohorts.values()],
    traineeOptions: rows
      .filter((r) => r.enrolmentStatus !== WITHDRAWN_STATUS)
      .map((r) => ({ value: r.userId, text: `${r.name} (${r.cohortName})` })),
  };
}

/** A trainee's own assignments: where they stand, time left, and the result once released. */
export function myAssignmentsPage(items: MyAssignment[], now: Date, i18n: I18nService, lang: Language) {
  return {
    titleKey: 'assignments.mine.title',
    assignments: items.map(({ work, cohortName }) => {
      const note = timeNote(i18n, lang, work.deadlines, now);
      return {
        id: work.assignment.id,
        title: work.assignment.title,
        cohortName,
        dueAt: work.deadlines.dueAt,
        extended: work.deadlines.extended,
        state: work.state,
        stateKey: stateKey(work.state),
        result:
          work.state === 'graded' && work.grade
            ? resultText(i18n, lang, {
                gradingType: work.assignment.gradingType,
                maxPoints: work.assignment.maxPoints,
                score: work.grade.score,
                passed: work.grade.passed,
              })
            : null,
        timeKey: note.key,
        timeParams: note.params,
      };
    }),
  };
}

/** A submission's page: its submitted versions with their files, and whose work it is. */
export function submissionPage(
  { submission, assignment, versions }: VisibleSubmission,
  owner: { id: string; name: string; email: string },
  readerId: string | null,
  i18n: I18nService,
  lang: Language,
) {
  return {
    titleKey: 'assignments.submission.title',
    assignment: { id: assignment.id, title: assignment.title },
    owner,
    isOwner: submission.userId === readerId,
    versions: versions.filter((v) => v.submittedAt).map((v) => versionRow(v, i18n, lang)),
  };
}
