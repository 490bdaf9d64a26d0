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
exports.EnrolmentEmails = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../config/app-config");
const outbox_service_1 = require("../notifications/outbox.service");
const localized_1 = require("../programmes/localized");
/** The emails a trainee gets when their place in a cohort changes; written to the outbox in the caller's transaction. */
let EnrolmentEmails = class EnrolmentEmails {
    outbox;
    config;
    constructor(outbox, config) {
        this.outbox = outbox;
        this.config = config;
    }
    /**
     * Returns the outbox id to dispatch after commit. The key names the event (the moment of the change), so
     * a trainee enrolled again after withdrawing hears about it again, but one event never sends two emails.
     */
    async enqueue(manager, kind, enrolment, user, cohort, position) {
        const part = cohort.part;
        const programme = part.programme;
        const lang = user.language;
        const at = (kind === 'waitlisted' ? enrolment.waitlistedAt : enrolment.enrolledAt) ?? new Date();
        const message = await this.outbox.enqueue(manager, {
            to: { email: user.email, id: user.id, language: lang },
            template: `enrolment-${kind}`,
            category: 'update',
            dedupKey: `enrolment:${enrolment.id}:${kind}:${at.getTime()}`,
            data: {
                name: user.name,
                programmeTitle: (0, localized_1.localized)(lang, programme.titleLv, programme.titleEn),
                partNumber: part.number,
                partTitle: (0, localized_1.localized)(lang, part.titleLv, part.titleEn),
                cohortName: cohort.name,
                startsOn: cohort.startsOn,
                endsOn: cohort.endsOn,
                position: position ?? null,
                link: this.config.publicUrl('/my/programme'),
            },
        });
        return message?.id ?? null;
    }
};
exports.EnrolmentEmails = EnrolmentEmails;
exports.EnrolmentEmails = EnrolmentEmails = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [outbox_service_1.OutboxService,
        app_config_1.AppConfig])
], EnrolmentEmails);
