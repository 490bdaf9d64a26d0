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
exports.ProgrammesService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const cohort_access_service_1 = require("../cohorts/cohort-access.service");
const indicator_entity_1 = require("./indicator.entity");
const part_entity_1 = require("./part.entity");
const programme_entity_1 = require("./programme.entity");
const programmes_errors_1 = require("./programmes.errors");
/** What the audit log keeps of a programme. */
function auditView(p) {
    const { parts: _parts, indicators: _indicators, createdAt: _c, updatedAt: _u, ...fields } = p;
    return fields;
}
let ProgrammesService = class ProgrammesService {
    dataSource;
    programmes;
    access;
    audit;
    constructor(dataSource, programmes, access, audit) {
        this.dataSource = dataSource;
        this.programmes = programmes;
        this.access = access;
        this.audit = audit;
    }
    async list() {
        const programmes = await this.programmes.find({ order: { createdAt: 'DESC', id: 'ASC' } });
        const counts = await this.dataSource.query(`SELECT p.programme_id AS id, count(DISTINCT p.id)::int AS parts, count(c.id)::int AS cohorts
         FROM parts p LEFT JOIN cohorts c ON c.part_id = p.id GROUP BY p.programme_id`);
        const byId = new Map(counts.map((c) => [c.id, c]));
        return programmes.map((programme) => ({
            programme,
            partCount: byId.get(programme.id)?.parts ?? 0,
            cohortCount: byId.get(programme.id)?.cohorts ?? 0,
        }));
    }
    async get(id) {
        const programme = await this.programmes.findOneBy({ id });
        if (!programme)
            throw new programmes_errors_1.ProgrammeNotFoundError();
        return programme;
    }
    /** The programme with its parts in order and its indicators; a programme the user may not see is not found. */
    async getFor(user, id) {
        await this.getVisible(user, id);
        return this.getWithChildren(id);
    }
    /** The programme alone, if the user may see it. */
    async getVisible(user, id) {
        if (!(await this.access.canViewProgramme(user, id)))
            throw new programmes_errors_1.ProgrammeNotFoundError();
        return this.get(id);
    }
    async getWithChildren(id) {
        const programme = await this.get(id);
        programme.parts = await this.dataSource.getRepository(part_entity_1.Part).find({ where: { programmeId: id }, order: { number: 'ASC' } });
        programme.indicators = await this.dataSource.getRepository(indicator_entity_1.Indicator).find({ where: { programmeId: id }, order: { position: 'ASC', nameLv: 'ASC' } });
        return programme;
    }
    async create(input, actor, req) {
        return this.dataSource.transaction(async (manager) => {
            const repo = manager.getRepository(programme_entity_1.Programme);
            const programme = await repo.save(repo.create(this.fields(input)));
            await this.audit.record({ actorId: actor.id, action: 'programme.created', entityType: 'programme', entityId: programme.id, after: auditView(programme), req }, manager);
            return programme;
        });
    }
    async update(id, input, actor, req) {
        return this.dataSource.transaction(async (manager) => {
            const repo = manager.getRepository(programme_entity_1.Programme);
            const programme = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
            if (!programme)
                throw new programmes_errors_1.ProgrammeNotFoundError();
            const before = auditView(programme);
            Object.assign(programme, this.fields(input));
            await repo.save(programme);
            await this.audit.record({ actorId: actor.id, action: 'programme.updated', entityType: 'programme', entityId: id, before, after: auditView(programme), req }, manager);
            return programme;
        });
    }
    /** Sets or clears the logo's storage key; returns the key it replaced, for the caller to delete after commit. */
    async setLogo(id, logo, actor, req) {
        return this.dataSource.transaction(async (manager) => {
            const repo = manager.getRepository(programme_entity_1.Programme);
            const programme = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
            if (!programme)
                throw new programmes_errors_1.ProgrammeNotFoundError();
            const previous = programme.logoKey;
            await repo.update({ id }, { logoKey: logo?.key ?? null, logoMimeType: logo?.mimeType ?? null });
            await this.audit.record({ actorId: actor.id, action: logo ? 'programme.logo_set' : 'programme.logo_removed', entityType: 'programme', entityId: id, req }, manager);
            return previous;
        });
    }
    fields(input) {
        return {
            titleLv: input.titleLv,
            titleEn: input.titleEn ?? null,
            descriptionLv: input.descriptionLv,
            descriptionEn: input.descriptionEn,
            status: input.status,
            projectTitle: input.projectTitle,
            agreementNumber: input.agreementNumber,
            funder: input.funder,
            cofinancingPercent: input.cofinancingPercent.toFixed(2),
            partners: input.partners,
            fundingStatement: input.fundingStatement,
            ...(input.reminderOffsetsHours ? { reminderOffsetsHours: input.reminderOffsetsHours } : {}),
            ...(input.studyVisitOffsetsHours ? { studyVisitOffsetsHours: input.studyVisitOffsetsHours } : {}),
        };
    }
};
exports.ProgrammesService = ProgrammesService;
exports.ProgrammesService = ProgrammesService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, typeorm_1.InjectRepository)(programme_entity_1.Programme)),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        typeorm_2.Repository,
        cohort_access_service_1.CohortAccessService,
        audit_service_1.AuditService])
], ProgrammesService);
