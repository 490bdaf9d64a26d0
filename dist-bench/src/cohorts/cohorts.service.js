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
exports.CohortsService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const outbox_service_1 = require("../notifications/outbox.service");
const part_entity_1 = require("../programmes/part.entity");
const user_entity_1 = require("../users/user.entity");
const cohort_access_service_1 = require("./cohort-access.service");
const cohort_locks_1 = require("./cohort-locks");
const cohort_entity_1 = require("./cohort.entity");
const cohorts_errors_1 = require("./cohorts.errors");
const enrolment_entity_1 = require("./enrolment.entity");
const waiting_list_1 = require("./waiting-list");
function auditView(cohort) {
    return {
        partId: cohort.partId,
        name: cohort.name,
        startsOn: cohort.startsOn,
        endsOn: cohort.endsOn,
        capacity: cohort.capacity,
        instructorIds: (cohort.instructors ?? []).map((u) => u.id).sort(),
    };
}
/** Cohorts (runs of a part): dates, capacity and instructors. */
let CohortsService = class CohortsService {
    dataSource;
    access;
    waitingList;
    outbox;
    audit;
    constructor(dataSource, access, waitingList, outbox, audit) {
        this.dataSource = dataSource;
        this.access = access;
        this.waitingList = waitingList;
        this.outbox = outbox;
        this.audit = audit;
    }
    async list(query) {
        const qb = this.dataSource
            .getRepository(cohort_entity_1.Cohort)
            .createQueryBuilder('c')
            .innerJoinAndSelect('c.part', 'p')
            .innerJoinAndSelect('p.programme', 'pr')
            .orderBy('c.startsOn', 'DESC')
            .addOrderBy('c.name', 'ASC')
            .addOrderBy('c.id', 'ASC');
        if (query.programmeId)
            qb.andWhere('p.programmeId = :programmeId', { programmeId: query.programmeId });
        if (query.partId)
            qb.andWhere('c.partId = :partId', { partId: query.partId });
        const [cohorts, total] = await qb
            .skip((query.page - 1) * query.pageSize)
            .take(query.pageSize)
            .getManyAndCount();
        const counts = await this.counts(cohorts.map((c) => c.id));
        return { items: cohorts.map((c) => Object.assign(c, counts.get(c.id) ?? { taken: 0, waiting: 0 })), total };
    }
    /** The cohort with its part, programme and instructors. */
    async get(id) {
        const cohort = await this.dataSource.getRepository(cohort_entity_1.Cohort).findOne({
            where: { id },
            relations: { part: { programme: true }, instructors: true },
            order: { instructors: { name: 'ASC' } },
        });
        if (!cohort)
            throw new cohorts_errors_1.CohortNotFoundError();
        const counts = await this.counts([id]);
        return Object.assign(cohort, counts.get(id) ?? { taken: 0, waiting: 0 });
    }
    /** The cohort, if the user may see it (admin, its instructor, its trainee); anyone else gets "not found". */
    async getFor(user, id) {
        await this.access.assertCanView(user, id);
        return this.get(id);
    }
    async create(input, actor, req) {
        return this.dataSource.transaction(async (manager) => {
            const part = await manager.getRepository(part_entity_1.Part).findOneBy({ id: input.partId });
            if (!part)
                throw new cohorts_errors_1.UnknownPartError();
            const repo = manager.getRepository(cohort_entity_1.Cohort);
            const cohort = repo.create({
                partId: part.id,
                name: input.name,
                startsOn: input.startsOn,
                endsOn: input.endsOn,
                capacity: input.capacity,
                instructors: await this.instructors(manager, input.instructorIds),
            });
            await repo.save(cohort);
            await this.audit.record({ actorId: actor.id, action: 'cohort.created', entityType: 'cohort', entityId: cohort.id, after: auditView(cohort), req }, manager);
            return cohort;
        });
    }
    /** A larger capacity hands the new places to the waiting list at once; a capacity below the places taken is refused. */
    async update(id, input, actor, req) {
        const result = await this.dataSource.transaction(async (manager) => {
            const cohort = await (0, cohort_locks_1.lockCohort)(manager, id);
            cohort.instructors = await manager.getRepository(user_entity_1.User).createQueryBuilder('u').innerJoin('cohort_instructors', 'ci', 'ci.user_id = u.id AND ci.cohort_id = :id', { id }).getMany();
            const before = auditView(cohort);
            const taken = await (0, cohort_locks_1.placesTaken)(manager, id);
            if (input.capacity < taken)
                throw new cohorts_errors_1.CapacityBelowPlacesError(taken);
            Object.assign(cohort, {
                name: input.name,
                startsOn: input.startsOn,
                endsOn: input.endsOn,
                capacity: input.capacity,
                instructors: await this.instructors(manager, input.instructorIds),
            });
            await manager.getRepository(cohort_entity_1.Cohort).save(cohort);
            await this.audit.record({ actorId: actor.id, action: 'cohort.updated', entityType: 'cohort', entityId: id, before, after: auditView(cohort), req }, manager);
            const filled = await this.waitingList.fill(manager, cohort, actor.id, req);
            return { cohort, ...filled };
        });
        await this.outbox.dispatch(result.outboxIds);
        return { cohort: result.cohort, promoted: result.promoted };
    }
    /** Everyone who may be chosen as an instructor. */
    activeInstructors() {
        return this.dataSource
            .getRepository(user_entity_1.User)
            .createQueryBuilder('u')
            .where(":role = ANY(u.roles)", { role: 'instructor' })
            .andWhere('u.disabledAt IS NULL')
            .orderBy('u.name', 'ASC')
            .getMany();
    }
    /** The cohorts an instructor teaches, each with the trainees holding its places. */
    async taughtBy(userId) {
        const cohorts = await this.dataSource
            .getRepository(cohort_entity_1.Cohort)
            .createQueryBuilder('c')
            .innerJoinAndSelect('c.part', 'p')
            .innerJoinAndSelect('p.programme', 'pr')
            .innerJoin('cohort_instructors', 'ci', 'ci.cohort_id = c.id AND ci.user_id = :userId', { userId })
            .orderBy('c.startsOn', 'DESC')
            .addOrderBy('c.name', 'ASC')
            .getMany();
        if (!cohorts.length)
            return [];
        const enrolments = await this.dataSource.getRepository(enrolment_entity_1.Enrolment).find({
            where: { cohortId: (0, typeorm_2.In)(cohorts.map((c) => c.id)), status: (0, typeorm_2.In)([...cohort_locks_1.PLACE_STATUSES]) },
            relations: { user: true },
            order: { user: { name: 'ASC' } },
        });
        return cohorts.map((cohort) => ({ cohort, trainees: enrolments.filter((e) => e.cohortId === cohort.id) }));
    }
    async counts(ids) {
        if (!ids.length)
            return new Map();
        const rows = await this.dataSource.query(`SELECT cohort_id AS id,
              count(*) FILTER (WHERE status = ANY($2))::int AS taken,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waiting
         FROM enrolments WHERE cohort_id = ANY($1) GROUP BY cohort_id`, [ids, cohort_locks_1.PLACE_STATUSES]);
        return new Map(rows.map((r) => [r.id, { taken: r.taken, waiting: r.waiting }]));
    }
    /** The chosen instructors, each an active user with the instructor role; otherwise a field error. */
    async instructors(manager, ids) {
        const unique = [...new Set(ids)];
        if (!unique.length)
            return [];
        const users = await manager.getRepository(user_entity_1.User).findBy({ id: (0, typeorm_2.In)(unique) });
        if (users.length !== unique.length)
            throw new cohorts_errors_1.InvalidInstructorError('cohort.unknownInstructor');
        const wrong = users.find((u) => u.disabledAt || !u.hasRole('instructor'));
        if (wrong)
            throw new cohorts_errors_1.InvalidInstructorError('cohort.notInstructor', wrong.name);
        return users;
    }
};
exports.CohortsService = CohortsService;
exports.CohortsService = CohortsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        cohort_access_service_1.CohortAccessService,
        waiting_list_1.WaitingList,
        outbox_service_1.OutboxService,
        audit_service_1.AuditService])
], CohortsService);
