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
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutboxMessage = exports.OUTBOX_STATUSES = void 0;
const typeorm_1 = require("typeorm");
exports.OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'not_delivered', 'suppressed'];
/** One email to send. PostgreSQL is the source of truth; the queue only carries its id. */
let OutboxMessage = class OutboxMessage {
    id;
    dedupKey;
    recipientEmail;
    recipientId;
    template;
    category;
    language;
    data;
    subject;
    html;
    text;
    status;
    attempts;
    lastError;
    messageId;
    sentAt;
    createdAt;
    updatedAt;
};
exports.OutboxMessage = OutboxMessage;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], OutboxMessage.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300, unique: true }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "dedupKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 254 }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "recipientEmail", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], OutboxMessage.prototype, "recipientId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 80 }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "template", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20 }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "category", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 2 }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "language", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', default: () => "'{}'" }),
    __metadata("design:type", Object)
], OutboxMessage.prototype, "data", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300 }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "subject", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "html", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "text", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20, default: 'pending' }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 0 }),
    __metadata("design:type", Number)
], OutboxMessage.prototype, "attempts", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], OutboxMessage.prototype, "lastError", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300 }),
    __metadata("design:type", String)
], OutboxMessage.prototype, "messageId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], OutboxMessage.prototype, "sentAt", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], OutboxMessage.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], OutboxMessage.prototype, "updatedAt", void 0);
exports.OutboxMessage = OutboxMessage = __decorate([
    (0, typeorm_1.Entity)(),
    (0, typeorm_1.Index)(['status', 'createdAt'])
], OutboxMessage);
