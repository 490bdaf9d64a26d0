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
exports.IndicatorsPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const form_view_1 = require("../common/form-view");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const form_locals_1 = require("./form-locals");
const indicator_entity_1 = require("./indicator.entity");
const indicators_service_1 = require("./indicators.service");
const localized_1 = require("./localized");
const programme_footer_1 = require("./programme-footer");
const programme_schemas_1 = require("./programme.schemas");
const programmes_service_1 = require("./programmes.service");
const ID = new parse_id_pipe_1.ParseIdPipe('programmes.errors.notFound');
/** Admin pages of a programme's expected-result indicators: add, edit, delete. */
let IndicatorsPagesController = class IndicatorsPagesController {
    programmes;
    indicators;
    constructor(programmes, indicators) {
        this.programmes = programmes;
        this.indicators = indicators;
    }
    async newIndicator(id, req) {
        return { ...this.indicatorFormLocals(await this.programmes.get(id), req.lang), values: {} };
    }
    async createIndicator(id, actor, req, body, res) {
        await (0, form_locals_1.withFormLocals)(res, async () => this.indicatorFormLocals(await this.programmes.get(id), req.lang), () => this.indicators.create(id, (0, zod_validation_pipe_1.parseWith)(programme_schemas_1.indicatorSchema, body), actor, req));
        req.session.flash = [{ kind: 'success', key: 'programmes.flash.indicatorSaved' }];
        res.redirect(303, `/admin/programmes/${id}#indicators`);
    }
    async editIndicator(id, indicatorId, req) {
        const indicator = await this.indicators.get(id, indicatorId);
        return { ...this.indicatorFormLocals(await this.programmes.get(id), req.lang, indicatorId), values: indicator };
    }
    async updateIndicator(id, indicatorId, actor, req, body, res) {
        await (0, form_locals_1.withFormLocals)(res, async () => this.indicatorFormLocals(await this.programmes.get(id), req.lang, indicatorId), async () => {
            await this.indicators.get(id, indicatorId);
            return this.indicators.update(indicatorId, (0, zod_validation_pipe_1.parseWith)(programme_schemas_1.indicatorSchema, body), actor, req);
        });
        req.session.flash = [{ kind: 'success', key: 'programmes.flash.indicatorSaved' }];
        res.redirect(303, `/admin/programmes/${id}#indicators`);
    }
    async deleteIndicator(id, indicatorId, actor, req, res) {
        await this.indicators.get(id, indicatorId);
        await this.indicators.remove(indicatorId, actor, req);
        req.session.flash = [{ kind: 'success', key: 'programmes.flash.indicatorDeleted' }];
        res.redirect(303, `/admin/programmes/${id}#indicators`);
    }
    indicatorFormLocals(programme, lang, indicatorId) {
        return {
            titleKey: indicatorId ? 'programmes.indicators.editTitle' : 'programmes.indicators.newTitle',
            programme: { id: programme.id, title: (0, localized_1.localized)(lang, programme.titleLv, programme.titleEn) },
            indicatorId: indicatorId ?? null,
            metricOptions: indicator_entity_1.INDICATOR_METRICS.map((value) => ({ value, label: `programmes.metric.${value}` })),
            ...(0, programme_footer_1.programmeFooter)(programme),
        };
    }
};
exports.IndicatorsPagesController = IndicatorsPagesController;
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)('new'),
    (0, common_1.Render)('pages/programmes/indicator-form'),
    __param(0, (0, common_1.Param)('id', ID)),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], IndicatorsPagesController.prototype, "newIndicator", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)(),
    (0, form_view_1.FormView)('pages/programmes/indicator-form'),
    __param(0, (0, common_1.Param)('id', ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], IndicatorsPagesController.prototype, "createIndicator", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)(':indicatorId/edit'),
    (0, common_1.Render)('pages/programmes/indicator-form'),
    __param(0, (0, common_1.Param)('id', ID)),
    __param(1, (0, common_1.Param)('indicatorId', ID)),
    __param(2, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], IndicatorsPagesController.prototype, "editIndicator", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)(':indicatorId'),
    (0, form_view_1.FormView)('pages/programmes/indicator-form'),
    __param(0, (0, common_1.Param)('id', ID)),
    __param(1, (0, common_1.Param)('indicatorId', ID)),
    __param(2, (0, current_user_decorator_1.CurrentUser)()),
    __param(3, (0, common_1.Req)()),
    __param(4, (0, common_1.Body)()),
    __param(5, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Function, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], IndicatorsPagesController.prototype, "updateIndicator", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)(':indicatorId/delete'),
    __param(0, (0, common_1.Param)('id', ID)),
    __param(1, (0, common_1.Param)('indicatorId', ID)),
    __param(2, (0, current_user_decorator_1.CurrentUser)()),
    __param(3, (0, common_1.Req)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Function, Object, Object]),
    __metadata("design:returntype", Promise)
], IndicatorsPagesController.prototype, "deleteIndicator", null);
exports.IndicatorsPagesController = IndicatorsPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.Controller)('admin/programmes/:id/indicators'),
    __metadata("design:paramtypes", [programmes_service_1.ProgrammesService,
        indicators_service_1.IndicatorsService])
], IndicatorsPagesController);
