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
exports.MaterialsService = exports.MATERIAL_FILE_FIELD = exports.MATERIAL_KINDS = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const errors_1 = require("../common/errors");
const schemas_1 = require("../common/schemas");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const cohort_access_service_1 = require("../cohorts/cohort-access.service");
const cohort_entity_1 = require("../cohorts/cohort.entity");
const app_config_1 = require("../config/app-config");
const part_entity_1 = require("../programmes/part.entity");
const storage_service_1 = require("../storage/storage.service");
const material_entity_1 = require("./material.entity");
const materials_schemas_1 = require("./materials.schemas");
exports.MATERIAL_KINDS = ['pdf', 'docx', 'pptx', 'xlsx', 'odt', 'png', 'jpeg'];
exports.MATERIAL_FILE_FIELD = 'file';
let MaterialsService = class MaterialsService {
    dataSource;
    access;
    storage;
    audit;
    config;
    constructor(dataSource, access, storage, audit, config) {
        this.dataSource = dataSource;
        this.access = access;
        this.storage = storage;
        this.audit = audit;
        this.config = config;
    }
    get policy() {
        return { keyPrefix: 'material', allowed: exports.MATERIAL_KINDS, maxBytes: this.config.env.MATERIAL_MAX_MB * 1024 * 1024 };
    }
    async listForCohort(user, cohortId) {
        const cohort = await this.findCohort(cohortId);
        await this.access.assertCanView(user, cohort.id);
        const part = await this.dataSource.getRepository(part_entity_1.Part).findOneByOrFail({ id: cohort.partId });
        const [partMaterials, cohortMaterials, canUploadToCohort, canUploadToPart] = await Promise.all([
            this.materialsOf({ partId: part.id }),
            this.materialsOf({ cohortId: cohort.id }),
            this.access.canTeach(user, cohort.id),
            this.access.canTeachPart(user, part.id),
        ]);
        return { cohort, part, partMaterials, cohortMaterials, canUploadToCohort, canUploadToPart };
    }
    async listForPart(user, partId) {
        const part = await this.findPart(partId);
        if (!(await this.access.canViewPart(user, part.id)))
            throw new errors_1.NotFoundError();
        const [partMaterials, canUploadToPart] = await Promise.all([this.materialsOf({ partId: part.id }), this.access.canTeachPart(user, part.id)]);
        return { cohort: null, part, partMaterials, cohortMaterials: [], canUploadToCohort: false, canUploadToPart };
    }
    /** A material the user may see; any other id, existing or not, is not found. */
    async get(user, id) {
        const material = schemas_1.uuid.safeParse(id).success ? await this.dataSource.getRepository(material_entity_1.Material).findOneBy({ id }) : null;
        if (!material || !(await this.canView(user, material)))
            throw new errors_1.NotFoundError();
        return material;
    }
    async canManage(user, material) {
        return material.cohortId ? this.access.canTeach(user, material.cohortId) : this.access.canTeachPart(user, material.partId);
    }
    /**
     * Stores the uploaded file, then records it. The file is written first under its final key; if the
     * fields are invalid or the transaction fails, the file is removed again.
     */
    async upload(user, target, req) {
        const where = await this.assertCanUpload(user, target);
        const { fields, file } = await this.storage.receive(req, exports.MATERIAL_FILE_FIELD, this.policy);
        if (!file) {
            const input = materials_schemas_1.materialFieldsSchema.safeParse(fields);
            throw new errors_1.ValidationFailedError([...(input.success ? [] : (0, zod_validation_pipe_1.toFieldErrors)(input.error.issues)), { field: exports.MATERIAL_FILE_FIELD, code: 'required' }]);
        }
        return this.storage.keepIf(file, async () => {
            const input = (0, zod_validation_pipe_1.parseWith)(materials_schemas_1.materialFieldsSchema, fields);
            return this.dataSource.transaction(async (manager) => {
                const material = await manager.getRepository(material_entity_1.Material).save(manager.getRepository(material_entity_1.Material).create({
                    ...where,
                    title: input.title,
                    storageKey: file.key,
                    fileName: file.fileName,
                    mimeType: file.mimeType,
                    size: String(file.size),
                    sha256: file.sha256,
                    uploadedById: user.id,
                }));
                await this.audit.record({ actorId: user.id, action: 'material.uploaded', entityType: 'material', entityId: material.id, after: auditView(material), req }, manager);
                return material;
            });
        });
    }
    async delete(user, id, req) {
        const material = await this.get(user, id);
        if (!(await this.canManage(user, material)))
            throw new errors_1.ForbiddenError();
        await this.dataSource.transaction(async (manager) => {
            const { affected } = await manager.getRepository(material_entity_1.Material).delete({ id: material.id });
            if (!affected)
                throw new errors_1.NotFoundError();
            await this.audit.record({ actorId: user.id, action: 'material.deleted', entityType: 'material', entityId: material.id, before: auditView(material), req }, manager);
        });
        await this.storage.discard(material.storageKey);
        return material;
    }
    async openDownload(user, id) {
        const material = await this.get(user, id);
        if (!(await this.storage.exists(material.storageKey)))
            throw new errors_1.NotFoundError();
        return { material, content: this.storage.openRead(material.storageKey) };
    }
    async canView(user, material) {
        return material.cohortId ? this.access.canView(user, material.cohortId) : this.access.canViewPart(user, material.partId);
    }
    /** Teachers of the cohort (or of any cohort of the part) and admins; others who can see it get 403, the rest 404. */
    async assertCanUpload(user, target) {
        if ('cohortId' in target) {
            const cohort = await this.findCohort(target.cohortId);
            await this.access.assertCanTeach(user, cohort.id);
            return { cohortId: cohort.id };
        }
        const part = await this.findPart(target.partId);
        if (await this.access.canTeachPart(user, part.id))
            return { partId: part.id };
        if (await this.access.canViewPart(user, part.id))
            throw new errors_1.ForbiddenError();
        throw new errors_1.NotFoundError();
    }
    async findCohort(id) {
        const cohort = schemas_1.uuid.safeParse(id).success ? await this.dataSource.getRepository(cohort_entity_1.Cohort).findOneBy({ id }) : null;
        if (!cohort)
            throw new errors_1.NotFoundError();
        return cohort;
    }
    async findPart(id) {
        const part = schemas_1.uuid.safeParse(id).success ? await this.dataSource.getRepository(part_entity_1.Part).findOneBy({ id }) : null;
        if (!part)
            throw new errors_1.NotFoundError();
        return part;
    }
    materialsOf(where) {
        return this.dataSource.getRepository(material_entity_1.Material).find({ where, order: { createdAt: 'DESC', title: 'ASC' } });
    }
};
exports.MaterialsService = MaterialsService;
exports.MaterialsService = MaterialsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        cohort_access_service_1.CohortAccessService,
        storage_service_1.StorageService,
        audit_service_1.AuditService,
        app_config_1.AppConfig])
], MaterialsService);
function auditView(material) {
    return {
        title: material.title,
        fileName: material.fileName,
        mimeType: material.mimeType,
        size: Number(material.size),
        sha256: material.sha256,
        cohortId: material.cohortId,
        partId: material.partId,
    };
}
