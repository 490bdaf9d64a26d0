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
Object.defineProperty(exports, "__esModule", { value: true });
exports.WaitingList = exports.WAITING_ORDER = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const cohort_locks_1 = require("./cohort-locks");
const enrolment_emails_1 = require("./enrolment-emails");
const enrolment_entity_1 = require("./enrolment.entity");
/** The order of a cohort's waiting list: who joined it first. */
exports.WAITING_ORDER = 'waitlisted_at ASC, created_at ASC, id ASC';
let WaitingList = class WaitingList {
    emails;
    audit;
    constructor(emails, audit) {
        this.emails = emails;
        this.audit = audit;
    }
    /**
     * Gives every free place to the earliest waiting trainees, with a "place freed" email each. The caller
     * holds the cohort lock (lockCohort), so no other change counts the same free place.
     */
    async fill(manager, cohort, actorId, req) {
        const free = cohort.capacity - (await (0, cohort_locks_1.placesTaken)(manager, cohort.id));
        if (free <= 0)
            return { promoted: [], outboxIds: [] };
        const [rows] = await manager.query(`UPDATE enrolments SET status = 'enrolled', enrolled_at = clock_timestamp(), updated_at = now()
        WHERE id IN (SELECT id FROM enrolments WHERE cohort_id = $1 AND status = 'waitlisted' ORDER BY ${exports.WAITING_ORDER} LIMIT $2 FOR UPDATE)
        RETURNING id`, [cohort.id, free]);
        if (!rows.length)
            return { promoted: [], outboxIds: [] };
        const promoted = await manager.getRepository(enrolment_entity_1.Enrolment).find({
            where: { id: (0, typeorm_1.In)(rows.map((r) => r.id)) },
            relations: { user: true },
            order: { waitlistedAt: 'ASC', createdAt: 'ASC', id: 'ASC' },
        });
        const outboxIds = [];
        for (const enrolment of promoted) {
            await this.audit.record({ actorId, action: 'enrolment.promoted', entityType: 'enrolment', entityId: enrolment.id, after: { cohortId: cohort.id, userId: enrolment.userId, status: 'enrolled' }, req }, manager);
            const id = await this.emails.enqueue(manager, 'promoted', enrolment, enrolment.user, cohort);
            if (id)
                outboxIds.push(id);
        }
        return { promoted, outboxIds };
    }
    /** 1-based places of waiting trainees, by enrolment id. */
    async positions(manager, cohortIds) {
        if (!cohortIds.length)
            return new Map();
        const rows = await manager.query(`SELECT id, row_number() OVER (PARTITION BY cohort_id ORDER BY ${exports.WAITING_ORDER})::int AS position
         FROM enrolments WHERE cohort_id = ANY($1) AND status = 'waitlisted'`, [cohortIds]);
        return new Map(rows.map((r) => [r.id, r.position]));
    }
};
exports.WaitingList = WaitingList;
exports.WaitingList = WaitingList = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [enrolment_emails_1.EnrolmentEmails,
        audit_service_1.AuditService])
], WaitingList);
