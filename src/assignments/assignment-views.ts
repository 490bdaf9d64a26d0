import { iso } from '../common/json-values';
import { renderMarkdown } from '../common/markdown';
import { rigaDateTimeInputs } from '../i18n/dates';
import { localized } from '../i18n/localized';
import { storedFileJson } from '../storage/stored-file-views';
import type { Language } from '../i18n/languages';
import type { AssignmentAttachment } from './assignment-attachment.entity';
import type { Extension } from './extension.entity';
import { SUBMISSION_FILE_TYPES, type Assignment } from './assignment.entity';
import type { AssignmentFormTarget, CohortAssignments } from './assignments.service';

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
  return storedFileJson(f, `/api/v1/assignment-attachments/${f.id}/download`);
}

/** New due and cut-off times given to a trainee. */
export function extensionJson(x: Extension) {
  return {
    id: x.id,
    userId: x.userId,
    dueAt: x.dueAt.toISOString(),
    cutoffAt: x.cutoffAt.toISOString(),
    reason: x.reason,
    grantedById: x.grantedById,
    updatedAt: x.updatedAt.toISOString(),
  };
}

/** An assignment with the files of its brief, as the API gives it. */
export function assignmentWithAttachmentsJson(a: Assignment, attachments: AssignmentAttachment[]) {
  return { ...assignmentJson(a), attachments: attachments.map(attachmentJson) };
}

/** A cohort's assignments, its part's included, for those who set them. */
export function cohortAssignmentsPage(list: CohortAssignments, lang: Language) {
  return {
    titleKey: 'assignments.cohort.title',
    cohort: { id: list.cohort.id, name: list.cohort.name },
    part: { id: list.part.id, number: list.part.number, title: localized(lang, list.part.titleLv, list.part.titleEn) },
    assignments: list.assignments.map((a) => ({
      id: a.id,
      title: a.title,
      opensAt: a.opensAt,
      dueAt: a.dueAt,
      cutoffAt: a.cutoffAt,
      forPart: Boolean(a.partId),
    })),
    canManageCohort: list.canManageCohort,
    canManagePart: list.canManagePart,
  };
}

/** The form's surroundings: where the assignment goes and the choices it offers. */
export function assignmentFormPage({ assignmentId, cohort, part }: AssignmentFormTarget, lang: Language) {
  return {
    titleKey: assignmentId ? 'assignments.form.editTitle' : 'assignments.form.newTitle',
    assignmentId,
    target: cohort
      ? { kind: 'cohort', name: cohort.name }
      : { kind: 'part', name: part ? localized(lang, part.titleLv, part.titleEn) : '' },
    action: assignmentId
      ? `/assignments/${assignmentId}/edit`
      : cohort
        ? `/cohorts/${cohort.id}/assignments`
        : `/parts/${part?.id}/assignments`,
    back: assignmentId ? `/assignments/${assignmentId}` : cohort ? `/cohorts/${cohort.id}/assignments` : '/',
    fileTypes: SUBMISSION_FILE_TYPES.map((type) => ({ value: type, label: `assignments.fileTypes.${type}` })),
    gradingTypes: [
      { value: 'points', label: 'assignments.grading.points' },
      { value: 'pass_fail', label: 'assignments.grading.pass_fail' },
    ],
  };
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

/** An assignment as its page shows it; the brief is held back until it opens. */
export function assignmentView(a: Assignment, hideBrief: boolean) {
  return {
    id: a.id,
    title: a.title,
    cohortId: a.cohortId,
    partId: a.partId,
    briefHtml: hideBrief ? '' : renderMarkdown(a.brief),
    opensAt: a.opensAt,
    dueAt: a.dueAt,
    cutoffAt: a.cutoffAt,
    allowText: a.allowText,
    maxFiles: a.maxFiles,
    gradingType: a.gradingType,
    maxPoints: a.maxPoints === null ? null : Number(a.maxPoints),
    passMark: a.passMark === null ? null : Number(a.passMark),
    requiredForCompletion: a.requiredForCompletion,
  };
}
