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
Object.defineProperty(exports, "__esModule", { value: true });
exports.MyEnrolmentsService = void 0;
const common_1 = require("@nestjs/common");
const i18n_service_1 = require("../i18n/i18n.service");
const completion_rule_1 = require("../programmes/completion-rule");
const localized_1 = require("../programmes/localized");
const programme_footer_1 = require("../programmes/programme-footer");
const cohort_views_1 = require("./cohort-views");
const cohorts_service_1 = require("./cohorts.service");
const enrolments_service_1 = require("./enrolments.service");
/** The signed-in person's own enrolments and cohorts, shaped once for both the pages and the API. */
let MyEnrolmentsService = class MyEnrolmentsService {
    cohorts;
    enrolments;
    i18n;
    constructor(cohorts, enrolments, i18n) {
        this.cohorts = cohorts;
        this.enrolments = enrolments;
        this.i18n = i18n;
    }
    /** A trainee's enrolments with the programme, the part and its completion rule in words. */
    async enrolmentsOf(user, lang) {
        const enrolments = await this.enrolments.forTrainee(user.id);
        return enrolments.map((e) => {
            const part = e.cohort.part;
            const programme = part.programme;
            const { trainee: _t, ...enrolment } = (0, cohort_views_1.enrolmentView)(e);
            return {
                ...enrolment,
                cohort: { id: e.cohort.id, name: e.cohort.name, startsOn: e.cohort.startsOn, endsOn: e.cohort.endsOn },
                part: {
                    id: part.id,
                    number: part.number,
                    title: (0, localized_1.localized)(lang, part.titleLv, part.titleEn),
                    academicHours: part.academicHours,
                    completionRule: (0, completion_rule_1.describeCompletionRule)(part, lang, this.i18n),
                },
                programme: {
                    id: programme.id,
                    title: (0, localized_1.localized)(lang, programme.titleLv, programme.titleEn),
                    projectTitle: programme.projectTitle,
                },
                footer: { programmeId: programme.id, ...(0, programme_footer_1.programmeFooter)(programme) },
            };
        });
    }
    /** The cohorts an instructor teaches, each with the trainees holding its places. */
    async cohortsOf(user, lang) {
        const taught = await this.cohorts.taughtBy(user.id);
        return taught.map(({ cohort, trainees }) => ({
            ...(0, cohort_views_1.cohortView)(cohort, lang),
            trainees: trainees.map(cohort_views_1.enrolmentView),
        }));
    }
};
exports.MyEnrolmentsService = MyEnrolmentsService;
exports.MyEnrolmentsService = MyEnrolmentsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [cohorts_service_1.CohortsService,
        enrolments_service_1.EnrolmentsService,
        i18n_service_1.I18nService])
], MyEnrolmentsService);
