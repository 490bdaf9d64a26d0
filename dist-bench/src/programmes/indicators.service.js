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
exports.IndicatorsService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const indicator_entity_1 = require("./indicator.entity");
const programme_entity_1 = require("./programme.entity");
const programmes_errors_1 = require("./programmes.errors");
/** Places a trainee holds: enrolled now, or finished either way. */
const PLACE_STATUSES = ['enrolled', 'completed', 'not_completed'];
/**
 * Every metric of one programme, counted from the data in one statement: enrolments, sessions held
 * (ended and not cancelled) and materials of its parts and cohorts.
 */
const METRICS_SQL = `
  WITH programme_cohorts AS (
    SELECT c.id FROM cohorts c JOIN parts p ON p.id = c.part_id WHERE p.programme_id = $1
  ), held AS (
    SELECT s.kind FROM sessions s
     WHERE s.cohort_id IN (SELECT id FROM programme_cohorts) AND s.status <> 'cancelled' AND s.ends_at <= now()
  )
  SELECT
    (SELECT count(DISTINCT e.user_id) FROM enrolments e
      WHERE e.cohort_id IN (SELECT id FROM programme_cohorts) AND e.status = ANY($2))::int AS trainees_enrolled,
    (SELECT count(DISTINCT e.user_id) FROM enrolments e
      WHERE e.cohort_id IN (SELECT id FROM programme_cohorts) AND e.status = 'completed')::int AS trainees_completed,
    (SELECT count(*) FROM held)::int AS sessions_held,
    (SELECT count(*) FROM held WHERE kind = 'study_visit')::int AS study_visits_held,
    (SELECT count(*) FROM held WHERE kind = 'seminar')::int AS seminars_held,
    (SELECT count(*) FROM materials m
      WHERE m.part_id IN (SELECT id FROM parts WHERE programme_id = $1)
         OR m.cohort_id IN (SELECT id FROM programme_cohorts))::int AS materials_published
`;
/** Expected results of a programme: targets typed in by staff, current values always derived. */
let IndicatorsService = class IndicatorsService {
    dataSource;
    audit;
    constructor(dataSource, audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }
    async metrics(programmeId) {
        const [row] = await this.dataSource.query(METRICS_SQL, [programmeId, PLACE_STATUSES]);
        const values = Object.fromEntries(indicator_entity_1.INDICATOR_METRICS.map((metric) => [metric, Number(row?.[metric] ?? 0)]));
        // Certificates are not issued by the platform yet; the certificates feature will count them here.
        values.certificates_issued = 0;
        return values;
    }
    async listWithValues(programmeId) {
        const [indicators, metrics] = await Promise.all([
            this.dataSource.getRepository(indicator_entity_1.Indicator).find({ where: { programmeId }, order: { position: 'ASC', nameLv: 'ASC' } }),
            this.metrics(programmeId),
        ]);
        return indicators.map((indicator) => {
            const value = metrics[indicator.metric] ?? 0;
            const percent = indicator.target > 0 ? Math.min(100, Math.floor((value * 100) / indicator.target)) : 100;
            return { indicator, value, percent, reached: value >= indicator.target };
        });
    }
    async get(programmeId, id) {
        const indicator = await this.dataSource.getRepository(indicator_entity_1.Indicator).findOneBy({ id, programmeId });
        if (!indicator)
            throw new programmes_errors_1.IndicatorNotFoundError();
        return indicator;
    }
    async create(programmeId, input, actor, req) {
        return this.dataSource.transaction(async (manager) => {
            await this.lockProgramme(manager, programmeId);
            const repo = manager.getRepository(indicator_entity_1.Indicator);
            const position = input.position ?? (await repo.count({ where: { programmeId } }));
            const indicator = await repo.save(repo.create({ ...this.fields(input), programmeId, position }));
            await this.audit.record({ actorId: actor.id, action: 'indicator.created', entityType: 'indicator', entityId: indicator.id, after: { ...this.fields(input), programmeId }, req }, manager);
            return indicator;
        });
    }
    async update(id, input, actor, req) {
        return this.dataSource.transaction(async (manager) => {
            const repo = manager.getRepository(indicator_entity_1.Indicator);
            const indicator = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
            if (!indicator)
                throw new programmes_errors_1.IndicatorNotFoundError();
            const { programme: _p, ...before } = indicator;
            Object.assign(indicator, this.fields(input), input.position !== undefined ? { position: input.position } : {});
            await repo.save(indicator);
            await this.audit.record({ actorId: actor.id, action: 'indicator.updated', entityType: 'indicator', entityId: id, before, after: this.fields(input), req }, manager);
            return indicator;
        });
    }
    async remove(id, actor, req) {
        return this.dataSource.transaction(async (manager) => {
            const repo = manager.getRepository(indicator_entity_1.Indicator);
            const indicator = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
            if (!indicator)
                throw new programmes_errors_1.IndicatorNotFoundError();
            await repo.delete({ id });
            const { programme: _p, ...before } = indicator;
            await this.audit.record({ actorId: actor.id, action: 'indicator.deleted', entityType: 'indicator', entityId: id, before, req }, manager);
            return indicator;
        });
    }
    async lockProgramme(manager, programmeId) {
        const found = await manager.getRepository(programme_entity_1.Programme).findOne({ where: { id: programmeId }, lock: { mode: 'pessimistic_write' } });
        if (!found)
            throw new programmes_errors_1.ProgrammeNotFoundError();
    }
    fields(input) {
        return { nameLv: input.nameLv, nameEn: input.nameEn ?? null, metric: input.metric, target: input.target };
    }
};
exports.IndicatorsService = IndicatorsService;
exports.IndicatorsService = IndicatorsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        audit_service_1.AuditService])
], IndicatorsService);
