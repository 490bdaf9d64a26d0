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
exports.AttendanceWarnings = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../config/app-config");
const outbox_service_1 = require("../notifications/outbox.service");
const localized_1 = require("../programmes/localized");
const attendance_stats_service_1 = require("./attendance-stats.service");
/**
 * After marking: a trainee (still enrolled) whose attendance is now below the part's minimum, and every admin,
 * get one warning email per enrolment, ever; the deduplication key makes later checks add nothing.
 */
let AttendanceWarnings = class AttendanceWarnings {
    stats;
    outbox;
    config;
    constructor(stats, outbox, config) {
        this.stats = stats;
        this.outbox = outbox;
        this.config = config;
    }
    /** Checks the trainees whose marks changed; returns the outbox ids to dispatch after commit. */
    async check(manager, cohortId, userIds, now) {
        if (!userIds.length)
            return [];
        const changed = new Set(userIds);
        const below = (await this.stats.forCohort(cohortId, now, manager)).filter((s) => s.enrolmentStatus === 'enrolled' && s.belowMinimum && changed.has(s.userId));
        if (!below.length)
            return [];
        const admins = await manager.query(`SELECT id, email, name, language FROM users WHERE 'admin' = ANY(roles) AND disabled_at IS NULL ORDER BY id`);
        const requests = below.flatMap((summary) => {
            const trainee = { id: summary.userId, email: summary.email, name: summary.name, language: summary.language };
            return [trainee, ...admins.filter((a) => a.id !== trainee.id)].map((person) => ({
                to: { email: person.email, id: person.id, language: person.language },
                template: 'attendance-warning',
                category: 'update',
                dedupKey: `attendance-warning:${summary.enrolmentId}:${person.id}`,
                data: {
                    name: person.name,
                    forTrainee: person.id === trainee.id,
                    traineeName: trainee.name,
                    cohortName: summary.cohortName,
                    partTitle: (0, localized_1.localized)(person.language, summary.partTitleLv, summary.partTitleEn),
                    percent: summary.percent,
                    minPercent: summary.minPercent,
                    attended: summary.present + summary.late,
                    held: summary.recorded,
                    link: this.config.publicUrl(person.id === trainee.id ? '/my/attendance' : `/cohorts/${cohortId}/attendance`),
                },
            }));
        });
        return this.outbox.enqueueMany(manager, requests);
    }
};
exports.AttendanceWarnings = AttendanceWarnings;
exports.AttendanceWarnings = AttendanceWarnings = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [attendance_stats_service_1.AttendanceStatsService,
        outbox_service_1.OutboxService,
        app_config_1.AppConfig])
], AttendanceWarnings);
