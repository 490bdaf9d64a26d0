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
var SessionRemindersScheduler_1, SessionRemindersProcessor_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionRemindersProcessor = exports.SessionRemindersScheduler = exports.SESSION_REMINDERS_QUEUE = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const bullmq_2 = require("bullmq");
const nestjs_pino_1 = require("nestjs-pino");
const job_logging_1 = require("../common/job-logging");
const app_config_1 = require("../config/app-config");
const session_reminders_service_1 = require("./session-reminders.service");
exports.SESSION_REMINDERS_QUEUE = 'session-reminders';
const SCHEDULER_ID = 'session-reminders-scan';
/** Keeps the reminder scan scheduled every REMINDER_SCAN_MINUTES, also after Redis lost its data. */
let SessionRemindersScheduler = SessionRemindersScheduler_1 = class SessionRemindersScheduler {
    queue;
    config;
    logger = new common_1.Logger(SessionRemindersScheduler_1.name);
    timer;
    constructor(queue, config) {
        this.queue = queue;
        this.config = config;
    }
    get everyMs() {
        return this.config.env.REMINDER_SCAN_MINUTES * 60_000;
    }
    async onApplicationBootstrap() {
        await this.ensureScheduled();
        this.timer = setInterval(() => {
            this.ensureScheduled().catch((error) => this.logger.warn({ err: error }, 'Could not check the reminder scan schedule'));
        }, this.everyMs);
        this.timer.unref();
    }
    onApplicationShutdown() {
        clearInterval(this.timer);
    }
    async ensureScheduled() {
        const existing = await this.queue.getJobScheduler(SCHEDULER_ID);
        if (existing && Number(existing.every) === this.everyMs)
            return;
        await this.queue.upsertJobScheduler(SCHEDULER_ID, { every: this.everyMs }, { name: 'scan', opts: { removeOnComplete: true, removeOnFail: true } });
        this.logger.log({ everyMs: this.everyMs }, 'Session reminder scan scheduled');
    }
};
exports.SessionRemindersScheduler = SessionRemindersScheduler;
exports.SessionRemindersScheduler = SessionRemindersScheduler = SessionRemindersScheduler_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, bullmq_1.InjectQueue)(exports.SESSION_REMINDERS_QUEUE)),
    __metadata("design:paramtypes", [bullmq_2.Queue,
        app_config_1.AppConfig])
], SessionRemindersScheduler);
/** Runs one scan at the job's own time; running it twice creates nothing new. */
let SessionRemindersProcessor = SessionRemindersProcessor_1 = class SessionRemindersProcessor extends bullmq_1.WorkerHost {
    reminders;
    pino;
    logger = new common_1.Logger(SessionRemindersProcessor_1.name);
    constructor(reminders, pino) {
        super();
        this.reminders = reminders;
        this.pino = pino;
    }
    process(job) {
        return (0, job_logging_1.runLoggedJob)(this.pino, this.logger, job, {}, () => this.reminders.scan(new Date()));
    }
    async beforeApplicationShutdown() {
        await this.worker.close();
    }
};
exports.SessionRemindersProcessor = SessionRemindersProcessor;
exports.SessionRemindersProcessor = SessionRemindersProcessor = SessionRemindersProcessor_1 = __decorate([
    (0, bullmq_1.Processor)(exports.SESSION_REMINDERS_QUEUE),
    __metadata("design:paramtypes", [session_reminders_service_1.SessionRemindersService,
        nestjs_pino_1.PinoLogger])
], SessionRemindersProcessor);
