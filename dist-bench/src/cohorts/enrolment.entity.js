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
exports.Enrolment = exports.ENROLMENT_STATUSES = void 0;
const typeorm_1 = require("typeorm");
const user_entity_1 = require("../users/user.entity");
const cohort_entity_1 = require("./cohort.entity");
exports.ENROLMENT_STATUSES = ['enrolled', 'waitlisted', 'withdrawn', 'completed', 'not_completed'];
/** A trainee in a cohort, or waiting for a place in it. */
let Enrolment = class Enrolment {
    id;
    cohortId;
    cohort;
    userId;
    user;
    status;
    /** When the trainee joined the waiting list; promotion goes in this order. */
    waitlistedAt;
    enrolledAt;
    withdrawnAt;
    withdrawalReason;
    createdAt;
    updatedAt;
};
exports.Enrolment = Enrolment;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], Enrolment.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid' }),
    __metadata("design:type", String)
], Enrolment.prototype, "cohortId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => cohort_entity_1.Cohort, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)(),
    __metadata("design:type", cohort_entity_1.Cohort)
], Enrolment.prototype, "cohort", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ type: 'uuid' }),
    __metadata("design:type", String)
], Enrolment.prototype, "userId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.User, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)(),
    __metadata("design:type", user_entity_1.User)
], Enrolment.prototype, "user", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20 }),
    __metadata("design:type", String)
], Enrolment.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], Enrolment.prototype, "waitlistedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], Enrolment.prototype, "enrolledAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], Enrolment.prototype, "withdrawnAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 500, nullable: true }),
    __metadata("design:type", Object)
], Enrolment.prototype, "withdrawalReason", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Enrolment.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Enrolment.prototype, "updatedAt", void 0);
exports.Enrolment = Enrolment = __decorate([
    (0, typeorm_1.Entity)(),
    (0, typeorm_1.Index)(['cohortId', 'userId'], { unique: true }),
    (0, typeorm_1.Index)(['cohortId', 'status'])
], Enrolment);
