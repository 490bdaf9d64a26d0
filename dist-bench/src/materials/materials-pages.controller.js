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
exports.MaterialsPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const form_view_1 = require("../common/form-view");
const app_config_1 = require("../config/app-config");
const user_entity_1 = require("../users/user.entity");
const material_views_1 = require("./material-views");
const material_download_1 = require("./material-download");
const materials_service_1 = require("./materials.service");
const VIEW = 'pages/materials/list';
/** Materials pages: lists for a cohort and a part, upload, delete and download. */
let MaterialsPagesController = class MaterialsPagesController {
    materials;
    config;
    constructor(materials, config) {
        this.materials = materials;
        this.config = config;
    }
    async cohortPage(user, cohortId, lang) {
        return (0, material_views_1.materialsPage)(await this.materials.listForCohort(user, cohortId), lang, this.config.env.MATERIAL_MAX_MB);
    }
    async partPage(user, partId, lang) {
        return (0, material_views_1.materialsPage)(await this.materials.listForPart(user, partId), lang, this.config.env.MATERIAL_MAX_MB);
    }
    async cohortMaterials(user, cohortId, req, res) {
        res.render(VIEW, await this.cohortPage(user, cohortId, req.lang));
    }
    async partMaterials(user, partId, req, res) {
        res.render(VIEW, await this.partPage(user, partId, req.lang));
    }
    /** The page is loaded first so that a refused file shows the form again with the list around it. */
    async uploadToCohort(user, cohortId, req, res) {
        Object.assign(res.locals, await this.cohortPage(user, cohortId, req.lang));
        await this.materials.upload(user, { cohortId }, req);
        req.session.flash = [{ kind: 'success', key: 'materials.uploaded' }];
        res.redirect(303, `/cohorts/${cohortId}/materials`);
    }
    async uploadToPart(user, partId, req, res) {
        Object.assign(res.locals, await this.partPage(user, partId, req.lang));
        await this.materials.upload(user, { partId }, req);
        req.session.flash = [{ kind: 'success', key: 'materials.uploaded' }];
        res.redirect(303, `/parts/${partId}/materials`);
    }
    async remove(user, id, req, res) {
        const material = await this.materials.delete(user, id, req);
        req.session.flash = [{ kind: 'success', key: 'materials.deleted' }];
        res.redirect(303, material.cohortId ? `/cohorts/${material.cohortId}/materials` : `/parts/${material.partId}/materials`);
    }
    async download(user, id, res) {
        return (0, material_download_1.downloadFile)(res, await this.materials.openDownload(user, id));
    }
};
exports.MaterialsPagesController = MaterialsPagesController;
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('cohorts/:cohortId/materials'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('cohortId')),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, String, Object, Object]),
    __metadata("design:returntype", Promise)
], MaterialsPagesController.prototype, "cohortMaterials", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('parts/:partId/materials'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('partId')),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, String, Object, Object]),
    __metadata("design:returntype", Promise)
], MaterialsPagesController.prototype, "partMaterials", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Post)('cohorts/:cohortId/materials'),
    (0, form_view_1.FormView)(VIEW),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('cohortId')),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, String, Object, Object]),
    __metadata("design:returntype", Promise)
], MaterialsPagesController.prototype, "uploadToCohort", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Post)('parts/:partId/materials'),
    (0, form_view_1.FormView)(VIEW),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('partId')),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, String, Object, Object]),
    __metadata("design:returntype", Promise)
], MaterialsPagesController.prototype, "uploadToPart", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Post)('materials/:id/delete'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, String, Object, Object]),
    __metadata("design:returntype", Promise)
], MaterialsPagesController.prototype, "remove", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('materials/:id/download'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User, String, Object]),
    __metadata("design:returntype", Promise)
], MaterialsPagesController.prototype, "download", null);
exports.MaterialsPagesController = MaterialsPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [materials_service_1.MaterialsService,
        app_config_1.AppConfig])
], MaterialsPagesController);
