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
exports.Material = void 0;
const typeorm_1 = require("typeorm");
const cohort_entity_1 = require("../cohorts/cohort.entity");
const part_entity_1 = require("../programmes/part.entity");
const stored_file_key_decorator_1 = require("../storage/stored-file-key.decorator");
/** A methodological material of a part (for all its cohorts) or of one cohort. */
let Material = class Material {
    id;
    partId;
    part;
    cohortId;
    cohort;
    title;
    /** Where the storage driver keeps the bytes; a name the server made. */
    storageKey;
    /** The uploader's file name, sanitised; given back on download. */
    fileName;
    mimeType;
    size;
    sha256;
    uploadedById;
    createdAt;
};
exports.Material = Material;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], Material.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], Material.prototype, "partId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => part_entity_1.Part, { onDelete: 'CASCADE', nullable: true }),
    (0, typeorm_1.JoinColumn)(),
    __metadata("design:type", Object)
], Material.prototype, "part", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], Material.prototype, "cohortId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => cohort_entity_1.Cohort, { onDelete: 'CASCADE', nullable: true }),
    (0, typeorm_1.JoinColumn)(),
    __metadata("design:type", Object)
], Material.prototype, "cohort", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300 }),
    __metadata("design:type", String)
], Material.prototype, "title", void 0);
__decorate([
    (0, stored_file_key_decorator_1.StoredFileKey)('material'),
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, unique: true }),
    __metadata("design:type", String)
], Material.prototype, "storageKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 255 }),
    __metadata("design:type", String)
], Material.prototype, "fileName", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100 }),
    __metadata("design:type", String)
], Material.prototype, "mimeType", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bigint' }),
    __metadata("design:type", String)
], Material.prototype, "size", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 64 }),
    __metadata("design:type", String)
], Material.prototype, "sha256", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], Material.prototype, "uploadedById", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Material.prototype, "createdAt", void 0);
exports.Material = Material = __decorate([
    (0, typeorm_1.Entity)(),
    (0, typeorm_1.Check)('("part_id" IS NULL) <> ("cohort_id" IS NULL)')
], Material);
