import { ApiToken } from '../auth/api-token.entity';
import { AttendanceCount } from '../attendance/attendance-count.entity';
import { Attendance } from '../attendance/attendance.entity';
import { SessionMarkCount } from '../attendance/session-mark-count.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { CertificateBadge } from '../certificates/certificate-badge.entity';
import { CertificateSerialCounter } from '../certificates/certificate-serial-counter.entity';
import { CertificateTemplate } from '../certificates/certificate-template.entity';
import { Certificate } from '../certificates/certificate.entity';
import { CertificateRunItem } from '../certificates/certificate-run-item.entity';
import { CertificateRun } from '../certificates/certificate-run.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { AssignmentAttachment } from '../assignments/assignment-attachment.entity';
import { Assignment } from '../assignments/assignment.entity';
import { Extension } from '../assignments/extension.entity';
import { Grade } from '../grading/grade.entity';
import { SubmissionFile } from '../submissions/submission-file.entity';
import { SubmissionVersion } from '../submissions/submission-version.entity';
import { Submission } from '../submissions/submission.entity';
import { QuestionCategory } from '../exams/question-category.entity';
import { QuestionVersion } from '../exams/question-version.entity';
import { Question } from '../exams/question.entity';
import { ExamAccommodation } from '../exams/exam-accommodation.entity';
import { ExamAttemptEvent } from '../exams/exam-attempt-event.entity';
import { ExamAttemptItem } from '../exams/exam-attempt-item.entity';
import { ExamAttempt } from '../exams/exam-attempt.entity';
import { ExamLateAnswer } from '../exams/exam-late-answer.entity';
import { ExamResult } from '../exams/exam-result.entity';
import { ExamRemark } from '../exams/exam-remark.entity';
import { Exam } from '../exams/exam.entity';
import { Enrolment } from '../cohorts/enrolment.entity';
import { EnrolmentCompletion } from '../completion/enrolment-completion.entity';
import { Material } from '../materials/material.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Indicator } from '../programmes/indicator.entity';
import { Part } from '../programmes/part.entity';
import { Programme } from '../programmes/programme.entity';
import { SessionChange } from '../sessions/session-change.entity';
import { Session } from '../sessions/session.entity';
import { PasswordToken } from '../users/password-token.entity';
import { User } from '../users/user.entity';
import { ReportExport } from '../reports/report-export.entity';

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
  EnrolmentCompletion,
  Session,
  SessionChange,
  Attendance,
  AttendanceCount,
  SessionMarkCount,
  Material,
  Assignment,
  AssignmentAttachment,
  Extension,
  Submission,
  SubmissionVersion,
  SubmissionFile,
  Grade,
  QuestionCategory,
  Question,
  QuestionVersion,
  Exam,
  ExamAccommodation,
  ExamAttempt,
  ExamAttemptItem,
  ExamLateAnswer,
  ExamAttemptEvent,
  ExamResult,
  ExamRemark,
  CertificateTemplate,
  CertificateSerialCounter,
  Certificate,
  CertificateBadge,
  CertificateRun,
  CertificateRunItem,
  ReportExport,
];
