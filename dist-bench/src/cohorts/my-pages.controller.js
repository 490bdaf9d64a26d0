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
exports.MyPagesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const programme_footer_1 = require("../programmes/programme-footer");
const my_enrolments_service_1 = require("./my-enrolments.service");
const statusKey = (status) => `cohorts.status.${status}`;
/** Trainees in these statuses can open the cohort's schedule and materials (see CohortAccessService). */
const MEMBER_STATUSES = ['enrolled', 'completed', 'not_completed'];
/** Each person's own view: the instructor's cohorts with their trainees, the trainee's programme. */
let MyPagesController = class MyPagesController {
    mine;
    constructor(mine) {
        this.mine = mine;
    }
    async cohorts(user, req) {
        const cohorts = await this.mine.cohortsOf(user, req.lang);
        return {
            titleKey: 'cohorts.my.title',
            cohorts: cohorts.map((c) => ({ ...c, trainees: c.trainees.map((e) => ({ ...e, statusKey: statusKey(e.status) })) })),
            ...(0, programme_footer_1.singleProgrammeFooter)(cohorts.map((c) => c.footer)),
        };
    }
    async programme(user, req) {
        const enrolments = await this.mine.enrolmentsOf(user, req.lang);
        return {
            titleKey: 'cohorts.myProgramme.title',
            enrolments: enrolments.map((e) => ({ ...e, statusKey: statusKey(e.status), member: MEMBER_STATUSES.includes(e.status) })),
            ...(0, programme_footer_1.singleProgrammeFooter)(enrolments.map((e) => e.footer)),
        };
    }
};
exports.MyPagesController = MyPagesController;
__decorate([
    (0, access_decorators_1.Roles)('instructor'),
    (0, common_1.Get)('cohorts'),
    (0, common_1.Render)('pages/cohorts/my-cohorts'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object]),
    __metadata("design:returntype", Promise)
], MyPagesController.prototype, "cohorts", null);
__decorate([
    (0, access_decorators_1.Roles)('trainee'),
    (0, common_1.Get)('programme'),
    (0, common_1.Render)('pages/cohorts/my-programme'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object]),
    __metadata("design:returntype", Promise)
], MyPagesController.prototype, "programme", null);
exports.MyPagesController = MyPagesController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.Controller)('my'),
    __metadata("design:paramtypes", [my_enrolments_service_1.MyEnrolmentsService])
], MyPagesController);
