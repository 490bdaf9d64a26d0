"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionsWorkerModule = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const session_reminders_processor_1 = require("./session-reminders.processor");
const session_reminders_service_1 = require("./session-reminders.service");
/** The reminder scan: worker process only. */
let SessionsWorkerModule = class SessionsWorkerModule {
};
exports.SessionsWorkerModule = SessionsWorkerModule;
exports.SessionsWorkerModule = SessionsWorkerModule = __decorate([
    (0, common_1.Module)({
        imports: [bullmq_1.BullModule.registerQueue({ name: session_reminders_processor_1.SESSION_REMINDERS_QUEUE })],
        providers: [session_reminders_service_1.SessionRemindersService, session_reminders_processor_1.SessionRemindersScheduler, session_reminders_processor_1.SessionRemindersProcessor],
        exports: [session_reminders_service_1.SessionRemindersService],
    })
], SessionsWorkerModule);
