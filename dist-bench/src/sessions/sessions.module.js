"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionsModule = void 0;
const common_1 = require("@nestjs/common");
const cohort_access_module_1 = require("../cohorts/cohort-access.module");
const my_sessions_service_1 = require("./my-sessions.service");
const session_access_service_1 = require("./session-access.service");
const session_changes_service_1 = require("./session-changes.service");
const session_clash_check_1 = require("./session-clash-check");
const session_notices_1 = require("./session-notices");
const sessions_api_controller_1 = require("./sessions-api.controller");
const sessions_pages_controller_1 = require("./sessions-pages.controller");
const sessions_service_1 = require("./sessions.service");
/** Sessions of cohorts: the schedule, its changes and each person's own schedule (web process). */
let SessionsModule = class SessionsModule {
};
exports.SessionsModule = SessionsModule;
exports.SessionsModule = SessionsModule = __decorate([
    (0, common_1.Module)({
        imports: [cohort_access_module_1.CohortAccessModule],
        controllers: [sessions_pages_controller_1.SessionsPagesController, sessions_api_controller_1.SessionsApiController],
        providers: [sessions_service_1.SessionsService, session_changes_service_1.SessionChangesService, session_access_service_1.SessionAccess, session_clash_check_1.SessionClashCheck, session_notices_1.SessionNotices, my_sessions_service_1.MySessionsService],
        exports: [sessions_service_1.SessionsService, session_access_service_1.SessionAccess, my_sessions_service_1.MySessionsService],
    })
], SessionsModule);
