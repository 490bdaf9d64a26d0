"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.entities = void 0;
const api_token_entity_1 = require("../auth/api-token.entity");
const attendance_entity_1 = require("../attendance/attendance.entity");
const audit_event_entity_1 = require("../audit/audit-event.entity");
const cohort_entity_1 = require("../cohorts/cohort.entity");
const assignment_attachment_entity_1 = require("../coursework/assignment-attachment.entity");
const assignment_entity_1 = require("../coursework/assignment.entity");
const extension_entity_1 = require("../coursework/extension.entity");
const grade_entity_1 = require("../coursework/grade.entity");
const submission_file_entity_1 = require("../coursework/submission-file.entity");
const submission_version_entity_1 = require("../coursework/submission-version.entity");
const submission_entity_1 = require("../coursework/submission.entity");
const enrolment_entity_1 = require("../cohorts/enrolment.entity");
const material_entity_1 = require("../materials/material.entity");
const outbox_message_entity_1 = require("../notifications/outbox-message.entity");
const indicator_entity_1 = require("../programmes/indicator.entity");
const part_entity_1 = require("../programmes/part.entity");
const programme_entity_1 = require("../programmes/programme.entity");
const session_change_entity_1 = require("../sessions/session-change.entity");
const session_entity_1 = require("../sessions/session.entity");
const password_token_entity_1 = require("../users/password-token.entity");
const user_entity_1 = require("../users/user.entity");
/** Every entity of the application; the data source and the migration check both read this list. */
exports.entities = [
    user_entity_1.User,
    password_token_entity_1.PasswordToken,
    api_token_entity_1.ApiToken,
    audit_event_entity_1.AuditEvent,
    outbox_message_entity_1.OutboxMessage,
    programme_entity_1.Programme,
    part_entity_1.Part,
    indicator_entity_1.Indicator,
    cohort_entity_1.Cohort,
    enrolment_entity_1.Enrolment,
    session_entity_1.Session,
    session_change_entity_1.SessionChange,
    attendance_entity_1.Attendance,
    material_entity_1.Material,
    assignment_entity_1.Assignment,
    assignment_attachment_entity_1.AssignmentAttachment,
    extension_entity_1.Extension,
    submission_entity_1.Submission,
    submission_version_entity_1.SubmissionVersion,
    submission_file_entity_1.SubmissionFile,
    grade_entity_1.Grade,
];
