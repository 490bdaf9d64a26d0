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
exports.Assignment = exports.SUBMISSION_FILE_TYPES = exports.GRADING_TYPES = void 0;
const typeorm_1 = require("typeorm");
const cohort_entity_1 = require("../cohorts/cohort.entity");
const part_entity_1 = require("../programmes/part.entity");
exports.GRADING_TYPES = ['points', 'pass_fail'];
/** Extensions a trainee may hand in, checked by content as well as by name. */
exports.SUBMISSION_FILE_TYPES = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'zip', 'png', 'jpg'];
/**
 * Independent work of one cohort, or of a part (then every cohort of the part has it). Opens at,
 * due at, and a hard cut-off after which nothing is accepted.
 */
let Assignment = class Assignment {
    id;
    cohortId;
    cohort;
    partId;
    part;
    title;
    /** Markdown, rendered with raw HTML disabled and links checked. */
    brief;
    opensAt;
    dueAt;
    cutoffAt;
    maxFiles;
    maxFileSizeMb;
    acceptedTypes;
    /** Whether a trainee may (also) write their answer as text. */
    allowText;
    gradingType;
    maxPoints;
    passMark;
    requiredForCompletion;
    /** Hours before the due time that trainees who have not submitted are reminded. */
    reminderOffsetsHours;
    createdById;
    createdAt;
    updatedAt;
};
exports.Assignment = Assignment;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], Assignment.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], Assignment.prototype, "cohortId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => cohort_entity_1.Cohort, { onDelete: 'CASCADE', nullable: true }),
    (0, typeorm_1.JoinColumn)(),
    __metadata("design:type", Object)
], Assignment.prototype, "cohort", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], Assignment.prototype, "partId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => part_entity_1.Part, { onDelete: 'CASCADE', nullable: true }),
    (0, typeorm_1.JoinColumn)(),
    __metadata("design:type", Object)
], Assignment.prototype, "part", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300 }),
    __metadata("design:type", String)
], Assignment.prototype, "title", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', default: '' }),
    __metadata("design:type", String)
], Assignment.prototype, "brief", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Assignment.prototype, "opensAt", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Assignment.prototype, "dueAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Assignment.prototype, "cutoffAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 5 }),
    __metadata("design:type", Number)
], Assignment.prototype, "maxFiles", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 20 }),
    __metadata("design:type", Number)
], Assignment.prototype, "maxFileSizeMb", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 10, array: true, default: () => "'{pdf,docx,xlsx,pptx,odt,zip,png,jpg}'" }),
    __metadata("design:type", Array)
], Assignment.prototype, "acceptedTypes", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', default: true }),
    __metadata("design:type", Boolean)
], Assignment.prototype, "allowText", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20 }),
    __metadata("design:type", String)
], Assignment.prototype, "gradingType", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'numeric', precision: 7, scale: 2, nullable: true }),
    __metadata("design:type", Object)
], Assignment.prototype, "maxPoints", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'numeric', precision: 7, scale: 2, nullable: true }),
    __metadata("design:type", Object)
], Assignment.prototype, "passMark", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', default: true }),
    __metadata("design:type", Boolean)
], Assignment.prototype, "requiredForCompletion", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', array: true, default: () => "'{72,24}'" }),
    __metadata("design:type", Array)
], Assignment.prototype, "reminderOffsetsHours", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], Assignment.prototype, "createdById", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Assignment.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Assignment.prototype, "updatedAt", void 0);
exports.Assignment = Assignment = __decorate([
    (0, typeorm_1.Entity)(),
    (0, typeorm_1.Check)('("part_id" IS NULL) <> ("cohort_id" IS NULL)'),
    (0, typeorm_1.Check)('"due_at" >= "opens_at" AND "cutoff_at" >= "due_at"'),
    (0, typeorm_1.Check)('"max_files" BETWEEN 0 AND 50 AND "max_file_size_mb" BETWEEN 1 AND 1024'),
    (0, typeorm_1.Check)(`"grading_type" = 'pass_fail' OR ("max_points" IS NOT NULL AND "pass_mark" IS NOT NULL AND "pass_mark" <= "max_points")`)
], Assignment);
