import { personActor } from '../src/common/actor';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { UsersService } from '../src/users/users.service';
import { RouteIndex } from '../src/common/route-index';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createApiToken, createInstructor, createTrainee, createUser } from './support/factories';
import { csrfToken, logIn } from './support/http';

/**
 * Who may call each route. Every route the application registers must be listed here: a new route makes
 * this test fail until its access is written down.
 *
 * public: anyone · signedIn: any signed-in user · admin · staff: admin or instructor · instructor · trainee
 */
type Access = 'public' | 'signedIn' | 'admin' | 'staff' | 'instructor' | 'trainee';

const EXPECTED: Record<string, Access> = {
  // auth
  'GET /login': 'public',
  'POST /login': 'public',
  'POST /logout': 'signedIn',
  'POST /language': 'public',
  'GET /password/:token': 'public',
  'POST /password/:token': 'public',
  'GET /password-reset': 'public',
  'POST /password-reset': 'public',
  'GET /': 'signedIn',
  // health and API documentation
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/': 'public',
  'GET /api/docs/index.html': 'public',
  'GET /api/docs/LICENSE': 'public',
  'GET /api/docs/swagger-ui-init.js': 'public',
  'GET /api/docs/docs/swagger-ui-init.js': 'public',
  'GET /api/docs-json': 'public',
  'GET /api/docs-yaml': 'public',
  // users, profile, API tokens
  'GET /admin/users': 'admin',
  'GET /admin/users/new': 'admin',
  'POST /admin/users/new': 'admin',
  'GET /admin/users/import': 'admin',
  'GET /admin/users/import/template.csv': 'admin',
  'POST /admin/users/import': 'admin',
  'GET /admin/users/:id': 'admin',
  'POST /admin/users/:id': 'admin',
  'POST /admin/users/:id/disable': 'admin',
  'POST /admin/users/:id/enable': 'admin',
  'POST /admin/users/:id/invite': 'admin',
  'GET /admin/users/:id/tokens/new': 'admin',
  'POST /admin/users/:id/tokens': 'admin',
  'POST /admin/users/:id/tokens/:tokenId/revoke': 'admin',
  'GET /profile': 'signedIn',
  'POST /profile': 'signedIn',
  'GET /api/v1/users': 'admin',
  'POST /api/v1/users': 'admin',
  'POST /api/v1/users/import': 'admin',
  'GET /api/v1/users/:id': 'admin',
  'PATCH /api/v1/users/:id': 'admin',
  'POST /api/v1/users/:id/disable': 'admin',
  'POST /api/v1/users/:id/enable': 'admin',
  'POST /api/v1/users/:id/invite': 'admin',
  'GET /api/v1/users/:id/tokens': 'admin',
  'POST /api/v1/users/:id/tokens': 'admin',
  'DELETE /api/v1/users/:id/tokens/:tokenId': 'admin',
  'GET /api/v1/me': 'signedIn',
  'PATCH /api/v1/me': 'signedIn',
  // audit
  'GET /admin/audit': 'admin',
  'GET /api/v1/audit': 'admin',
  // notifications
  'GET /admin/outbox': 'admin',
  'GET /admin/outbox/:id': 'admin',
  'GET /admin/outbox/:id/html': 'admin',
  'POST /admin/outbox/:id/resend': 'admin',
  'GET /api/v1/outbox': 'admin',
  'GET /api/v1/outbox/:id': 'admin',
  'POST /api/v1/outbox/:id/resend': 'admin',
  'GET /unsubscribe/:token': 'public',
  'POST /unsubscribe/:token': 'public',
  'GET /admin/queues': 'admin',
  // programmes, parts, indicators
  'GET /admin/programmes': 'admin',
  'GET /admin/programmes/new': 'admin',
  'POST /admin/programmes': 'admin',
  'GET /admin/programmes/:id': 'admin',
  'GET /admin/programmes/:id/edit': 'admin',
  'POST /admin/programmes/:id': 'admin',
  'GET /admin/programmes/:id/indicators/new': 'admin',
  'POST /admin/programmes/:id/indicators': 'admin',
  'GET /admin/programmes/:id/indicators/:indicatorId/edit': 'admin',
  'POST /admin/programmes/:id/indicators/:indicatorId': 'admin',
  'POST /admin/programmes/:id/indicators/:indicatorId/delete': 'admin',
  'GET /admin/programmes/:id/parts/new': 'admin',
  'POST /admin/programmes/:id/parts': 'admin',
  'GET /admin/parts/:id/edit': 'admin',
  'POST /admin/parts/:id': 'admin',
  'POST /admin/parts/:id/move': 'admin',
  'POST /admin/programmes/:id/logo': 'admin',
  'POST /admin/programmes/:id/logo/delete': 'admin',
  'GET /programmes/:id/logo': 'signedIn',
  'PUT /api/v1/programmes/:id/logo': 'admin',
  'DELETE /api/v1/programmes/:id/logo': 'admin',
  'GET /api/v1/programmes': 'admin',
  'POST /api/v1/programmes': 'admin',
  'GET /api/v1/programmes/:id': 'signedIn',
  'PUT /api/v1/programmes/:id': 'admin',
  'GET /api/v1/programmes/:id/parts': 'signedIn',
  'POST /api/v1/programmes/:id/parts': 'admin',
  'PUT /api/v1/programmes/:id/parts/order': 'admin',
  'GET /api/v1/parts/:id': 'signedIn',
  'PUT /api/v1/parts/:id': 'admin',
  'GET /api/v1/programmes/:id/indicators': 'admin',
  'POST /api/v1/programmes/:id/indicators': 'admin',
  'PUT /api/v1/indicators/:id': 'admin',
  'DELETE /api/v1/indicators/:id': 'admin',
  // cohorts and enrolments
  'GET /admin/cohorts': 'admin',
  'GET /admin/cohorts/new': 'admin',
  'POST /admin/cohorts': 'admin',
  'GET /admin/cohorts/:id': 'admin',
  'GET /admin/cohorts/:id/edit': 'admin',
  'POST /admin/cohorts/:id': 'admin',
  'POST /admin/cohorts/:id/enrolments': 'admin',
  'POST /admin/cohorts/:id/enrolments/import': 'admin',
  'GET /admin/cohorts/:id/enrolments/:enrolmentId/withdraw': 'admin',
  'POST /admin/cohorts/:id/enrolments/:enrolmentId/withdraw': 'admin',
  'GET /my/cohorts': 'instructor',
  'GET /my/programme': 'trainee',
  'GET /api/v1/cohorts': 'admin',
  'POST /api/v1/cohorts': 'admin',
  'GET /api/v1/cohorts/:id': 'signedIn',
  'PUT /api/v1/cohorts/:id': 'admin',
  'GET /api/v1/cohorts/:id/enrolments': 'signedIn',
  'POST /api/v1/cohorts/:id/enrolments': 'admin',
  'POST /api/v1/cohorts/:id/enrolments/import': 'admin',
  'POST /api/v1/enrolments/:id/withdraw': 'admin',
  'GET /api/v1/me/enrolments': 'signedIn',
  'GET /api/v1/me/cohorts': 'instructor',
  // materials (who may see or upload what is decided per record)
  'GET /cohorts/:cohortId/materials': 'signedIn',
  'POST /cohorts/:cohortId/materials': 'signedIn',
  'GET /parts/:partId/materials': 'signedIn',
  'POST /parts/:partId/materials': 'signedIn',
  'POST /materials/:id/delete': 'signedIn',
  'GET /materials/:id/download': 'signedIn',
  'GET /api/v1/cohorts/:cohortId/materials': 'signedIn',
  'POST /api/v1/cohorts/:cohortId/materials': 'signedIn',
  'GET /api/v1/parts/:partId/materials': 'signedIn',
  'POST /api/v1/parts/:partId/materials': 'signedIn',
  'GET /api/v1/materials/:id': 'signedIn',
  'GET /api/v1/materials/:id/download': 'signedIn',
  'DELETE /api/v1/materials/:id': 'signedIn',
  // sessions
  'GET /cohorts/:cohortId/sessions': 'signedIn',
  'GET /cohorts/:cohortId/sessions/new': 'staff',
  'POST /cohorts/:cohortId/sessions': 'staff',
  'GET /sessions/:id': 'signedIn',
  'GET /sessions/:id/edit': 'staff',
  'POST /sessions/:id/edit': 'staff',
  'GET /sessions/:id/move': 'staff',
  'POST /sessions/:id/move': 'staff',
  'GET /sessions/:id/cancel': 'staff',
  'POST /sessions/:id/cancel': 'staff',
  'GET /sessions/:id/restore': 'staff',
  'POST /sessions/:id/restore': 'staff',
  'GET /my/sessions': 'signedIn',
  'GET /my/sessions/today': 'staff',
  'GET /api/v1/cohorts/:cohortId/sessions': 'signedIn',
  'POST /api/v1/cohorts/:cohortId/sessions': 'staff',
  'GET /api/v1/sessions/:id': 'signedIn',
  'PUT /api/v1/sessions/:id': 'staff',
  'POST /api/v1/sessions/:id/move': 'staff',
  'POST /api/v1/sessions/:id/cancel': 'staff',
  'POST /api/v1/sessions/:id/restore': 'staff',
  'GET /api/v1/me/sessions': 'signedIn',
  'GET /api/v1/me/sessions/today': 'staff',
  // exam results sheet, its upload and the protocol
  'GET /exams/:id/sheet': 'staff',
  'POST /exams/:id/sheet': 'staff',
  'GET /exams/:id/sheet/template.csv': 'staff',
  'GET /exams/:id/sheet/template.xlsx': 'staff',
  'POST /exams/:id/sheet/upload': 'staff',
  'POST /exams/:id/sheet/apply': 'staff',
  'GET /exams/:id/protocol.pdf': 'staff',
  'GET /api/v1/exams/:id/sheet': 'staff',
  'PUT /api/v1/exams/:id/sheet': 'staff',
  'GET /api/v1/exams/:id/sheet/template': 'staff',
  'POST /api/v1/exams/:id/sheet/upload': 'staff',
  'POST /api/v1/exams/:id/sheet/apply': 'staff',
  'GET /api/v1/exams/:id/protocol.pdf': 'staff',
  // attendance
  'GET /sessions/:id/attendance': 'staff',
  'POST /sessions/:id/attendance': 'staff',
  'GET /cohorts/:cohortId/attendance': 'staff',
  'GET /my/attendance': 'signedIn',
  'GET /api/v1/sessions/:id/attendance': 'staff',
  'PUT /api/v1/sessions/:id/attendance': 'staff',
  'GET /api/v1/cohorts/:cohortId/attendance': 'staff',
  'GET /api/v1/me/attendance': 'signedIn',
  // calendar feeds (the feed itself is reached by its secret link)
  'GET /calendar/:userId/:file': 'public',
  'GET /sessions/:id/ics': 'signedIn',
  'GET /my/calendar': 'signedIn',
  'POST /my/calendar/renew': 'signedIn',
  'GET /api/v1/me/calendar': 'signedIn',
  'POST /api/v1/me/calendar/renew': 'signedIn',
  // coursework: assignments, submissions, extensions (who may see or act on which record is decided per record)
  'GET /cohorts/:cohortId/assignments': 'staff',
  'GET /cohorts/:cohortId/assignments/new': 'staff',
  'POST /cohorts/:cohortId/assignments': 'staff',
  'GET /parts/:partId/assignments/new': 'staff',
  'POST /parts/:partId/assignments': 'staff',
  'GET /assignments/:id': 'signedIn',
  'GET /assignments/:id/edit': 'staff',
  'POST /assignments/:id/edit': 'staff',
  'POST /assignments/:id/delete': 'staff',
  'POST /assignments/:id/attachments': 'staff',
  'POST /assignment-attachments/:id/delete': 'staff',
  'GET /assignment-attachments/:id/download': 'signedIn',
  'GET /assignments/:id/trainees': 'staff',
  'POST /assignments/:id/extensions': 'staff',
  'GET /my/assignments': 'trainee',
  'POST /assignments/:id/submission': 'trainee',
  'POST /submission-files/:id/delete': 'trainee',
  'GET /submission-files/:id/download': 'signedIn',
  'GET /submission-files/:id/inline': 'signedIn',
  'GET /submissions/:id': 'signedIn',
  'GET /api/v1/cohorts/:cohortId/assignments': 'signedIn',
  'POST /api/v1/cohorts/:cohortId/assignments': 'staff',
  'POST /api/v1/parts/:partId/assignments': 'staff',
  'GET /api/v1/assignments/:id': 'signedIn',
  'PUT /api/v1/assignments/:id': 'staff',
  'DELETE /api/v1/assignments/:id': 'staff',
  'POST /api/v1/assignments/:id/attachments': 'staff',
  'DELETE /api/v1/assignment-attachments/:id': 'staff',
  'GET /api/v1/assignment-attachments/:id/download': 'signedIn',
  'GET /api/v1/me/assignments': 'trainee',
  'GET /api/v1/assignments/:id/submission': 'trainee',
  'GET /api/v1/assignments/:id/draft': 'trainee',
  'PUT /api/v1/assignments/:id/draft': 'trainee',
  'POST /api/v1/assignments/:id/draft/files': 'trainee',
  'DELETE /api/v1/assignments/:id/draft/files/:fileId': 'trainee',
  'POST /api/v1/assignments/:id/submit': 'trainee',
  'GET /api/v1/assignments/:id/submissions': 'staff',
  'GET /api/v1/submissions/:id': 'signedIn',
  'GET /api/v1/submission-versions/:id': 'signedIn',
  'GET /api/v1/submission-files/:id': 'signedIn',
  'GET /api/v1/submission-files/:id/download': 'signedIn',
  'GET /api/v1/assignments/:id/extensions': 'staff',
  'PUT /api/v1/assignments/:id/extensions': 'staff',
  // grading (who grades which submission is decided per record: the instructors of the trainee's cohort and admins)
  'GET /grading': 'staff',
  'GET /grading/submissions/:id': 'staff',
  'POST /grading/submissions/:id/grade': 'staff',
  'POST /grading/submissions/:id/release': 'staff',
  'POST /grading/submissions/:id/return': 'staff',
  'POST /grading/assignments/:id/release': 'staff',
  'GET /grading/assignments/:id/submissions.zip': 'staff',
  'GET /submissions/:id/grade/feedback-file': 'signedIn',
  'GET /api/v1/grading/queue': 'staff',
  'GET /api/v1/submissions/:id/grade': 'signedIn',
  'PUT /api/v1/submissions/:id/grade': 'staff',
  'POST /api/v1/submissions/:id/grade/release': 'staff',
  'POST /api/v1/assignments/:id/grades/release': 'staff',
  'POST /api/v1/submissions/:id/return': 'staff',
  'GET /api/v1/submissions/:id/grade/feedback-file': 'signedIn',
  'GET /api/v1/assignments/:id/submissions.zip': 'staff',
  // question bank (which part's bank is decided per record: admins and the instructors of a cohort of the part)
  'GET /parts/:partId/questions': 'staff',
  'POST /parts/:partId/question-categories': 'staff',
  'POST /question-categories/:id': 'staff',
  'POST /question-categories/:id/delete': 'staff',
  'GET /parts/:partId/questions/new': 'staff',
  'POST /parts/:partId/questions': 'staff',
  'GET /questions/:id': 'staff',
  'GET /questions/:id/edit': 'staff',
  'POST /questions/:id': 'staff',
  'POST /questions/:id/archive': 'staff',
  'POST /questions/:id/restore': 'staff',
  'GET /parts/:partId/questions/import': 'staff',
  'POST /parts/:partId/questions/import': 'staff',
  'GET /parts/:partId/questions/export': 'staff',
  'GET /api/v1/parts/:partId/question-categories': 'staff',
  'POST /api/v1/parts/:partId/question-categories': 'staff',
  'PUT /api/v1/question-categories/:id': 'staff',
  'DELETE /api/v1/question-categories/:id': 'staff',
  'GET /api/v1/parts/:partId/questions': 'staff',
  'POST /api/v1/parts/:partId/questions': 'staff',
  'POST /api/v1/parts/:partId/questions/import': 'staff',
  'GET /api/v1/parts/:partId/questions/export': 'staff',
  'GET /api/v1/questions/:id': 'staff',
  'PUT /api/v1/questions/:id': 'staff',
  'GET /api/v1/questions/:id/versions': 'staff',
  'GET /api/v1/questions/:id/versions/:version': 'staff',
  'GET /api/v1/questions/:id/preview': 'staff',
  'POST /api/v1/questions/:id/archive': 'staff',
  'POST /api/v1/questions/:id/restore': 'staff',
  // exams (who may see which exam or attempt is decided per record: the cohort's staff, its members, each their own attempt)
  'GET /api/v1/cohorts/:cohortId/exams': 'signedIn',
  'POST /api/v1/cohorts/:cohortId/exams': 'staff',
  'GET /api/v1/exams/:id': 'staff',
  'PUT /api/v1/exams/:id': 'staff',
  'DELETE /api/v1/exams/:id': 'staff',
  'GET /api/v1/exams/:id/accommodations': 'staff',
  'POST /api/v1/exams/:id/accommodations': 'staff',
  'DELETE /api/v1/exams/:id/accommodations/:userId': 'staff',
  'GET /api/v1/exams/:id/standing': 'signedIn',
  'GET /api/v1/exams/:id/attempts': 'staff',
  'POST /api/v1/exams/:id/attempts': 'trainee',
  'GET /api/v1/attempts/:id': 'signedIn',
  'PUT /api/v1/attempts/:id/items/:position/response': 'trainee',
  'PUT /api/v1/attempts/:id/items/:position/flag': 'trainee',
  'POST /api/v1/attempts/:id/submit': 'trainee',
  'POST /api/v1/attempts/:id/reconnect': 'trainee',
  'GET /api/v1/attempts/:id/events': 'staff',
  // exam marking (who marks which exam is decided per record: the cohort's instructors and admins)
  'GET /grading/exams': 'staff',
  'GET /grading/exams/:id/questions/:questionId': 'staff',
  'GET /grading/exam-items/:id': 'staff',
  'POST /grading/exam-items/:id': 'staff',
  'GET /exams/:id/marking': 'staff',
  'GET /exams/:id/marking/results/:userId/override': 'staff',
  'POST /exams/:id/marking/results/:userId/override': 'staff',
  'GET /exams/:id/marking/questions/:questionId/remark': 'staff',
  'POST /exams/:id/marking/questions/:questionId/remark': 'staff',
  'GET /exams/:id/marking/release': 'staff',
  'POST /exams/:id/marking/release': 'staff',
  'GET /exams/:id/statistics': 'staff',
  'GET /exams/:id/my-result': 'signedIn',
  'GET /api/v1/grading/exam-essays': 'staff',
  'GET /api/v1/exam-items/:id': 'staff',
  'PUT /api/v1/exam-items/:id/mark': 'staff',
  'GET /api/v1/exams/:id/remarks': 'staff',
  'POST /api/v1/exams/:id/questions/:questionId/remark': 'staff',
  'GET /api/v1/exams/:id/results/:userId': 'staff',
  'PUT /api/v1/exams/:id/results/:userId/override': 'staff',
  'POST /api/v1/exams/:id/release': 'staff',
  'GET /api/v1/exams/:id/statistics': 'staff',
  'GET /api/v1/exams/:id/my-result': 'signedIn',
  'GET /cohorts/:cohortId/exams': 'signedIn',
  'GET /cohorts/:cohortId/exams/new': 'staff',
  'POST /cohorts/:cohortId/exams': 'staff',
  'GET /exams/:id': 'signedIn',
  'GET /exams/:id/edit': 'staff',
  'POST /exams/:id/edit': 'staff',
  'POST /exams/:id/accommodations': 'staff',
  'POST /exams/:id/accommodations/:userId/delete': 'staff',
  'POST /exams/:id/start': 'trainee',
  'GET /attempts/:id': 'signedIn',
  'GET /attempts/:id/questions/:position': 'trainee',
  'POST /attempts/:id/questions/:position': 'trainee',
  'GET /attempts/:id/summary': 'trainee',
  'GET /attempts/:id/submit': 'trainee',
  'POST /attempts/:id/submit': 'trainee',
  'GET /attempts/:id/result': 'signedIn',
  'GET /attempts/:id/events': 'staff',
  // completion
  'GET /my/progress': 'signedIn',
  'GET /cohorts/:cohortId/completion': 'staff',
  'GET /admin/enrolments/:id/completion': 'admin',
  'POST /admin/enrolments/:id/completion': 'admin',
  'POST /admin/cohorts/:id/close': 'admin',
  'POST /admin/cohorts/:id/reopen': 'admin',
  'GET /api/v1/cohorts/:cohortId/completion': 'staff',
  'GET /api/v1/enrolments/:id/completion': 'signedIn',
  'GET /api/v1/me/completion': 'signedIn',
  // home
  'GET /api/v1/me/dashboard': 'signedIn',
  'POST /api/v1/enrolments/:id/completion/manual': 'admin',
  'POST /api/v1/cohorts/:id/close': 'admin',
  'POST /api/v1/cohorts/:id/reopen': 'admin',
  // certificates (who holds, sees or downloads which certificate, and which cohort's list, is decided per record)
  'GET /admin/programmes/:id/certificate-template': 'admin',
  'POST /admin/programmes/:id/certificate-template': 'admin',
  'GET /api/v1/programmes/:id/certificate-template': 'admin',
  'PUT /api/v1/programmes/:id/certificate-template': 'admin',
  'GET /cohorts/:cohortId/certificates': 'staff',
  'POST /enrolments/:enrolmentId/certificate': 'admin',
  'GET /admin/programmes/:id/certificates': 'admin',
  'POST /admin/programmes/:id/certificates': 'admin',
  'GET /certificates/:id': 'signedIn',
  'GET /certificates/:id/download': 'signedIn',
  'GET /certificates/:id/badge': 'signedIn',
  'GET /certificates/:id/revoke': 'admin',
  'POST /certificates/:id/revoke': 'admin',
  'GET /certificates/:id/reissue': 'admin',
  'POST /certificates/:id/reissue': 'admin',
  'GET /my/certificates': 'signedIn',
  'GET /api/v1/cohorts/:cohortId/certificates': 'staff',
  'POST /api/v1/enrolments/:id/certificate': 'admin',
  'GET /api/v1/programmes/:id/certificates': 'admin',
  'POST /api/v1/programmes/:id/certificates': 'admin',
  'GET /api/v1/certificates/:id': 'signedIn',
  'GET /api/v1/certificates/:id/download': 'signedIn',
  'GET /api/v1/certificates/:id/badge': 'signedIn',
  'POST /api/v1/certificates/:id/revoke': 'admin',
  'POST /api/v1/certificates/:id/reissue': 'admin',
  'GET /api/v1/me/certificates': 'signedIn',
  // the certificate register (a cohort's for its staff, as its list; a programme's for admins) and a cohort's
  // certificates as one ZIP (admins: instructors open no one's certificate)
  'GET /cohorts/:cohortId/certificates.zip': 'admin',
  'GET /cohorts/:cohortId/certificates/register': 'staff',
  'GET /cohorts/:cohortId/certificates/register/export': 'staff',
  'GET /admin/programmes/:id/certificates/register': 'admin',
  'GET /admin/programmes/:id/certificates/register/export': 'admin',
  'GET /api/v1/cohorts/:cohortId/certificates.zip': 'admin',
  'GET /api/v1/cohorts/:cohortId/certificates/register': 'staff',
  'GET /api/v1/cohorts/:cohortId/certificates/register/export': 'staff',
  'GET /api/v1/programmes/:id/certificates/register': 'admin',
  'GET /api/v1/programmes/:id/certificates/register/export': 'admin',
  // certificate runs: a cohort's certificates issued in the background (a run is found only under its own cohort)
  'POST /cohorts/:cohortId/certificate-runs': 'admin',
  'GET /cohorts/:cohortId/certificate-runs/:runId': 'admin',
  'POST /api/v1/cohorts/:cohortId/certificate-runs': 'admin',
  'GET /api/v1/cohorts/:cohortId/certificate-runs': 'admin',
  'GET /api/v1/certificate-runs/:id': 'admin',
  // the public verification of a certificate: anyone, rate-limited per address
  'GET /verify': 'public',
  'GET /verify/:code': 'public',
  'GET /verify/file': 'public',
  'GET /verify/badge': 'public',
  'POST /verify/file': 'public',
  'GET /api/v1/verify/:code': 'public',
  'POST /api/v1/verify/file': 'public',
  'POST /verify/badge': 'public',
  'POST /api/v1/verify/badge': 'public',
  // the keys that sign certificates' Open Badges, for outside verifiers
  'GET /.well-known/did.json': 'public',
  'GET /.well-known/jwks.json': 'public',
  // reports (which cohort or person is decided per record: a cohort's reports for its instructors and admins, a
  // trainee's record for admins and the person themselves, an export for whoever asked for it)
  'GET /cohorts/:cohortId/reports/attendance': 'staff',
  'GET /cohorts/:cohortId/reports/attendance/export': 'staff',
  'GET /cohorts/:cohortId/reports/attendance/sheets.pdf': 'staff',
  'GET /sessions/:id/attendance/sheet.pdf': 'staff',
  'GET /cohorts/:cohortId/reports/gradebook': 'staff',
  'GET /cohorts/:cohortId/reports/gradebook/export': 'staff',
  'GET /admin/users/:id/record': 'admin',
  'GET /admin/users/:id/record/export': 'admin',
  'GET /my/record': 'signedIn',
  'GET /my/record/export': 'signedIn',
  'GET /reports/exports': 'signedIn',
  'POST /reports/exports': 'signedIn',
  'GET /reports/exports/:id': 'signedIn',
  'GET /reports/exports/:id/download': 'signedIn',
  'GET /api/v1/cohorts/:cohortId/reports/attendance': 'staff',
  'GET /api/v1/cohorts/:cohortId/reports/attendance/export': 'staff',
  'GET /api/v1/cohorts/:cohortId/reports/attendance/sheets.pdf': 'staff',
  'GET /api/v1/sessions/:id/attendance/sheet.pdf': 'staff',
  'GET /api/v1/cohorts/:cohortId/reports/gradebook': 'staff',
  'GET /api/v1/cohorts/:cohortId/reports/gradebook/export': 'staff',
  'GET /api/v1/users/:id/record': 'admin',
  'GET /api/v1/users/:id/record/export': 'admin',
  'GET /api/v1/me/record': 'signedIn',
  'GET /api/v1/me/record/export': 'signedIn',
  'POST /api/v1/report-exports': 'signedIn',
  'GET /api/v1/report-exports': 'signedIn',
  'GET /api/v1/report-exports/:id': 'signedIn',
  'GET /api/v1/report-exports/:id/download': 'signedIn',
  // a programme's indicators and funnels (they span every cohort: administrators), a cohort's funnel (its staff)
  'GET /admin/programmes/:id/reports': 'admin',
  'GET /admin/programmes/:id/reports/indicators/export': 'admin',
  'GET /admin/programmes/:id/reports/indicators/:indicatorId': 'admin',
  'GET /admin/programmes/:id/reports/indicators/:indicatorId/export': 'admin',
  'GET /admin/programmes/:id/reports/funnel': 'admin',
  'GET /admin/programmes/:id/reports/funnel/export': 'admin',
  'GET /admin/parts/:id/reports/funnel': 'admin',
  'GET /admin/parts/:id/reports/funnel/export': 'admin',
  'GET /cohorts/:cohortId/reports/funnel': 'staff',
  'GET /cohorts/:cohortId/reports/funnel/export': 'staff',
  'GET /api/v1/programmes/:id/reports/indicators': 'admin',
  'GET /api/v1/programmes/:id/reports/indicators/export': 'admin',
  'GET /api/v1/programmes/:id/reports/indicators/:indicatorId': 'admin',
  'GET /api/v1/programmes/:id/reports/indicators/:indicatorId/export': 'admin',
  'GET /api/v1/programmes/:id/reports/funnel': 'admin',
  'GET /api/v1/programmes/:id/reports/funnel/export': 'admin',
  'GET /api/v1/parts/:id/reports/funnel': 'admin',
  'GET /api/v1/parts/:id/reports/funnel/export': 'admin',
  'GET /api/v1/cohorts/:cohortId/reports/funnel': 'staff',
  'GET /api/v1/cohorts/:cohortId/reports/funnel/export': 'staff',
};

/** Routes served by mounted sub-applications, which the router does not list one by one. */
const MOUNTED = ['GET /admin/queues'];

type Role = 'anonymous' | 'trainee' | 'instructor' | 'admin';
const ROLES: Role[] = ['anonymous', 'trainee', 'instructor', 'admin'];

function allowed(access: Access, role: Role): boolean {
  switch (access) {
    case 'public':
      return true;
    case 'signedIn':
      return role !== 'anonymous';
    case 'staff':
      return role === 'admin' || role === 'instructor';
    default:
      return role === access;
  }
}

/** Every route of the running app's Express router, as "METHOD /path". */
function registeredRoutes(t: TestApp): string[] {
  // The router's stack holds the route index's tables, not the routes: the index keeps what was registered.
  const routes = new Set<string>();
  for (const { method, path } of t.app.get(RouteIndex).registered) {
    // Middleware that Nest applies to every path (request logging) shows up as a catch-all route: not an endpoint.
    if (path.includes('*splat')) continue;
    if (method !== 'head' && method !== '_all') routes.add(`${method.toUpperCase()} ${path}`);
  }
  return [...routes].sort();
}

describe('the authorization matrix', () => {
  let t: TestApp;
  const agents = {} as Record<Role, ReturnType<TestApp['agent']>>;
  const tokens = {} as Record<Role, string>;
  const params: Record<string, string> = {};

  beforeAll(async () => {
    t = await startWebApp();
    const [trainee, instructor, admin] = await Promise.all([
      createTrainee(t.dataSource),
      createInstructor(t.dataSource),
      createAdmin(t.dataSource),
    ]);
    agents.anonymous = t.agent();
    agents.trainee = await logIn(t.agent(), trainee.email);
    agents.instructor = await logIn(t.agent(), instructor.email);
    agents.admin = await logIn(t.agent(), admin.email);
    for (const role of ROLES) tokens[role] = await csrfToken(agents[role], role === 'anonymous' ? '/login' : '/profile');

    // Real records for the ids in the paths, so an allowed call reaches the record and a refused one is refused before it.
    const target = await t.app
      .get(UsersService)
      .create(
        { email: `matrix-${randomUUID()}@kursors.test`, name: 'Matricas Mērķis', roles: ['trainee'], language: 'lv' },
        personActor(admin),
      );
    const { token } = await createApiToken(t.dataSource, target);
    const invitation = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ recipientId: target.id });
    Object.assign(params, { user: target.id, token: token.id, outbox: invitation.id });
  });
  afterAll(() => t.close());

  /** The path to call: real ids where this suite owns the records, a random UUID (not found) elsewhere. */
  function concrete(path: string): string {
    return path
      .replace(/^\/(admin|api\/v1)\/users\/:id/, `/$1/users/${params.user}`)
      .replace(/^\/(admin|api\/v1)\/outbox\/:id/, `/$1/outbox/${params.outbox}`)
      .replace(':tokenId', params.token)
      .replace(':token', 'not-a-real-token')
      .replace(':file', 'kursors.ics')
      .replace(/:[A-Za-z]+/g, () => randomUUID());
  }

  async function call(role: Role, route: string, path: string): Promise<Response> {
    let agent = agents[role];
    let token = tokens[role];
    // Logging out would end the role's shared session: that call gets a session of its own.
    if (route === 'POST /logout' && role !== 'anonymous') {
      agent = await logIn(t.agent(), (await createUser(t.dataSource, { roles: [role] })).email);
      token = await csrfToken(agent, '/profile');
    }
    const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    return agent[method](path).set('X-CSRF-Token', token).redirects(0);
  }

  it('lists every registered route, and only those', () => {
    const registered = registeredRoutes(t);
    const missing = registered.filter((route) => !(route in EXPECTED));
    expect(missing).toEqual([]);
    // A route the matrix lists but the application does not register would be checked against nothing.
    const gone = Object.keys(EXPECTED).filter((route) => !registered.includes(route) && !MOUNTED.includes(route));
    expect(gone).toEqual([]);
  });

  it('lets each role call exactly the routes it may', async () => {
    const failures: string[] = [];
    const routes = [...new Set([...registeredRoutes(t).filter((route) => route in EXPECTED), ...MOUNTED])];
    for (const route of routes) {
      const path = concrete(route.split(' ')[1]);
      const api = path.startsWith('/api/v1/');
      for (const role of ROLES) {
        const res = await call(role, route, path);
        const location = String(res.headers.location ?? '');
        const status = res.status;
        let ok: boolean;
        let wanted: string;
        if (allowed(EXPECTED[route], role)) {
          wanted = 'allowed (not 401/403, no login redirect, no 5xx)';
          ok = status < 500 && status !== 401 && status !== 403 && !location.startsWith('/login?next=');
        } else if (role === 'anonymous') {
          wanted = api ? '401' : '303 to /login';
          ok = api ? status === 401 : status === 303 && location.startsWith('/login');
        } else {
          wanted = '403';
          ok = status === 403;
        }
        if (!ok) failures.push(`${route} as ${role}: got ${status}${location ? ` → ${location}` : ''}, wanted ${wanted}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it('answers 404 for a record that does not exist', async () => {
    const missing = randomUUID();
    for (const path of [
      `/admin/users/${missing}`,
      `/admin/users/${missing}/tokens/new`,
      `/api/v1/users/${missing}`,
      `/api/v1/users/${missing}/tokens`,
    ]) {
      expect([path, (await agents.admin.get(path)).status]).toEqual([path, 404]);
    }
    const revoke = await agents.admin.delete(`/api/v1/users/${params.user}/tokens/${missing}`).set('X-CSRF-Token', tokens.admin);
    expect(revoke.status).toBe(404);
  });
});
