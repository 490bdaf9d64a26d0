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
exports.PartsService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const users_service_1 = require("../users/users.service");
const part_entity_1 = require("./part.entity");
const programme_entity_1 = require("./programme.entity");
const programmes_errors_1 = require("./programmes.errors");
function auditView(part) {
    const { programme: _p, createdAt: _c, updatedAt: _u, ...fields } = part;
    return fields;
}
/** The ordered parts of a programme. Every change locks the programme row, so numbering is decided one at a time. */
let PartsService = class PartsService {
    dataSource;
    audit;
    constructor(dataSource, audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }
    listFor(programmeId) {
        return this.dataSource.getRepository(part_entity_1.Part).find({ where: { programmeId }, order: { number: 'ASC' } });
    }
    /** The part with its programme. */
    async get(id) {
        const part = await this.dataSource.getRepository(part_entity_1.Part).findOne({ where: { id }, relations: { programme: true } });
        if (!part)
            throw new programmes_errors_1.PartNotFoundError();
        return part;
    }
    async create(programmeId, input, actor, req) {
        return this.dataSource.transaction(async (manager) => {
            await this.lockProgramme(manager, programmeId);
            const repo = manager.getRepository(part_entity_1.Part);
            const number = input.number ?? (await this.nextNumber(manager, programmeId));
            const part = await this.saveNumbered(manager, repo.create({ ...this.fields(input), programmeId, number }));
            await this.audit.record({ actorId: actor.id, action: 'part.created', entityType: 'part', entityId: part.id, after: auditView(part), req }, manager);
            return part;
        });
    }
    async update(id, input, actor, req) {
        return this.dataSource.transaction(async (manager) => {
            const found = await manager.getRepository(part_entity_1.Part).findOneBy({ id });
            if (!found)
                throw new programmes_errors_1.PartNotFoundError();
            await this.lockProgramme(manager, found.programmeId);
            const part = await manager.getRepository(part_entity_1.Part).findOneByOrFail({ id });
            const before = auditView(part);
            Object.assign(part, this.fields(input), input.number ? { number: input.number } : {});
            await this.saveNumbered(manager, part);
            await this.audit.record({ actorId: actor.id, action: 'part.updated', entityType: 'part', entityId: id, before, after: auditView(part), req }, manager);
            return part;
        });
    }
    /**
     * Puts the parts in the given order. The programme keeps the numbers it uses (1, 2, …) and hands them out
     * in the new order; every part must be named exactly once.
     */
    async reorder(programmeId, partIds, actor, req) {
        return this.dataSource.transaction(async (manager) => {
            await this.lockProgramme(manager, programmeId);
            const parts = await manager.getRepository(part_entity_1.Part).find({ where: { programmeId }, order: { number: 'ASC' } });
            const known = new Set(parts.map((p) => p.id));
            if (partIds.length !== parts.length || new Set(partIds).size !== partIds.length || !partIds.every((id) => known.has(id))) {
                throw new programmes_errors_1.InvalidPartOrderError();
            }
            const numbers = parts.map((p) => p.number);
            const before = parts.map((p) => ({ id: p.id, number: p.number }));
            // Two steps, because (programme, number) is unique at every moment, not only at commit.
            await manager.query('UPDATE parts SET number = -number WHERE programme_id = $1', [programmeId]);
            for (const [index, id] of partIds.entries()) {
                await manager.getRepository(part_entity_1.Part).update({ id }, { number: numbers[index] });
            }
            const after = partIds.map((id, index) => ({ id, number: numbers[index] }));
            await this.audit.record({ actorId: actor.id, action: 'part.reordered', entityType: 'programme', entityId: programmeId, before: { parts: before }, after: { parts: after }, req }, manager);
            return manager.getRepository(part_entity_1.Part).find({ where: { programmeId }, order: { number: 'ASC' } });
        });
    }
    /** Swaps a part with its neighbour above or below. */
    async move(id, direction, actor, req) {
        const part = await this.get(id);
        const ids = (await this.listFor(part.programmeId)).map((p) => p.id);
        const at = ids.indexOf(id);
        const to = direction === 'up' ? at - 1 : at + 1;
        if (to < 0 || to >= ids.length)
            return part;
        [ids[at], ids[to]] = [ids[to], ids[at]];
        await this.reorder(part.programmeId, ids, actor, req);
        return part;
    }
    async lockProgramme(manager, programmeId) {
        const programme = await manager.getRepository(programme_entity_1.Programme).findOne({ where: { id: programmeId }, lock: { mode: 'pessimistic_write' } });
        if (!programme)
            throw new programmes_errors_1.ProgrammeNotFoundError();
    }
    async nextNumber(manager, programmeId) {
        const [row] = await manager.query('SELECT COALESCE(max(number), 0) + 1 AS next FROM parts WHERE programme_id = $1', [programmeId]);
        return row.next;
    }
    async saveNumbered(manager, part) {
        try {
            return await manager.getRepository(part_entity_1.Part).save(part);
        }
        catch (error) {
            if ((0, users_service_1.isUniqueViolation)(error, 'number'))
                throw new programmes_errors_1.PartNumberTakenError(part.number);
            throw error;
        }
    }
    fields(input) {
        const { number: _number, ...fields } = input;
        return { ...fields, titleEn: fields.titleEn ?? null };
    }
};
exports.PartsService = PartsService;
exports.PartsService = PartsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        audit_service_1.AuditService])
], PartsService);
