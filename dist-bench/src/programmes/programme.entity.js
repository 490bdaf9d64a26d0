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
exports.Programme = exports.PROGRAMME_STATUSES = void 0;
const typeorm_1 = require("typeorm");
const stored_file_key_decorator_1 = require("../storage/stored-file-key.decorator");
exports.PROGRAMME_STATUSES = ['draft', 'active', 'closed'];
/** A course-cycle programme ("kursu cikla programma") of a funded project. */
let Programme = class Programme {
    id;
    titleLv;
    titleEn;
    descriptionLv;
    descriptionEn;
    status;
    projectTitle;
    agreementNumber;
    funder;
    /** Share of the costs the funder covers, 0–100. */
    cofinancingPercent;
    partners;
    /** The publicity statement shown in page footers and on certificates. */
    fundingStatement;
    /** Storage key of the optional logo image. */
    logoKey;
    logoMimeType;
    /** Hours before a session that everyone gets a reminder. */
    reminderOffsetsHours;
    /** Hours before a study visit that everyone gets a reminder. */
    studyVisitOffsetsHours;
    parts;
    indicators;
    createdAt;
    updatedAt;
};
exports.Programme = Programme;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], Programme.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300 }),
    __metadata("design:type", String)
], Programme.prototype, "titleLv", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300, nullable: true }),
    __metadata("design:type", Object)
], Programme.prototype, "titleEn", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', default: '' }),
    __metadata("design:type", String)
], Programme.prototype, "descriptionLv", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', default: '' }),
    __metadata("design:type", String)
], Programme.prototype, "descriptionEn", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20, default: 'draft' }),
    __metadata("design:type", String)
], Programme.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 500 }),
    __metadata("design:type", String)
], Programme.prototype, "projectTitle", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100 }),
    __metadata("design:type", String)
], Programme.prototype, "agreementNumber", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], Programme.prototype, "funder", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'numeric', precision: 5, scale: 2, default: 100 }),
    __metadata("design:type", String)
], Programme.prototype, "cofinancingPercent", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, array: true, default: () => "'{}'" }),
    __metadata("design:type", Array)
], Programme.prototype, "partners", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], Programme.prototype, "fundingStatement", void 0);
__decorate([
    (0, stored_file_key_decorator_1.StoredFileKey)('logo'),
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, nullable: true }),
    __metadata("design:type", Object)
], Programme.prototype, "logoKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100, nullable: true }),
    __metadata("design:type", Object)
], Programme.prototype, "logoMimeType", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', array: true, default: () => "'{24}'" }),
    __metadata("design:type", Array)
], Programme.prototype, "reminderOffsetsHours", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', array: true, default: () => "'{72,24}'" }),
    __metadata("design:type", Array)
], Programme.prototype, "studyVisitOffsetsHours", void 0);
__decorate([
    (0, typeorm_1.OneToMany)('Part', 'programme'),
    __metadata("design:type", Array)
], Programme.prototype, "parts", void 0);
__decorate([
    (0, typeorm_1.OneToMany)('Indicator', 'programme'),
    __metadata("design:type", Array)
], Programme.prototype, "indicators", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Programme.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Programme.prototype, "updatedAt", void 0);
exports.Programme = Programme = __decorate([
    (0, typeorm_1.Entity)()
], Programme);
