"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WebModule = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const attendance_module_1 = require("./attendance/attendance.module");
const auth_module_1 = require("./auth/auth.module");
const calendar_module_1 = require("./calendar/calendar.module");
const cohorts_module_1 = require("./cohorts/cohorts.module");
const access_guard_1 = require("./common/access.guard");
const exception_filter_1 = require("./common/exception.filter");
const form_view_1 = require("./common/form-view");
const core_module_1 = require("./core.module");
const health_module_1 = require("./health/health.module");
const home_module_1 = require("./home/home.module");
const materials_module_1 = require("./materials/materials.module");
const programmes_module_1 = require("./programmes/programmes.module");
const notifications_web_module_1 = require("./notifications/notifications-web.module");
const sessions_module_1 = require("./sessions/sessions.module");
const users_module_1 = require("./users/users.module");
const users_web_module_1 = require("./users/users-web.module");
/** The HTTP process: pages and the JSON API. */
let WebModule = class WebModule {
};
exports.WebModule = WebModule;
exports.WebModule = WebModule = __decorate([
    (0, common_1.Module)({
        imports: [core_module_1.CoreModule, users_module_1.UsersModule, auth_module_1.AuthModule, health_module_1.HealthModule, home_module_1.HomeModule, notifications_web_module_1.NotificationsWebModule, users_web_module_1.UsersWebModule, programmes_module_1.ProgrammesModule, cohorts_module_1.CohortsModule, materials_module_1.MaterialsModule, sessions_module_1.SessionsModule, attendance_module_1.AttendanceModule, calendar_module_1.CalendarModule],
        providers: [
            { provide: core_1.APP_GUARD, useClass: access_guard_1.AccessGuard },
            { provide: core_1.APP_FILTER, useClass: exception_filter_1.AllExceptionsFilter },
            { provide: core_1.APP_INTERCEPTOR, useClass: form_view_1.FormViewInterceptor },
        ],
    })
], WebModule);
