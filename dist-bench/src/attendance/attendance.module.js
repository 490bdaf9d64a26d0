"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AttendanceModule = void 0;
const common_1 = require("@nestjs/common");
const sessions_module_1 = require("../sessions/sessions.module");
const attendance_api_controller_1 = require("./attendance-api.controller");
const attendance_pages_controller_1 = require("./attendance-pages.controller");
const attendance_stats_service_1 = require("./attendance-stats.service");
const attendance_warnings_1 = require("./attendance-warnings");
const attendance_service_1 = require("./attendance.service");
/** Taking attendance, attendance percentages and the below-minimum warning (web process). */
let AttendanceModule = class AttendanceModule {
};
exports.AttendanceModule = AttendanceModule;
exports.AttendanceModule = AttendanceModule = __decorate([
    (0, common_1.Module)({
        imports: [sessions_module_1.SessionsModule],
        controllers: [attendance_pages_controller_1.AttendancePagesController, attendance_api_controller_1.AttendanceApiController],
        providers: [attendance_service_1.AttendanceService, attendance_stats_service_1.AttendanceStatsService, attendance_warnings_1.AttendanceWarnings],
        exports: [attendance_stats_service_1.AttendanceStatsService],
    })
], AttendanceModule);
