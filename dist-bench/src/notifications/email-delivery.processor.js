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
var EmailDeliveryProcessor_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.EmailDeliveryProcessor = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const bullmq_2 = require("bullmq");
const nestjs_pino_1 = require("nestjs-pino");
const zod_1 = require("zod");
const job_logging_1 = require("../common/job-logging");
const notifications_constants_1 = require("./notifications.constants");
const outbox_delivery_1 = require("./outbox-delivery");
const jobData = zod_1.z.object({ outboxId: zod_1.z.uuid() });
/** Delivers the outbox row named by the job; its BullMQ job id is the outbox id. */
let EmailDeliveryProcessor = EmailDeliveryProcessor_1 = class EmailDeliveryProcessor extends bullmq_1.WorkerHost {
    delivery;
    pino;
    logger = new common_1.Logger(EmailDeliveryProcessor_1.name);
    constructor(delivery, pino) {
        super();
        this.delivery = delivery;
        this.pino = pino;
    }
    async process(job) {
        const parsed = jobData.safeParse(job.data);
        if (!parsed.success)
            throw new bullmq_2.UnrecoverableError('Invalid email delivery job data');
        const { outboxId } = parsed.data;
        return (0, job_logging_1.runLoggedJob)(this.pino, this.logger, job, { outboxId }, async () => {
            try {
                return await this.delivery.deliver(outboxId, { attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 });
            }
            catch (error) {
                // The outbox row is already marked failed: stop BullMQ from trying again.
                if (error instanceof outbox_delivery_1.DeliveryFailedError && error.final)
                    throw new bullmq_2.UnrecoverableError(error.message);
                throw error;
            }
        });
    }
    /** Redis errors (a lost connection, a job that vanished with Redis's data): the outbox sweeper recovers. */
    onError(error) {
        this.logger.warn({ err: error }, 'Email queue worker error');
    }
    /** Lets active deliveries finish before the database connections close. */
    async beforeApplicationShutdown() {
        await this.worker.close();
    }
};
exports.EmailDeliveryProcessor = EmailDeliveryProcessor;
__decorate([
    (0, bullmq_1.OnWorkerEvent)('error'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Error]),
    __metadata("design:returntype", void 0)
], EmailDeliveryProcessor.prototype, "onError", null);
exports.EmailDeliveryProcessor = EmailDeliveryProcessor = EmailDeliveryProcessor_1 = __decorate([
    (0, bullmq_1.Processor)(notifications_constants_1.EMAIL_QUEUE, { concurrency: 5 }),
    __metadata("design:paramtypes", [outbox_delivery_1.OutboxDelivery,
        nestjs_pino_1.PinoLogger])
], EmailDeliveryProcessor);
