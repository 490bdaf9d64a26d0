"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.EnrolmentImportService = exports.IMPORT_MAX_ROWS = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const csv_1 = require("../common/csv");
const schemas_1 = require("../common/schemas");
const outbox_service_1 = require("../notifications/outbox.service");
const user_entity_1 = require("../users/user.entity");
const cohort_schemas_1 = require("./cohort.schemas");
const cohort_locks_1 = require("./cohort-locks");
const enrolments_service_1 = require("./enrolments.service");
const enrolment_entity_1 = require("./enrolment.entity");
exports.IMPORT_MAX_ROWS = 5000;
/** Enrolment from a CSV file (columns email[, status]): every row checked first, then all or nothing. */
let EnrolmentImportService = class EnrolmentImportService {
    dataSource;
    enrolments;
    outbox;
    audit;
    constructor(dataSource, enrolments, outbox, audit) {
        this.dataSource = dataSource;
        this.enrolments = enrolments;
        this.outbox = outbox;
        this.audit = audit;
    }
    async import(cohortId, file, actor, req) {
        const csv = (0, csv_1.readCsv)(file, { required: ['email'], optional: ['status'], maxRows: exports.IMPORT_MAX_ROWS, field: 'file' });
        const { report, outboxIds } = await this.dataSource.transaction(async (manager) => {
            const cohort = await (0, cohort_locks_1.lockCohort)(manager, cohortId);
            const rows = await this.plan(manager, cohort, csv.map((row) => ({ line: row.line, email: row.values.email, requested: row.values.status })));
            const counts = Object.fromEntries(cohort_schemas_1.IMPORT_STATUSES.map((s) => [s, rows.filter((r) => r.outcome === s).length]));
            const clean = rows.every((row) => !row.errors.length);
            const strip = (r) => ({ line: r.line, email: r.email, requested: r.requested, outcome: r.outcome, errors: r.errors });
            if (!clean)
                return { report: { imported: false, rows: rows.map(strip), counts }, outboxIds: [] };
            const ids = [];
            let position = await (0, cohort_locks_1.waitingCount)(manager, cohort.id);
            for (const row of rows) {
                if (row.outcome === 'waitlisted')
                    position += 1;
                const placed = await this.enrolments.place(manager, cohort, row.user, row.outcome, actor, req, position);
                if (placed.outboxId)
                    ids.push(placed.outboxId);
            }
            await this.audit.record({ actorId: actor.id, action: 'cohort.enrolments_imported', entityType: 'cohort', entityId: cohort.id, after: { rows: rows.length, ...counts }, req }, manager);
            return { report: { imported: true, rows: rows.map(strip), counts }, outboxIds: ids };
        });
        await this.outbox.dispatch(outboxIds);
        return report;
    }
    /** Checks every row and decides what it becomes, in file order, without writing anything. */
    async plan(manager, cohort, input) {
        const rows = input.map((r) => ({ ...r, requested: r.requested.trim().toLowerCase(), outcome: null, errors: [] }));
        const firstLine = new Map();
        for (const row of rows) {
            const parsed = schemas_1.email.safeParse(row.email);
            if (!parsed.success)
                row.errors.push({ code: 'enrolment.invalidEmail' });
            else
                row.email = parsed.data;
            if (row.requested && !cohort_schemas_1.IMPORT_STATUSES.includes(row.requested)) {
                row.errors.push({ code: 'enrolment.invalidStatus', params: { values: cohort_schemas_1.IMPORT_STATUSES.join(', ') } });
            }
            const seen = firstLine.get(row.email);
            if (seen !== undefined)
                row.errors.push({ code: 'enrolment.duplicateInFile', params: { line: seen } });
            else
                firstLine.set(row.email, row.line);
        }
        const emails = [...firstLine.keys()];
        const users = emails.length ? await manager.getRepository(user_entity_1.User).find({ where: { email: (0, typeorm_2.In)(emails) } }) : [];
        const byEmail = new Map(users.map((u) => [u.email, u]));
        const taken = users.length
            ? await manager.getRepository(enrolment_entity_1.Enrolment).find({ where: { cohortId: cohort.id, userId: (0, typeorm_2.In)(users.map((u) => u.id)) } })
            : [];
        const inCohort = new Set(taken.filter((e) => e.status !== 'withdrawn').map((e) => e.userId));
        let free = cohort.capacity - (await (0, cohort_locks_1.placesTaken)(manager, cohort.id));
        for (const row of rows) {
            const user = byEmail.get(row.email);
            if (!row.errors.some((e) => e.code === 'enrolment.invalidEmail')) {
                if (!user)
                    row.errors.push({ code: 'enrolment.unknownEmail' });
                else if (user.disabledAt)
                    row.errors.push({ code: 'enrolment.userDisabled' });
                else if (!user.hasRole('trainee'))
                    row.errors.push({ code: 'enrolment.notTrainee', params: { name: user.name } });
                else if (inCohort.has(user.id))
                    row.errors.push({ code: 'enrolment.alreadyInCohort' });
            }
            row.user = user;
            if (row.errors.length)
                continue;
            const wanted = (row.requested || 'enrolled');
            if (wanted === 'waitlisted' || (wanted === 'enrolled' && free <= 0))
                row.outcome = 'waitlisted';
            else if (free > 0) {
                row.outcome = wanted;
                free -= 1;
            }
            else
                row.errors.push({ code: 'enrolment.cohortFull' });
        }
        return rows;
    }
};
exports.EnrolmentImportService = EnrolmentImportService;
exports.EnrolmentImportService = EnrolmentImportService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        enrolments_service_1.EnrolmentsService,
        outbox_service_1.OutboxService,
        audit_service_1.AuditService])
], EnrolmentImportService);
