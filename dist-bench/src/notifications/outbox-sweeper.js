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
var OutboxSweeper_1, OutboxSweepProcessor_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutboxSweepProcessor = exports.OutboxSweeper = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const bullmq_2 = require("bullmq");
const nestjs_pino_1 = require("nestjs-pino");
const typeorm_2 = require("typeorm");
const job_logging_1 = require("../common/job-logging");
const app_config_1 = require("../config/app-config");
const notifications_constants_1 = require("./notifications.constants");
const outbox_message_entity_1 = require("./outbox-message.entity");
const outbox_service_1 = require("./outbox.service");
const SCHEDULER_ID = 'outbox-sweep';
const BATCH = 500;
/**
 * Puts back on the delivery queue every outbox row still pending: after Redis lost its data, after a worker
 * died, after a dispatch that failed. Jobs still in Redis are not duplicated, since a job id is its outbox id.
 */
let OutboxSweeper = OutboxSweeper_1 = class OutboxSweeper {
    messages;
    queue;
    outbox;
    config;
    logger = new common_1.Logger(OutboxSweeper_1.name);
    timer;
    constructor(messages, queue, outbox, config) {
        this.messages = messages;
        this.queue = queue;
        this.outbox = outbox;
        this.config = config;
    }
    get everyMs() {
        return this.config.env.OUTBOX_SWEEP_SECONDS * 1000;
    }
    async onApplicationBootstrap() {
        await this.ensureScheduled();
        // Redis losing its data loses the job scheduler too, so each worker checks for it on a timer of its own.
        this.timer = setInterval(() => {
            this.ensureScheduled().catch((error) => this.logger.warn({ err: error }, 'Could not check the outbox sweep schedule'));
        }, this.everyMs);
        this.timer.unref();
    }
    onApplicationShutdown() {
        clearInterval(this.timer);
    }
    async ensureScheduled() {
        if (await this.queue.getJobScheduler(SCHEDULER_ID))
            return;
        await this.queue.upsertJobScheduler(SCHEDULER_ID, { every: this.everyMs }, { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: true } });
        this.logger.log({ everyMs: this.everyMs }, 'Outbox sweep scheduled');
    }
    /** Queues the rows pending and unchanged for `olderThanMs`; returns how many. */
    async sweep(olderThanMs = Math.min(5_000, this.everyMs)) {
        const cutoff = new Date(Date.now() - olderThanMs);
        let count = 0;
        let after;
        for (;;) {
            const qb = this.messages
                .createQueryBuilder('m')
                .select('m.id')
                .where('m.status = :status', { status: 'pending' })
                .andWhere('m.updatedAt < :cutoff', { cutoff })
                .orderBy('m.id', 'ASC')
                .limit(BATCH);
            if (after)
                qb.andWhere('m.id > :after', { after });
            const ids = (await qb.getMany()).map((row) => row.id);
            if (!ids.length)
                break;
            await this.outbox.dispatch(ids);
            count += ids.length;
            after = ids[ids.length - 1];
            if (ids.length < BATCH)
                break;
        }
        return count;
    }
};
exports.OutboxSweeper = OutboxSweeper;
exports.OutboxSweeper = OutboxSweeper = OutboxSweeper_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(outbox_message_entity_1.OutboxMessage)),
    __param(1, (0, bullmq_1.InjectQueue)(notifications_constants_1.OUTBOX_SWEEP_QUEUE)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        bullmq_2.Queue,
        outbox_service_1.OutboxService,
        app_config_1.AppConfig])
], OutboxSweeper);
let OutboxSweepProcessor = OutboxSweepProcessor_1 = class OutboxSweepProcessor extends bullmq_1.WorkerHost {
    sweeper;
    pino;
    logger = new common_1.Logger(OutboxSweepProcessor_1.name);
    constructor(sweeper, pino) {
        super();
        this.sweeper = sweeper;
        this.pino = pino;
    }
    process(job) {
        return (0, job_logging_1.runLoggedJob)(this.pino, this.logger, job, {}, () => this.sweeper.sweep());
    }
    onError(error) {
        this.logger.warn({ err: error }, 'Outbox sweep worker error');
    }
    async beforeApplicationShutdown() {
        await this.worker.close();
    }
};
exports.OutboxSweepProcessor = OutboxSweepProcessor;
__decorate([
    (0, bullmq_1.OnWorkerEvent)('error'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Error]),
    __metadata("design:returntype", void 0)
], OutboxSweepProcessor.prototype, "onError", null);
exports.OutboxSweepProcessor = OutboxSweepProcessor = OutboxSweepProcessor_1 = __decorate([
    (0, bullmq_1.Processor)(notifications_constants_1.OUTBOX_SWEEP_QUEUE),
    __metadata("design:paramtypes", [OutboxSweeper,
        nestjs_pino_1.PinoLogger])
], OutboxSweepProcessor);
