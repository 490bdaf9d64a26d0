"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotificationsWorkerModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const users_module_1 = require("../users/users.module");
const email_delivery_processor_1 = require("./email-delivery.processor");
const mailer_1 = require("./mailer");
const outbox_delivery_1 = require("./outbox-delivery");
const outbox_message_entity_1 = require("./outbox-message.entity");
const outbox_sweeper_1 = require("./outbox-sweeper");
/** Email delivery and the outbox sweeper: worker process only. */
let NotificationsWorkerModule = class NotificationsWorkerModule {
};
exports.NotificationsWorkerModule = NotificationsWorkerModule;
exports.NotificationsWorkerModule = NotificationsWorkerModule = __decorate([
    (0, common_1.Module)({
        imports: [typeorm_1.TypeOrmModule.forFeature([outbox_message_entity_1.OutboxMessage]), users_module_1.UsersModule],
        providers: [mailer_1.Mailer, outbox_delivery_1.OutboxDelivery, email_delivery_processor_1.EmailDeliveryProcessor, outbox_sweeper_1.OutboxSweeper, outbox_sweeper_1.OutboxSweepProcessor],
        exports: [outbox_delivery_1.OutboxDelivery, outbox_sweeper_1.OutboxSweeper],
    })
], NotificationsWorkerModule);
