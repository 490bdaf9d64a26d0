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
var StorageCleanupScheduler_1, StorageCleanupProcessor_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.StorageCleanupProcessor = exports.StorageCleanupScheduler = exports.STORAGE_CLEANUP_SCHEDULER = exports.STORAGE_CLEANUP_QUEUE = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const bullmq_2 = require("bullmq");
const nestjs_pino_1 = require("nestjs-pino");
const job_logging_1 = require("../common/job-logging");
const orphan_file_cleaner_1 = require("./orphan-file-cleaner");
exports.STORAGE_CLEANUP_QUEUE = 'storage-cleanup';
exports.STORAGE_CLEANUP_SCHEDULER = 'orphan-files';
/** Every night at 03:30 Riga time, when nobody uploads. */
const PATTERN = '30 3 * * *';
const CHECK_EVERY_MS = 3_600_000;
/** Keeps the nightly orphan-file job scheduled, also after Redis lost its data. */
let StorageCleanupScheduler = StorageCleanupScheduler_1 = class StorageCleanupScheduler {
    queue;
    logger = new common_1.Logger(StorageCleanupScheduler_1.name);
    timer;
    constructor(queue) {
        this.queue = queue;
    }
    async onApplicationBootstrap() {
        await this.ensureScheduled();
        this.timer = setInterval(() => {
            this.ensureScheduled().catch((error) => this.logger.warn({ err: error }, 'Could not check the storage cleanup schedule'));
        }, CHECK_EVERY_MS);
        this.timer.unref();
    }
    onApplicationShutdown() {
        clearInterval(this.timer);
    }
    async ensureScheduled() {
        if (await this.queue.getJobScheduler(exports.STORAGE_CLEANUP_SCHEDULER))
            return;
        await this.queue.upsertJobScheduler(exports.STORAGE_CLEANUP_SCHEDULER, { pattern: PATTERN, tz: 'Europe/Riga' }, { name: 'remove-orphans', opts: { removeOnComplete: 10, removeOnFail: 50 } });
        this.logger.log({ pattern: PATTERN }, 'Orphan file cleanup scheduled');
    }
};
exports.StorageCleanupScheduler = StorageCleanupScheduler;
exports.StorageCleanupScheduler = StorageCleanupScheduler = StorageCleanupScheduler_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, bullmq_1.InjectQueue)(exports.STORAGE_CLEANUP_QUEUE)),
    __metadata("design:paramtypes", [bullmq_2.Queue])
], StorageCleanupScheduler);
/** Runs the orphan-file cleanup; running it twice removes nothing more the second time. */
let StorageCleanupProcessor = StorageCleanupProcessor_1 = class StorageCleanupProcessor extends bullmq_1.WorkerHost {
    cleaner;
    pino;
    logger = new common_1.Logger(StorageCleanupProcessor_1.name);
    constructor(cleaner, pino) {
        super();
        this.cleaner = cleaner;
        this.pino = pino;
    }
    process(job) {
        return (0, job_logging_1.runLoggedJob)(this.pino, this.logger, job, {}, () => this.cleaner.removeOrphans());
    }
    async beforeApplicationShutdown() {
        await this.worker.close();
    }
};
exports.StorageCleanupProcessor = StorageCleanupProcessor;
exports.StorageCleanupProcessor = StorageCleanupProcessor = StorageCleanupProcessor_1 = __decorate([
    (0, bullmq_1.Processor)(exports.STORAGE_CLEANUP_QUEUE),
    __metadata("design:paramtypes", [orphan_file_cleaner_1.OrphanFileCleaner,
        nestjs_pino_1.PinoLogger])
], StorageCleanupProcessor);
