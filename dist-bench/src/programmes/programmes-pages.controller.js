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
exports.ProgrammesPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const form_view_1 = require("../common/form-view");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const zod_validation_pipe_1 = require("../common/zod-validation.pipe");
const i18n_service_1 = require("../i18n/i18n.service");
const file_policy_1 = require("../storage/file-policy");
const completion_rule_1 = require("./completion-rule");
const form_locals_1 = require("./form-locals");
const indicators_service_1 = require("./indicators.service");
const localized_1 = require("./localized");
const programme_footer_1 = require("./programme-footer");
const programme_logo_service_1 = require("./programme-logo.service");
const programme_entity_1 = require("./programme.entity");
const programme_schemas_1 = require("./programme.schemas");
const programmes_service_1 = require("./programmes.service");
const ID = new parse_id_pipe_1.ParseIdPipe('programmes.errors.notFound');
/** What a programme form shows besides the values: the choices and the footer of the programme. */
function programmeFormLocals(programme, lang = 'lv') {
    return {
        titleKey: programme ? 'programmes.edit.title' : 'programmes.new.title',
        programme: programme ? { id: programme.id, title: (0, localized_1.localized)(lang, programme.titleLv, programme.titleEn) } : null,
        statusOptions: programme_entity_1.PROGRAMME_STATUSES.map((value) => ({ value, label: `programmes.status.${value}` })),
        ...(programme ? (0, programme_footer_1.programmeFooter)(programme) : {}),
    };
}
function programmeValues(p) {
    return {
        ...p,
        cofinancingPercent: String(Number(p.cofinancingPercent)),
        partners: p.partners.join('\n'),
        reminderOffsetsHours: p.reminderOffsetsHours.join(', '),
        studyVisitOffsetsHours: p.studyVisitOffsetsHours.join(', '),
    };
}
/** Admin pages of programmes: list, create, edit, and the programme page with its parts and indicators. */
let ProgrammesPagesController = class ProgrammesPagesController {
    programmes;
    indicators;
    logos;
    i18n;
    constructor(programmes, indicators, logos, i18n) {
        this.programmes = programmes;
        this.indicators = indicators;
        this.logos = logos;
        this.i18n = i18n;
    }
    async list(req) {
        const rows = await this.programmes.list();
        return {
            titleKey: 'programmes.list.title',
            programmes: rows.map(({ programme, partCount, cohortCount }) => ({
                id: programme.id,
                title: (0, localized_1.localized)(req.lang, programme.titleLv, programme.titleEn),
                status: programme.status,
                statusKey: `programmes.status.${programme.status}`,
                agreementNumber: programme.agreementNumber,
                partCount,
                cohortCount,
            })),
        };
    }
    newForm() {
        return { ...programmeFormLocals(), values: { status: 'draft', cofinancingPercent: '100', reminderOffsetsHours: '24', studyVisitOffsetsHours: '72, 24' } };
    }
    async create(actor, req, body, res) {
        const programme = await this.programmes.create((0, zod_validation_pipe_1.parseWith)(programme_schemas_1.programmeSchema, body), actor, req);
        req.session.flash = [{ kind: 'success', key: 'programmes.flash.created' }];
        res.redirect(303, `/admin/programmes/${programme.id}`);
    }
    show(id, req) {
        return this.showLocals(id, req.lang);
    }
    async uploadLogo(id, actor, req, res) {
        await (0, form_locals_1.withFormLocals)(res, () => this.showLocals(id, req.lang), () => this.logos.upload(id, req, actor));
        req.session.flash = [{ kind: 'success', key: 'programmes.flash.logoSaved' }];
        res.redirect(303, `/admin/programmes/${id}#logo`);
    }
    async removeLogo(id, actor, req, res) {
        await this.logos.remove(id, actor, req);
        req.session.flash = [{ kind: 'success', key: 'programmes.flash.logoRemoved' }];
        res.redirect(303, `/admin/programmes/${id}#logo`);
    }
    async showLocals(id, lang) {
        const programme = await this.programmes.getWithChildren(id);
        const indicators = await this.indicators.listWithValues(id);
        return {
            title: (0, localized_1.localized)(lang, programme.titleLv, programme.titleEn),
            ...(0, programme_footer_1.programmeFooter)(programme),
            programme: {
                ...programme,
                title: (0, localized_1.localized)(lang, programme.titleLv, programme.titleEn),
                description: (0, localized_1.localized)(lang, programme.descriptionLv, programme.descriptionEn),
                cofinancingPercent: Number(programme.cofinancingPercent),
                statusKey: `programmes.status.${programme.status}`,
                logoUrl: programme.logoKey ? `/programmes/${programme.id}/logo` : null,
            },
            logoAccept: (0, file_policy_1.acceptAttribute)(programme_logo_service_1.LOGO_POLICY.allowed),
            logoTypes: (0, file_policy_1.allowedLabel)(programme_logo_service_1.LOGO_POLICY.allowed),
            parts: programme.parts.map((part, index, all) => ({
                ...part,
                title: (0, localized_1.localized)(lang, part.titleLv, part.titleEn),
                rule: (0, completion_rule_1.describeCompletionRule)(part, lang, this.i18n),
                first: index === 0,
                last: index === all.length - 1,
            })),
            indicators: indicators.map(({ indicator, value, percent, reached }) => ({
                ...indicator,
                name: (0, localized_1.localized)(lang, indicator.nameLv, indicator.nameEn),
                metricKey: `programmes.metric.${indicator.metric}`,
                value,
                percent,
                reached,
            })),
        };
    }
    async editForm(id, req) {
        const programme = await this.programmes.get(id);
        return { ...programmeFormLocals(programme, req.lang), values: programmeValues(programme) };
    }
    async update(id, actor, req, body, res) {
        await (0, form_locals_1.withFormLocals)(res, async () => programmeFormLocals(await this.programmes.get(id), req.lang), () => this.programmes.update(id, (0, zod_validation_pipe_1.parseWith)(programme_schemas_1.programmeSchema, body), actor, req));
        req.session.flash = [{ kind: 'success', key: 'programmes.flash.updated' }];
        res.redirect(303, `/admin/programmes/${id}`);
    }
};
exports.ProgrammesPagesController = ProgrammesPagesController;
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)(),
    (0, common_1.Render)('pages/programmes/list'),
    __param(0, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], ProgrammesPagesController.prototype, "list", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)('new'),
    (0, common_1.Render)('pages/programmes/form'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], ProgrammesPagesController.prototype, "newForm", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)(),
    (0, form_view_1.FormView)('pages/programmes/form', () => programmeFormLocals()),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Body)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], ProgrammesPagesController.prototype, "create", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)(':id'),
    (0, common_1.Render)('pages/programmes/show'),
    __param(0, (0, common_1.Param)('id', ID)),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", void 0)
], ProgrammesPagesController.prototype, "show", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)(':id/logo'),
    (0, form_view_1.FormView)('pages/programmes/show'),
    __param(0, (0, common_1.Param)('id', ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object]),
    __metadata("design:returntype", Promise)
], ProgrammesPagesController.prototype, "uploadLogo", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)(':id/logo/delete'),
    __param(0, (0, common_1.Param)('id', ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object]),
    __metadata("design:returntype", Promise)
], ProgrammesPagesController.prototype, "removeLogo", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Get)(':id/edit'),
    (0, common_1.Render)('pages/programmes/form'),
    __param(0, (0, common_1.Param)('id', ID)),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], ProgrammesPagesController.prototype, "editForm", null);
__decorate([
    (0, access_decorators_1.Roles)('admin'),
    (0, common_1.Post)(':id'),
    (0, form_view_1.FormView)('pages/programmes/form'),
    __param(0, (0, common_1.Param)('id', ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Body)()),
    __param(4, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], ProgrammesPagesController.prototype, "update", null);
exports.ProgrammesPagesController = ProgrammesPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.Controller)('admin/programmes'),
    __metadata("design:paramtypes", [programmes_service_1.ProgrammesService,
        indicators_service_1.IndicatorsService,
        programme_logo_service_1.ProgrammeLogoService,
        i18n_service_1.I18nService])
], ProgrammesPagesController);
