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
exports.ProgrammesApiController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const i18n_service_1 = require("../i18n/i18n.service");
const programme_json_1 = require("./programme-json");
const programme_logo_service_1 = require("./programme-logo.service");
const programme_schemas_1 = require("./programme.schemas");
const parts_service_1 = require("./parts.service");
const programmes_errors_1 = require("./programmes.errors");
const programmes_service_1 = require("./programmes.service");
const PROGRAMME_ID = new parse_id_pipe_1.ParseIdPipe('programmes.errors.notFound');
const PART_ID = new parse_id_pipe_1.ParseIdPipe('programmes.errors.partNotFound');
/** Programmes and their parts. Admins manage them; whoever takes part in a cohort of a programme may read it. */
let ProgrammesApiController = class ProgrammesApiController {
    programmes;
    parts;
    logos;
    i18n;
    constructor(programmes, parts, logos, i18n) {
        this.programmes = programmes;
        this.parts = parts;
        this.logos = logos;
        this.i18n = i18n;
    }
    async list() {
        const rows = await this.programmes.list();
        return { items: rows.map(({ programme, partCount, cohortCount }) => ({ ...(0, programme_json_1.programmeJson)(programme), partCount, cohortCount })) };
    }
    async create(actor, req, body) {
        return (0, programme_json_1.programmeJson)(await this.programmes.create((0, zod_validation_pipe_1.parseWith)(programme_schemas_1.programmeSchema, body), actor, req));
    }
    async get(user, req, id) {
        const programme = await this.programmes.getFor(user, id);
        return { ...(0, programme_json_1.programmeJson)(programme), parts: programme.parts.map((part) => (0, programme_json_1.partJson)(part, req.lang, this.i18n)) };
    }
    async update(actor, req, id, body) {
        return (0, programme_json_1.programmeJson)(await this.programmes.update(id, (0, zod_validation_pipe_1.parseWith)(programme_schemas_1.programmeSchema, body), actor, req));
    }
    async uploadLogo(actor, req, id) {
        await this.logos.upload(id, req, actor);
        return (0, programme_json_1.programmeJson)(await this.programmes.get(id));
    }
    async removeLogo(actor, req, id) {
        await this.logos.remove(id, actor, req);
    }
    async listParts(user, req, id) {
        const programme = await this.programmes.getFor(user, id);
        return { items: programme.parts.map((part) => (0, programme_json_1.partJson)(part, req.lang, this.i18n)) };
    }
    async createPart(actor, req, id, body) {
        return (0, programme_json_1.partJson)(await this.parts.create(id, (0, zod_validation_pipe_1.parseWith)(programme_schemas_1.partSchema, body), actor, req), req.lang, this.i18n);
    }
    async reorder(actor, req, id, body) {
        const parts = await this.parts.reorder(id, (0, zod_validation_pipe_1.parseWith)(programme_schemas_1.partOrderSchema, body).partIds, actor, req);
        return { items: parts.map((part) => (0, programme_json_1.partJson)(part, req.lang, this.i18n)) };
    }
    async getPart(user, req, id) {
        const part = await this.parts.get(id);
        await this.programmes.getFor(user, part.programmeId).catch(() => {
            throw new programmes_errors_1.PartNotFoundError();
        });
        return (0, programme_json_1.partJson)(part, req.lang, this.i18n);
    }
    async updatePart(actor, req, id, body) {
        return (0, programme_json_1.partJson)(await this.parts.update(id, (0, zod_validation_pipe_1.parseWith)(programme_schemas_1.partSchema, body), actor, req), req.lang, this.i18n);
    }
};
exports.ProgrammesApiController = ProgrammesApiController;
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)('programmes'),
    (0, swagger_1.ApiOperation)({ summary: 'Every programme, newest first' }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], ProgrammesApiController.prototype, "list", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)('programmes'),
    (0, swagger_1.ApiOperation)({ summary: 'Create a programme' }),
    (0, zod_validation_pipe_1.ApiZodBody)(programme_schemas_1.programmeSchema),
    (0, zod_validation_pipe_1.ApiZodResponse)(201, 'The programme'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, Object]),
    __metadata("design:returntype", Promise)
], ProgrammesApiController.prototype, "create", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('programmes/:id'),
    (0, swagger_1.ApiOperation)({ summary: 'A programme with its parts in order (admins, and the instructors and trainees of its cohorts)' }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', PROGRAMME_ID)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String]),
    __metadata("design:returntype", Promise)
], ProgrammesApiController.prototype, "get", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Put)('programmes/:id'),
    (0, swagger_1.ApiOperation)({ summary: 'Replace the fields of a programme' }),
    (0, zod_validation_pipe_1.ApiZodBody)(programme_schemas_1.programmeSchema),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', PROGRAMME_ID)),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String, Object]),
    __metadata("design:returntype", Promise)
], ProgrammesApiController.prototype, "update", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Put)('programmes/:id/logo'),
    (0, swagger_1.ApiOperation)({ summary: 'Upload the logo shown in the footer of the programme\'s pages (PNG, JPEG or WEBP, at most 1 MB)' }),
    (0, swagger_1.ApiConsumes)('multipart/form-data'),
    (0, swagger_1.ApiBody)({ schema: { type: 'object', properties: { [programme_logo_service_1.LOGO_FIELD]: { type: 'string', format: 'binary' } }, required: [programme_logo_service_1.LOGO_FIELD] } }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', PROGRAMME_ID)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String]),
    __metadata("design:returntype", Promise)
], ProgrammesApiController.prototype, "uploadLogo", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Delete)('programmes/:id/logo'),
    (0, common_1.HttpCode)(204),
    (0, swagger_1.ApiOperation)({ summary: 'Remove the logo' }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', PROGRAMME_ID)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String]),
    __metadata("design:returntype", Promise)
], ProgrammesApiController.prototype, "removeLogo", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('programmes/:id/parts'),
    (0, swagger_1.ApiOperation)({ summary: 'The parts of a programme in order, each with its completion rule' }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', PROGRAMME_ID)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String]),
    __metadata("design:returntype", Promise)
], ProgrammesApiController.prototype, "listParts", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)('programmes/:id/parts'),
    (0, swagger_1.ApiOperation)({ summary: 'Add a part; without a number it takes the next one' }),
    (0, zod_validation_pipe_1.ApiZodBody)(programme_schemas_1.partSchema),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', PROGRAMME_ID)),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String, Object]),
    __metadata("design:returntype", Promise)
], ProgrammesApiController.prototype, "createPart", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Put)('programmes/:id/parts/order'),
    (0, swagger_1.ApiOperation)({ summary: 'Reorder the parts: name every part once, in the new order' }),
    (0, zod_validation_pipe_1.ApiZodBody)(programme_schemas_1.partOrderSchema),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', PROGRAMME_ID)),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String, Object]),
    __metadata("design:returntype", Promise)
], ProgrammesApiController.prototype, "reorder", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('parts/:id'),
    (0, swagger_1.ApiOperation)({ summary: 'A part with its completion rule' }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', PART_ID)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String]),
    __metadata("design:returntype", Promise)
], ProgrammesApiController.prototype, "getPart", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Put)('parts/:id'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({ summary: 'Replace the fields of a part' }),
    (0, zod_validation_pipe_1.ApiZodBody)(programme_schemas_1.partSchema),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', PART_ID)),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String, Object]),
    __metadata("design:returntype", Promise)
], ProgrammesApiController.prototype, "updatePart", null);
exports.ProgrammesApiController = ProgrammesApiController = __decorate([
    (0, swagger_1.ApiTags)('programmes'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiCookieAuth)(),
    (0, common_1.Controller)('api/v1'),
    __metadata("design:paramtypes", [programmes_service_1.ProgrammesService,
        parts_service_1.PartsService,
        programme_logo_service_1.ProgrammeLogoService,
        i18n_service_1.I18nService])
], ProgrammesApiController);
