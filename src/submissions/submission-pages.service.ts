import { Injectable } from '@nestjs/common';
import { ACTIVE_STATUS, WITHDRAWN_STATUS } from '../cohorts/enrolment-status';
import { type Actor, actorHasRole } from '../common/actor';
import { Clock } from '../common/clock';
import { renderMarkdown } from '../common/markdown';
import { lateByText } from '../i18n/durations';
import { I18nService } from '../i18n/i18n.service';
import { localized } from '../i18n/localized';
import type { Language } from '../i18n/languages';
import { AssignmentAttachmentsService } from '../assignments/assignment-attachments.service';
import { AssignmentTraineesService } from './assignment-trainees.service';
import { SUBMISSION_FILE_TYPES, type Assignment } from '../assignments/assignment.entity';
import { AssignmentsService } from '../assignments/assignments.service';
import { AssignmentAccess } from '../assignments/assignment-access.service';
import { fileRow, stateKey, timeNote, uploadHint, versionRow } from './submission-views';
import { resultText } from '../grading/grading-views';
import { MyAssignmentsService } from './my-assignments.service';
import { SubmissionFilesService } from './submission-files.service';
import { SubmissionRecords, type TraineeWork } from './submission-records.service';
import { windowAt } from './submission-state';

/** What the coursework pages show, put together from the services; controllers only render it. */
@Injectable()
export class SubmissionPagesService {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly attachments: AssignmentAttachmentsService,
    private readonly access: AssignmentAccess,
    private readonly records: SubmissionRecords,
    private readonly trainees: AssignmentTraineesService,
    private readonly mine: MyAssignmentsService,
    private readonly files: SubmissionFilesService,
    private readonly i18n: I18nService,
    private readonly clock: Clock,
  ) {}

  async cohortList(actor: Actor, cohortId: string, lang: Language) {
    const list = await this.assignments.listForCohort(actor, cohortId);
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
  async formLocals(target: { cohortId?: string; partId?: string; assignmentId?: string }, lang: Language) {
    let scope = target;
    if (target.assignmentId) {
      const a = await this.assignments.find(target.assignmentId);
      scope = { cohortId: a.cohortId ?? undefined, partId: a.partId ?? undefined, assignmentId: a.id };
    }
    const cohort = scope.cohortId ? await this.assignments.findCohort(scope.cohortId) : null;
    const part = scope.partId ? await this.assignments.findPart(scope.partId) : null;
    return {
      titleKey: target.assignmentId ? 'assignments.form.editTitle' : 'assignments.form.newTitle',
      assignmentId: target.assignmentId ?? null,
      target: cohort
        ? { kind: 'cohort', name: cohort.name }
        : { kind: 'part', name: part ? localized(lang, part.titleLv, part.titleEn) : '' },
      action: target.assignmentId
        ? `/assignments/${target.assignmentId}/edit`
        : cohort
          ? `/cohorts/${cohort.id}/assignments`
          : `/parts/${part?.id}/assignments`,
      back: target.assignmentId ? `/assignments/${target.assignmentId}` : cohort ? `/cohorts/${cohort.id}/assignments` : '/',
      fileTypes: SUBMISSION_FILE_TYPES.map((type) => ({ value: type, label: `assignments.fileTypes.${type}` })),
      gradingTypes: [
        { value: 'points', label: 'assignments.grading.points' },
        { value: 'pass_fail', label: 'assignments.grading.pass_fail' },
      ],
    };
  }

  async assignmentPage(actor: Actor, id: string, lang: Language) {
    const assignment = await this.assignments.getVisible(actor, id);
    const canManage = await this.access.canManage(actor, assignment);
    const now = this.clock.now();
    const notYetOpen = now < assignment.opensAt && !canManage;
    const attachments = notYetOpen ? [] : await this.attachments.list(assignment.id);
    const work = !canManage && actor.userId && actorHasRole(actor, 'trainee') ? await this.records.work(assignment, actor.userId) : null;
    const current = work ? (work.draft ?? work.submitted) : null;
    return {
      // The answer as saved; a refused hand-in shows the text just typed instead (FormView puts it over this).
      values: { text: current?.text ?? '' },
      titleKey: 'assignments.show.title',
      assignment: this.assignmentView(assignment, notYetOpen),
      attachments: attachments.map((f) => fileRow(f, lang)),
      canManage,
      upload: canManage ? this.attachments.uploadHint() : null,
      trainee: work ? await this.traineeView(actor, work, lang) : null,
    };
  }

  private assignmentView(a: Assignment, hideBrief: boolean) {
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

  private async traineeView(actor: Actor, work: TraineeWork, lang: Language) {
    const now = this.clock.now();
    const membership = await this.access.traineeCohort(actor.userId, work.assignment);
    const window = windowAt(work.deadlines, now);
    const canHandIn = membership?.status === ACTIVE_STATUS && window.kind === 'open' && work.state !== 'graded';
    const current = work.draft ?? work.submitted;
    const grade = work.grade?.status === 'released' ? work.grade : null;
    const note = timeNote(this.i18n, lang, work.deadlines, now);
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
      versions: work.versions.filter((v) => v.submittedAt).map((v) => versionRow(v, this.i18n, lang)),
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

  async traineesPage(actor: Actor, id: string, lang: Language) {
    const assignment = await this.assignments.getManaged(actor, id);
    const rows = await this.trainees.list(actor, assignment);
    const now = this.clock.now();
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
        late: row.submission?.lateSeconds ? lateByText(this.i18n, lang, row.submission.lateSeconds) : null,
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

  async myAssignments(actor: Actor, lang: Language) {
    const now = this.clock.now();
    const items = await this.mine.list(actor);
    return {
      titleKey: 'assignments.mine.title',
      assignments: items.map(({ work, cohortName }) => {
        const note = timeNote(this.i18n, lang, work.deadlines, now);
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
              ? resultText(this.i18n, lang, {
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

  async submissionPage(actor: Actor, id: string, lang: Language) {
    const { submission, assignment, versions } = await this.files.submission(actor, id);
    const owner = await this.assignments.personOf(submission.userId);
    return {
      titleKey: 'assignments.submission.title',
      assignment: { id: assignment.id, title: assignment.title },
      owner,
      isOwner: submission.userId === actor.userId,
      versions: versions.filter((v) => v.submittedAt).map((v) => versionRow(v, this.i18n, lang)),
    };
  }
}
