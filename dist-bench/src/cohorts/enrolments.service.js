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
exports.EnrolmentsService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const outbox_service_1 = require("../notifications/outbox.service");
const user_entity_1 = require("../users/user.entity");
const users_service_1 = require("../users/users.service");
const cohort_locks_1 = require("./cohort-locks");
const cohorts_errors_1 = require("./cohorts.errors");
const enrolment_emails_1 = require("./enrolment-emails");
const enrolment_entity_1 = require("./enrolment.entity");
const waiting_list_1 = require("./waiting-list");
/** Enrolling trainees one by one, withdrawing them, and the waiting list that follows. */
let EnrolmentsService = class EnrolmentsService {
    dataSource;
    waitingList;
    emails;
    outbox;
    audit;
    constructor(dataSource, waitingList, emails, outbox, audit) {
        this.dataSource = dataSource;
        this.waitingList = waitingList;
        this.emails = emails;
        this.outbox = outbox;
        this.audit = audit;
    }
    /** Enrols the trainee, or puts them on the waiting list when the cohort is full. */
    async enrol(cohortId, userId, actor, req) {
        const { enrolment, outboxId } = await this.dataSource.transaction(async (manager) => {
            const cohort = await (0, cohort_locks_1.lockCohort)(manager, cohortId);
            const user = await manager.getRepository(user_entity_1.User).findOneBy({ id: userId });
            if (!user || user.disabledAt)
                throw new cohorts_errors_1.CannotEnrolError('enrolment.unknownUser');
            if (!user.hasRole('trainee'))
                throw new cohorts_errors_1.CannotEnrolError('enrolment.notTrainee', { name: user.name });
            if ((await (0, cohort_locks_1.placesTaken)(manager, cohortId)) < cohort.capacity)
                return this.place(manager, cohort, user, 'enrolled', actor, req);
            return this.place(manager, cohort, user, 'waitlisted', actor, req, (await (0, cohort_locks_1.waitingCount)(manager, cohortId)) + 1);
        });
        if (outboxId)
            await this.outbox.dispatch([outboxId]);
        return enrolment;
    }
    /**
     * Puts a trainee into the locked cohort with the given status, reviving a withdrawn enrolment if there is
     * one, and queues their email (for enrolled and waitlisted). Shared by single enrolment and the CSV import.
     */
    async place(manager, cohort, user, status, actor, req, position) {
        const repo = manager.getRepository(enrolment_entity_1.Enrolment);
        const existing = await repo.findOne({ where: { cohortId: cohort.id, userId: user.id }, lock: { mode: 'pessimistic_write' } });
        if (existing && existing.status !== 'withdrawn')
            throw new cohorts_errors_1.AlreadyInCohortError();
        const stamp = () => 'clock_timestamp()';
        const fields = {
            status,
            waitlistedAt: status === 'waitlisted' ? stamp : null,
            enrolledAt: status === 'waitlisted' ? null : stamp,
            withdrawnAt: null,
            withdrawalReason: null,
        };
        let id = existing?.id;
        try {
            if (id)
                await repo.createQueryBuilder().update().set(fields).where('id = :id', { id }).execute();
            else
                id = (await repo.createQueryBuilder().insert().values({ ...fields, cohortId: cohort.id, userId: user.id }).execute()).identifiers[0].id;
        }
        catch (error) {
            if ((0, users_service_1.isUniqueViolation)(error))
                throw new cohorts_errors_1.AlreadyInCohortError();
            throw error;
        }
        const enrolment = await repo.findOneByOrFail({ id });
        await this.audit.record({ actorId: actor.id, action: 'enrolment.created', entityType: 'enrolment', entityId: enrolment.id, after: { cohortId: cohort.id, userId: user.id, status }, req }, manager);
        const kind = status === 'waitlisted' ? 'waitlisted' : status === 'enrolled' ? 'enrolled' : null;
        const outboxId = kind ? await this.emails.enqueue(manager, kind, enrolment, user, cohort, position) : null;
        return { enrolment, outboxId };
    }
    /** Withdraws an enrolled or waiting trainee; a place freed goes to the first on the waiting list, in the same transaction. */
    async withdraw(enrolmentId, reason, actor, req) {
        const result = await this.dataSource.transaction(async (manager) => {
            const found = await manager.getRepository(enrolment_entity_1.Enrolment).findOneBy({ id: enrolmentId });
            if (!found)
                throw new cohorts_errors_1.EnrolmentNotFoundError();
            const cohort = await (0, cohort_locks_1.lockCohort)(manager, found.cohortId);
            const enrolment = await manager.getRepository(enrolment_entity_1.Enrolment).findOneOrFail({ where: { id: enrolmentId }, lock: { mode: 'pessimistic_write' } });
            if (enrolment.status !== 'enrolled' && enrolment.status !== 'waitlisted')
                throw new cohorts_errors_1.NotWithdrawableError();
            const before = { status: enrolment.status };
            Object.assign(enrolment, { status: 'withdrawn', withdrawnAt: new Date(), withdrawalReason: reason });
            await manager.getRepository(enrolment_entity_1.Enrolment).save(enrolment);
            await this.audit.record({ actorId: actor.id, action: 'enrolment.withdrawn', entityType: 'enrolment', entityId: enrolment.id, before, after: { status: 'withdrawn', reason }, req }, manager);
            const filled = before.status === 'enrolled' ? await this.waitingList.fill(manager, cohort, actor.id, req) : { promoted: [], outboxIds: [] };
            return { enrolment, ...filled };
        });
        await this.outbox.dispatch(result.outboxIds);
        return { enrolment: result.enrolment, promoted: result.promoted };
    }
    /** The enrolment with its trainee and, while waiting, its place on the waiting list. */
    async get(id) {
        const enrolment = await this.dataSource.getRepository(enrolment_entity_1.Enrolment).findOne({ where: { id }, relations: { user: true } });
        if (!enrolment)
            throw new cohorts_errors_1.EnrolmentNotFoundError();
        const positions = enrolment.status === 'waitlisted' ? await this.waitingList.positions(this.dataSource.manager, [enrolment.cohortId]) : new Map();
        return Object.assign(enrolment, { position: positions.get(id) ?? null });
    }
    /** Everyone in the cohort: holders of places by name, then the waiting list in order, then those who withdrew. */
    async listForCohort(cohortId) {
        const enrolments = await this.dataSource
            .getRepository(enrolment_entity_1.Enrolment)
            .createQueryBuilder('e')
            .innerJoinAndSelect('e.user', 'u')
            .where('e.cohortId = :cohortId', { cohortId })
            .orderBy(`CASE e.status WHEN 'waitlisted' THEN 2 WHEN 'withdrawn' THEN 3 ELSE 1 END`)
            .addOrderBy('e.waitlistedAt', 'ASC')
            .addOrderBy('u.name', 'ASC')
            .addOrderBy('e.createdAt', 'ASC')
            .addOrderBy('e.id', 'ASC')
            .getMany();
        const positions = await this.waitingList.positions(this.dataSource.manager, [cohortId]);
        return enrolments.map((e) => Object.assign(e, { position: positions.get(e.id) ?? null }));
    }
    /** A trainee's own enrolments with cohort, part and programme, newest cohort first. */
    async forTrainee(userId) {
        const enrolments = await this.dataSource.getRepository(enrolment_entity_1.Enrolment).find({
            where: { userId },
            relations: { cohort: { part: { programme: true } } },
            order: { cohort: { startsOn: 'DESC' }, createdAt: 'DESC' },
        });
        const positions = await this.waitingList.positions(this.dataSource.manager, [...new Set(enrolments.map((e) => e.cohortId))]);
        return enrolments.map((e) => Object.assign(e, { position: positions.get(e.id) ?? null }));
    }
};
exports.EnrolmentsService = EnrolmentsService;
exports.EnrolmentsService = EnrolmentsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        waiting_list_1.WaitingList,
        enrolment_emails_1.EnrolmentEmails,
        outbox_service_1.OutboxService,
        audit_service_1.AuditService])
], EnrolmentsService);
