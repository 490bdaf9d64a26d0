"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotificationsModule = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const mail_renderer_1 = require("./mail-renderer");
const notifications_constants_1 = require("./notifications.constants");
const outbox_message_entity_1 = require("./outbox-message.entity");
const outbox_service_1 = require("./outbox.service");
const unsubscribe_tokens_1 = require("./unsubscribe-tokens");
/** The outbox every feature writes its emails to. */
let NotificationsModule = class NotificationsModule {
};
exports.NotificationsModule = NotificationsModule;
exports.NotificationsModule = NotificationsModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        imports: [typeorm_1.TypeOrmModule.forFeature([outbox_message_entity_1.OutboxMessage]), bullmq_1.BullModule.registerQueue({ name: notifications_constants_1.EMAIL_QUEUE }, { name: notifications_constants_1.OUTBOX_SWEEP_QUEUE })],
        providers: [outbox_service_1.OutboxService, mail_renderer_1.MailRenderer, unsubscribe_tokens_1.UnsubscribeTokens],
        exports: [outbox_service_1.OutboxService, mail_renderer_1.MailRenderer, unsubscribe_tokens_1.UnsubscribeTokens, bullmq_1.BullModule],
    })
], NotificationsModule);
