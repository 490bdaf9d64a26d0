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
exports.AssignmentAttachment = void 0;
const typeorm_1 = require("typeorm");
const stored_file_key_decorator_1 = require("../storage/stored-file-key.decorator");
const assignment_entity_1 = require("./assignment.entity");
/** A file that comes with an assignment's brief. */
let AssignmentAttachment = class AssignmentAttachment {
    id;
    assignmentId;
    assignment;
    storageKey;
    fileName;
    mimeType;
    size;
    sha256;
    createdAt;
};
exports.AssignmentAttachment = AssignmentAttachment;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], AssignmentAttachment.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ type: 'uuid' }),
    __metadata("design:type", String)
], AssignmentAttachment.prototype, "assignmentId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => assignment_entity_1.Assignment, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)(),
    __metadata("design:type", assignment_entity_1.Assignment)
], AssignmentAttachment.prototype, "assignment", void 0);
__decorate([
    (0, stored_file_key_decorator_1.StoredFileKey)('brief'),
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, unique: true }),
    __metadata("design:type", String)
], AssignmentAttachment.prototype, "storageKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 255 }),
    __metadata("design:type", String)
], AssignmentAttachment.prototype, "fileName", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100 }),
    __metadata("design:type", String)
], AssignmentAttachment.prototype, "mimeType", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bigint' }),
    __metadata("design:type", String)
], AssignmentAttachment.prototype, "size", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'char', length: 64 }),
    __metadata("design:type", String)
], AssignmentAttachment.prototype, "sha256", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], AssignmentAttachment.prototype, "createdAt", void 0);
exports.AssignmentAttachment = AssignmentAttachment = __decorate([
    (0, typeorm_1.Entity)()
], AssignmentAttachment);
