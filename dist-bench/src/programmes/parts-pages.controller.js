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
exports.PartsPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const form_view_1 = require("../common/form-view");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const form_locals_1 = require("./form-locals");
const localized_1 = require("./localized");
const programme_footer_1 = require("./programme-footer");
const programme_schemas_1 = require("./programme.schemas");
const parts_service_1 = require("./parts.service");
const programmes_service_1 = require("./programmes.service");
const PROGRAMME_ID = new parse_id_pipe_1.ParseIdPipe('programmes.errors.notFound');
const PART_ID = new parse_id_pipe_1.ParseIdPipe('programmes.errors.partNotFound');
function partFormLocals(programme, lang, partId) {
    return {
        titleKey: partId ? 'programmes.parts.editTitle' : 'programmes.parts.newTitle',
        programme: { id: programme.id, title: (0, localized_1.localized)(lang, programme.titleLv, programme.titleEn) },
        partId: partId ?? null,
        ...(0, programme_footer_1.programmeFooter)(programme),
    };
}
/** Admin pages of a programme's parts: create, edit, move up or down. */
let PartsPagesController = class PartsPagesController {
    programmes;
    parts;
    constructor(programmes, parts) {
        this.programmes = programmes;
        this.parts = parts;
    }
    async newForm(id, req) {
        const programme = await this.programmes.get(id);
        return { ...partFormLocals(programme, req.lang), values: { academicHours: '0', minAttendancePercent: '0' } };
    }
    async create(id, actor, req, body, res) {
        await (0, form_locals_1.withFormLocals)(res, async () => partFormLocals(await this.programmes.get(id), req.lang), () => this.parts.create(id, (0, zod_validation_pipe_1.parseWith)(programme_schemas_1.partSchema, body), actor, req));
        req.session.flash = [{ kind: 'success', key: 'programmes.flash.partSaved' }];
        res.redirect(303, `/admin/programmes/${id}#parts`);
    }
    async editForm(id, req) {
        const part = await this.parts.get(id);
        return { ...partFormLocals(part.programme, req.lang, id), values: part };
    }
    async update(id, actor, req, body, res) {
        const part = await (0, form_locals_1.withFormLocals)(res, async () => partFormLocals((await this.parts.get(id)).programme, req.lang, id), () => this.parts.update(id, (0, zod_validation_pipe_1.parseWith)(programme_schemas_1.partSchema, body), actor, req));
        req.session.flash = [{ kind: 'success', key: 'programmes.flash.partSaved' }];
        res.redirect(303, `/admin/programmes/${part.programmeId}#parts`);
    }
    async move(id, actor, req, body, res) {
        const part = await this.parts.move(id, (0, zod_validation_pipe_1.parseWith)(programme_schemas_1.partMoveSchema, body).direction, actor, req);
        req.session.flash = [{ kind: 'success', key: 'programmes.flash.partsReordered' }];
        res.redirect(303, `/admin/programmes/${part.programmeId}#parts`);
    }
};
exports.PartsPagesController = PartsPagesController;
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)('programmes/:id/parts/new'),
    (0, common_1.Render)('pages/programmes/part-form'),
    __param(0, (0, common_1.Param)('id', PROGRAMME_ID)),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], PartsPagesController.prototype, "newForm", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)('programmes/:id/parts'),
    (0, form_view_1.FormView)('pages/programmes/part-form'),
    __param(0, (0, common_1.Param)('id', PROGRAMME_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], PartsPagesController.prototype, "create", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)('parts/:id/edit'),
    (0, common_1.Render)('pages/programmes/part-form'),
    __param(0, (0, common_1.Param)('id', PART_ID)),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], PartsPagesController.prototype, "editForm", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)('parts/:id'),
    (0, form_view_1.FormView)('pages/programmes/part-form'),
    __param(0, (0, common_1.Param)('id', PART_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], PartsPagesController.prototype, "update", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)('parts/:id/move'),
    __param(0, (0, common_1.Param)('id', PART_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], PartsPagesController.prototype, "move", null);
exports.PartsPagesController = PartsPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.Controller)('admin'),
    __metadata("design:paramtypes", [programmes_service_1.ProgrammesService,
        parts_service_1.PartsService])
], PartsPagesController);
