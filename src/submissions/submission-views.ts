import { renderMarkdown } from '../common/markdown';
import { formatDateTime, rigaDateTimeInputs } from '../i18n/dates';
import { lateByText, timeLeftText } from '../i18n/durations';
import type { I18nService } from '../i18n/i18n.service';
import { acceptAttribute, allowedLabel } from '../storage/file-policy';
import { formatFileSize } from '../storage/file-size';
import type { FileKind } from '../storage/file-sniffer';
import type { Language } from '../i18n/languages';
import type { AssignmentAttachment } from '../assignments/assignment-attachment.entity';
import type { Assignment } from '../assignments/assignment.entity';
import type { Deadlines, SubmissionState } from './submission-state';
import type { SubmissionFile } from './submission-file.entity';
import type { TraineeWork, VersionWithFiles } from './submission-records.service';

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** An assignment as the API gives it. */
export function assignmentJson(a: Assignment) {
  return {
    id: a.id,
    cohortId: a.cohortId,
    partId: a.partId,
    title: a.title,
    brief: a.brief,
    briefHtml: renderMarkdown(a.brief),
    opensAt: iso(a.opensAt),
    dueAt: iso(a.dueAt),
    cutoffAt: iso(a.cutoffAt),
    maxFiles: a.maxFiles,
    maxFileSizeMb: a.maxFileSizeMb,
    acceptedTypes: a.acceptedTypes,
    allowText: a.allowText,
    gradingType: a.gradingType,
    maxPoints: a.maxPoints === null ? null : Number(a.maxPoints),
    passMark: a.passMark === null ? null : Number(a.passMark),
    requiredForCompletion: a.requiredForCompletion,
    reminderOffsetsHours: a.reminderOffsetsHours,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  };
}

export function attachmentJson(f: AssignmentAttachment) {
  return {
    id: f.id,
    fileName: f.fileName,
    mimeType: f.mimeType,
    size: Number(f.size),
    sha256: f.sha256,
    downloadUrl: `/api/v1/assignment-attachments/${f.id}/download`,
  };
}

export function fileJson(f: SubmissionFile) {
  return {
    id: f.id,
    fileName: f.fileName,
    mimeType: f.mimeType,
    size: Number(f.size),
    sha256: f.sha256,
    downloadUrl: `/api/v1/submission-files/${f.id}/download`,
  };
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

/** The values an assignment form starts with. */
export function assignmentFormValues(a?: Assignment) {
  if (!a)
    return {
      maxFiles: 5,
      maxFileSizeMb: 20,
      acceptedTypes: ['pdf', 'docx', 'odt'],
      allowText: true,
      gradingType: 'points',
      requiredForCompletion: true,
      reminderOffsetsHours: '72, 24',
    };
  const [opensDate, opensTime] = rigaDateTimeInputs(a.opensAt);
  const [dueDate, dueTime] = rigaDateTimeInputs(a.dueAt);
  const [cutoffDate, cutoffTime] = rigaDateTimeInputs(a.cutoffAt);
  return {
    title: a.title,
    brief: a.brief,
    opensDate,
    opensTime,
    dueDate,
    dueTime,
    cutoffDate,
    cutoffTime,
    maxFiles: a.maxFiles,
    maxFileSizeMb: a.maxFileSizeMb,
    acceptedTypes: a.acceptedTypes,
    allowText: a.allowText,
    gradingType: a.gradingType,
    maxPoints: a.maxPoints ?? '',
    passMark: a.passMark ?? '',
    requiredForCompletion: a.requiredForCompletion,
    reminderOffsetsHours: a.reminderOffsetsHours.join(', '),
  };
}
