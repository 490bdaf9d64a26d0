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
exports.Cohort = void 0;
const typeorm_1 = require("typeorm");
const part_entity_1 = require("../programmes/part.entity");
const user_entity_1 = require("../users/user.entity");
/** A run of one part: its dates, places and instructors. */
let Cohort = class Cohort {
    id;
    partId;
    part;
    name;
    /** Calendar dates in Riga, YYYY-MM-DD. */
    startsOn;
    endsOn;
    capacity;
    instructors;
    createdAt;
    updatedAt;
};
exports.Cohort = Cohort;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], Cohort.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)(),
    (0, typeorm_1.Column)({ type: 'uuid' }),
    __metadata("design:type", String)
], Cohort.prototype, "partId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => part_entity_1.Part, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)(),
    __metadata("design:type", part_entity_1.Part)
], Cohort.prototype, "part", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], Cohort.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date' }),
    __metadata("design:type", String)
], Cohort.prototype, "startsOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'date' }),
    __metadata("design:type", String)
], Cohort.prototype, "endsOn", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int' }),
    __metadata("design:type", Number)
], Cohort.prototype, "capacity", void 0);
__decorate([
    (0, typeorm_1.ManyToMany)(() => user_entity_1.User),
    (0, typeorm_1.JoinTable)({ name: 'cohort_instructors', joinColumn: { name: 'cohort_id' }, inverseJoinColumn: { name: 'user_id' } }),
    __metadata("design:type", Array)
], Cohort.prototype, "instructors", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Cohort.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Cohort.prototype, "updatedAt", void 0);
exports.Cohort = Cohort = __decorate([
    (0, typeorm_1.Entity)(),
    (0, typeorm_1.Check)('"ends_on" >= "starts_on"'),
    (0, typeorm_1.Check)('"capacity" > 0')
], Cohort);
