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
exports.Grade = void 0;
const typeorm_1 = require("typeorm");
const stored_file_key_decorator_1 = require("../storage/stored-file-key.decorator");
const submission_entity_1 = require("./submission.entity");
/**
 * The grade of a submission: a draft until released. `revision` guards against two instructors
 * overwriting each other: a save must name the revision it started from.
 */
let Grade = class Grade {
    id;
    submissionId;
    submission;
    /** The version that was graded. */
    versionNumber;
    score;
    passed;
    /** Plain text; shown escaped. */
    feedback;
    feedbackFileKey;
    feedbackFileName;
    feedbackFileMimeType;
    status;
    releasedAt;
    gradedById;
    revision;
    updatedAt;
};
exports.Grade = Grade;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], Grade.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)({ unique: true }),
    (0, typeorm_1.Column)({ type: 'uuid' }),
    __metadata("design:type", String)
], Grade.prototype, "submissionId", void 0);
__decorate([
    (0, typeorm_1.OneToOne)(() => submission_entity_1.Submission, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)(),
    __metadata("design:type", submission_entity_1.Submission)
], Grade.prototype, "submission", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int' }),
    __metadata("design:type", Number)
], Grade.prototype, "versionNumber", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'numeric', precision: 7, scale: 2, nullable: true }),
    __metadata("design:type", Object)
], Grade.prototype, "score", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean' }),
    __metadata("design:type", Boolean)
], Grade.prototype, "passed", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', default: '' }),
    __metadata("design:type", String)
], Grade.prototype, "feedback", void 0);
__decorate([
    (0, stored_file_key_decorator_1.StoredFileKey)('feedback'),
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, nullable: true, unique: true }),
    __metadata("design:type", Object)
], Grade.prototype, "feedbackFileKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 255, nullable: true }),
    __metadata("design:type", Object)
], Grade.prototype, "feedbackFileName", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100, nullable: true }),
    __metadata("design:type", Object)
], Grade.prototype, "feedbackFileMimeType", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20, default: 'draft' }),
    __metadata("design:type", String)
], Grade.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], Grade.prototype, "releasedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], Grade.prototype, "gradedById", void 0);
__decorate([
    (0, typeorm_1.VersionColumn)(),
    __metadata("design:type", Number)
], Grade.prototype, "revision", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Grade.prototype, "updatedAt", void 0);
exports.Grade = Grade = __decorate([
    (0, typeorm_1.Entity)()
], Grade);
