import { ApiToken } from '../auth/api-token.entity';
import { Attendance } from '../attendance/attendance.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { AssignmentAttachment } from '../coursework/assignment-attachment.entity';
import { Assignment } from '../coursework/assignment.entity';
import { Extension } from '../coursework/extension.entity';
import { Grade } from '../coursework/grade.entity';
import { SubmissionFile } from '../coursework/submission-file.entity';
import { SubmissionVersion } from '../coursework/submission-version.entity';
import { Submission } from '../coursework/submission.entity';
import { Enrolment } from '../cohorts/enrolment.entity';
import { Material } from '../materials/material.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Indicator } from '../programmes/indicator.entity';
import { Part } from '../programmes/part.entity';
import { Programme } from '../programmes/programme.entity';
import { SessionChange } from '../sessions/session-change.entity';
import { Session } from '../sessions/session.entity';
import { PasswordToken } from '../users/password-token.entity';
import { User } from '../users/user.entity';

/** Every entity of the application; the data source and the migration check both read this list. */
export const entities = [
  User,
  PasswordToken,
  ApiToken,
  AuditEvent,
  OutboxMessage,
  Programme,
  Part,
  Indicator,
  Cohort,
  Enrolment,
  Session,
  SessionChange,
  Attendance,
  Material,
  Assignment,
  AssignmentAttachment,
  Extension,
  Submission,
  SubmissionVersion,
  SubmissionFile,
  Grade,
];
