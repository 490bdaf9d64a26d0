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
exports.MaterialsApiController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const user_entity_1 = require("../users/user.entity");
const material_download_1 = require("./material-download");
const material_views_1 = require("./material-views");
const materials_service_1 = require("./materials.service");
const materialSchema = {
    type: 'object',
    properties: {
        id: { type: 'string', format: 'uuid' },
        title: { type: 'string' },
        fileName: { type: 'string' },
        mimeType: { type: 'string' },
        size: { type: 'integer' },
        sha256: { type: 'string' },
        partId: { type: 'string', format: 'uuid', nullable: true },
        cohortId: { type: 'string', format: 'uuid', nullable: true },
        uploadedById: { type: 'string', format: 'uuid', nullable: true },
        createdAt: { type: 'string', format: 'date-time' },
        downloadUrl: { type: 'string' },
    },
};
const listSchema = { type: 'object', properties: { items: { type: 'array', items: materialSchema } } };
const UploadBody = () => (0, swagger_1.ApiBody)({
    schema: {
        type: 'object',
        required: ['title', materials_service_1.MATERIAL_FILE_FIELD],
        properties: {
            title: { type: 'string', maxLength: 300 },
            [materials_service_1.MATERIAL_FILE_FIELD]: { type: 'string', format: 'binary', description: 'PDF, DOCX, PPTX, XLSX, ODT, PNG or JPEG; the type is checked from the content' },
        },
    },
});
function listJson(list) {
    return { items: [...list.cohortMaterials, ...list.partMaterials].map(material_views_1.materialJson) };
}
let MaterialsApiController = class MaterialsApiController {
    materials;
    constructor(materials) {
        this.materials = materials;
    }
    async listForCohort(user, cohortId) {
        return listJson(await this.materials.listForCohort(user, cohortId));
    }
    async listForPart(user, partId) {
        return listJson(await this.materials.listForPart(user, partId));
    }
    async uploadToCohort(user, cohortId, req) {
        return (0, material_views_1.materialJson)(await this.materials.upload(user, { cohortId }, req));
    }
    async uploadToPart(user, partId, req) {
        return (0, material_views_1.materialJson)(await this.materials.upload(user, { partId }, req));
    }
    async get(user, id) {
        return (0, material_views_1.materialJson)(await this.materials.get(user, id));
    }
    async download(user, id, res) {
        return (0, material_download_1.downloadFile)(res, await this.materials.openDownload(user, id));
    }
    async delete(user, id, req) {
        await this.materials.delete(user, id, req);
    }
};
exports.MaterialsApiController = MaterialsApiController;
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('cohorts/:cohortId/materials'),
    (0, swagger_1.ApiOperation)({ summary: "A cohort's materials, its part's included" }),
    (0, swagger_1.ApiParam)({ name: 'cohortId', format: 'uuid' }),
    (0, swagger_1.ApiOkResponse)({ schema: listSchema }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('cohortId')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, String]),
    __metadata("design:returntype", Promise)
], MaterialsApiController.prototype, "listForCohort", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('parts/:partId/materials'),
    (0, swagger_1.ApiOperation)({ summary: "A part's materials (shared by all its cohorts)" }),
    (0, swagger_1.ApiParam)({ name: 'partId', format: 'uuid' }),
    (0, swagger_1.ApiOkResponse)({ schema: listSchema }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('partId')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, String]),
    __metadata("design:returntype", Promise)
], MaterialsApiController.prototype, "listForPart", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Post)('cohorts/:cohortId/materials'),
    (0, swagger_1.ApiOperation)({ summary: 'Upload a material for one cohort (its instructors and admins)' }),
    (0, swagger_1.ApiParam)({ name: 'cohortId', format: 'uuid' }),
    (0, swagger_1.ApiConsumes)('multipart/form-data'),
    UploadBody(),
    (0, swagger_1.ApiCreatedResponse)({ schema: materialSchema }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('cohortId')),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, String, Object]),
    __metadata("design:returntype", Promise)
], MaterialsApiController.prototype, "uploadToCohort", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Post)('parts/:partId/materials'),
    (0, swagger_1.ApiOperation)({ summary: "Upload a material for all a part's cohorts (their instructors and admins)" }),
    (0, swagger_1.ApiParam)({ name: 'partId', format: 'uuid' }),
    (0, swagger_1.ApiConsumes)('multipart/form-data'),
    UploadBody(),
    (0, swagger_1.ApiCreatedResponse)({ schema: materialSchema }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('partId')),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, String, Object]),
    __metadata("design:returntype", Promise)
], MaterialsApiController.prototype, "uploadToPart", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('materials/:id'),
    (0, swagger_1.ApiParam)({ name: 'id', format: 'uuid' }),
    (0, swagger_1.ApiOkResponse)({ schema: materialSchema }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, String]),
    __metadata("design:returntype", Promise)
], MaterialsApiController.prototype, "get", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('materials/:id/download'),
    (0, swagger_1.ApiParam)({ name: 'id', format: 'uuid' }),
    (0, swagger_1.ApiProduces)('application/octet-stream'),
    (0, swagger_1.ApiOkResponse)({ description: 'The file, as an attachment under its original name', schema: { type: 'string', format: 'binary' } }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, String, Object]),
    __metadata("design:returntype", Promise)
], MaterialsApiController.prototype, "download", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Delete)('materials/:id'),
    (0, common_1.HttpCode)(204),
    (0, swagger_1.ApiParam)({ name: 'id', format: 'uuid' }),
    (0, swagger_1.ApiNoContentResponse)({ description: 'Deleted, with its file' }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, String, Object]),
    __metadata("design:returntype", Promise)
], MaterialsApiController.prototype, "delete", null);
exports.MaterialsApiController = MaterialsApiController = __decorate([
    (0, swagger_1.ApiTags)('materials'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiCookieAuth)(),
    (0, common_1.Controller)('api/v1'),
    __metadata("design:paramtypes", [materials_service_1.MaterialsService])
], MaterialsApiController);
