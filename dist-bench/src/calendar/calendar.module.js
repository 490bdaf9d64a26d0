"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CalendarModule = void 0;
const common_1 = require("@nestjs/common");
const sessions_module_1 = require("../sessions/sessions.module");
const calendar_tokens_1 = require("./calendar-tokens");
const calendar_controller_1 = require("./calendar.controller");
const calendar_service_1 = require("./calendar.service");
/** iCalendar feeds and downloads (web process). */
let CalendarModule = class CalendarModule {
};
exports.CalendarModule = CalendarModule;
exports.CalendarModule = CalendarModule = __decorate([
    (0, common_1.Module)({
        imports: [sessions_module_1.SessionsModule],
        controllers: [calendar_controller_1.CalendarController],
        providers: [calendar_service_1.CalendarService, calendar_tokens_1.CalendarTokens],
    })
], CalendarModule);
