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
exports.SubmissionVersion = void 0;
const typeorm_1 = require("typeorm");
const submission_entity_1 = require("./submission.entity");
/** A version of a submission: a draft until submitted, then kept unchanged. */
let SubmissionVersion = class SubmissionVersion {
    id;
    submissionId;
    submission;
    number;
    text;
    /** Null while the version is a draft. */
    submittedAt;
    lateSeconds;
    createdAt;
    updatedAt;
};
exports.SubmissionVersion = SubmissionVersion;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], SubmissionVersion.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid' }),
    __metadata("design:type", String)
], SubmissionVersion.prototype, "submissionId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => submission_entity_1.Submission, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)(),
    __metadata("design:type", submission_entity_1.Submission)
], SubmissionVersion.prototype, "submission", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int' }),
    __metadata("design:type", Number)
], SubmissionVersion.prototype, "number", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', default: '' }),
    __metadata("design:type", String)
], SubmissionVersion.prototype, "text", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], SubmissionVersion.prototype, "submittedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 0 }),
    __metadata("design:type", Number)
], SubmissionVersion.prototype, "lateSeconds", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], SubmissionVersion.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], SubmissionVersion.prototype, "updatedAt", void 0);
exports.SubmissionVersion = SubmissionVersion = __decorate([
    (0, typeorm_1.Entity)(),
    (0, typeorm_1.Index)(['submissionId', 'number'], { unique: true })
], SubmissionVersion);
