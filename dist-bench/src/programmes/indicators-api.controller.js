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
exports.IndicatorsApiController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const indicators_service_1 = require("./indicators.service");
const programme_json_1 = require("./programme-json");
const programme_schemas_1 = require("./programme.schemas");
const programmes_service_1 = require("./programmes.service");
const PROGRAMME_ID = new parse_id_pipe_1.ParseIdPipe('programmes.errors.notFound');
const INDICATOR_ID = new parse_id_pipe_1.ParseIdPipe('programmes.errors.indicatorNotFound');
/** Expected results of a programme: targets set by admins, values derived from the data. */
let IndicatorsApiController = class IndicatorsApiController {
    programmes;
    indicators;
    constructor(programmes, indicators) {
        this.programmes = programmes;
        this.indicators = indicators;
    }
    async list(id) {
        await this.programmes.get(id);
        return { items: (await this.indicators.listWithValues(id)).map(programme_json_1.indicatorJson) };
    }
    async create(actor, req, id, body) {
        const indicator = await this.indicators.create(id, (0, zod_validation_pipe_1.parseWith)(programme_schemas_1.indicatorSchema, body), actor, req);
        return this.withValue(indicator.programmeId, indicator.id);
    }
    async update(actor, req, id, body) {
        const indicator = await this.indicators.update(id, (0, zod_validation_pipe_1.parseWith)(programme_schemas_1.indicatorSchema, body), actor, req);
        return this.withValue(indicator.programmeId, indicator.id);
    }
    async remove(actor, req, id) {
        await this.indicators.remove(id, actor, req);
    }
    async withValue(programmeId, id) {
        const found = (await this.indicators.listWithValues(programmeId)).find((row) => row.indicator.id === id);
        return found ? (0, programme_json_1.indicatorJson)(found) : null;
    }
};
exports.IndicatorsApiController = IndicatorsApiController;
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)('programmes/:id/indicators'),
    (0, swagger_1.ApiOperation)({ summary: 'The indicators of a programme with their current values, derived from enrolments, sessions and materials' }),
    __param(0, (0, common_1.Param)('id', PROGRAMME_ID)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], IndicatorsApiController.prototype, "list", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)('programmes/:id/indicators'),
    (0, swagger_1.ApiOperation)({ summary: 'Add an indicator' }),
    (0, zod_validation_pipe_1.ApiZodBody)(programme_schemas_1.indicatorSchema),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', PROGRAMME_ID)),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String, Object]),
    __metadata("design:returntype", Promise)
], IndicatorsApiController.prototype, "create", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Put)('indicators/:id'),
    (0, swagger_1.ApiOperation)({ summary: 'Replace the fields of an indicator' }),
    (0, zod_validation_pipe_1.ApiZodBody)(programme_schemas_1.indicatorSchema),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', INDICATOR_ID)),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String, Object]),
    __metadata("design:returntype", Promise)
], IndicatorsApiController.prototype, "update", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Delete)('indicators/:id'),
    (0, common_1.HttpCode)(204),
    (0, swagger_1.ApiOperation)({ summary: 'Delete an indicator' }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Param)('id', INDICATOR_ID)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, String]),
    __metadata("design:returntype", Promise)
], IndicatorsApiController.prototype, "remove", null);
exports.IndicatorsApiController = IndicatorsApiController = __decorate([
    (0, swagger_1.ApiTags)('indicators'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiCookieAuth)(),
    (0, common_1.Controller)('api/v1'),
    __metadata("design:paramtypes", [programmes_service_1.ProgrammesService,
        indicators_service_1.IndicatorsService])
], IndicatorsApiController);
