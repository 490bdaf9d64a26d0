import { Injectable } from '@nestjs/common';
import { type Actor, actorHasRole } from '../common/actor';
import { Clock } from '../common/clock';
import { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import { AssignmentAttachmentsService } from '../assignments/assignment-attachments.service';
import { AssignmentTraineesService } from './assignment-trainees.service';
import { AssignmentsService } from '../assignments/assignments.service';
import { AssignmentAccess } from '../assignments/assignment-access.service';
import { assignmentPage, assignmentTraineesPage, myAssignmentsPage, submissionPage } from './submission-views';
import { MyAssignmentsService } from './my-assignments.service';
import { SubmissionFilesService } from './submission-files.service';
import { SubmissionRecords } from './submission-records.service';

/** Loads what the coursework pages show and makes their models (submission-views.ts); controllers only render them. */
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

  async assignmentPage(actor: Actor, id: string, lang: Language) {
    const assignment = await this.assignments.getVisible(actor, id);
    const canManage = await this.access.canManage(actor, assignment);
    const now = this.clock.now();
    const notYetOpen = now < assignment.opensAt && !canManage;
    const attachments = notYetOpen ? [] : await this.attachments.list(assignment.id);
    const work = !canManage && actor.userId && actorHasRole(actor, 'trainee') ? await this.records.work(assignment, actor.userId) : null;
    const membership = work ? await this.access.traineeCohort(actor.userId, work.assignment) : null;
    const upload = canManage ? this.attachments.uploadHint() : null;
    return assignmentPage({ assignment, canManage, notYetOpen, attachments, upload, work, membership, now }, this.i18n, lang);
  }

  async traineesPage(actor: Actor, id: string, lang: Language) {
    const assignment = await this.assignments.getManaged(actor, id);
    const rows = await this.trainees.list(actor, assignment);
    return assignmentTraineesPage(assignment, rows, this.clock.now(), this.i18n, lang);
  }

  async myAssignments(actor: Actor, lang: Language) {
    const now = this.clock.now();
    return myAssignmentsPage(await this.mine.list(actor), now, this.i18n, lang);
  }

  async submissionPage(actor: Actor, id: string, lang: Language) {
    const visible = await this.files.submission(actor, id);
    const owner = await this.assignments.personOf(visible.submission.userId);
    return submissionPage(visible, owner, actor.userId, this.i18n, lang);
  }
}
