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
exports.Session = exports.SESSION_STATUSES = exports.SESSION_KINDS = void 0;
const typeorm_1 = require("typeorm");
const cohort_entity_1 = require("../cohorts/cohort.entity");
const user_entity_1 = require("../users/user.entity");
exports.SESSION_KINDS = ['class', 'seminar', 'study_visit', 'exam_sitting'];
exports.SESSION_STATUSES = ['scheduled', 'cancelled'];
/** A class, seminar, study visit or exam sitting of a cohort. */
let Session = class Session {
    id;
    cohortId;
    cohort;
    kind;
    title;
    startsAt;
    endsAt;
    address;
    room;
    onlineUrl;
    /** For a study visit: who receives the group (e.g. another municipality). */
    hosts;
    /** For a study visit: the sites visited. */
    sitesVisited;
    notes;
    status;
    cancellationReason;
    /** iCalendar SEQUENCE: raised on every change people should see. */
    sequence;
    instructors;
    createdAt;
    updatedAt;
};
exports.Session = Session;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], Session.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid' }),
    __metadata("design:type", String)
], Session.prototype, "cohortId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => cohort_entity_1.Cohort, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)(),
    __metadata("design:type", cohort_entity_1.Cohort)
], Session.prototype, "cohort", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20 }),
    __metadata("design:type", String)
], Session.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300 }),
    __metadata("design:type", String)
], Session.prototype, "title", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Session.prototype, "startsAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Session.prototype, "endsAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300, nullable: true }),
    __metadata("design:type", Object)
], Session.prototype, "address", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100, nullable: true }),
    __metadata("design:type", Object)
], Session.prototype, "room", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 500, nullable: true }),
    __metadata("design:type", Object)
], Session.prototype, "onlineUrl", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300, nullable: true }),
    __metadata("design:type", Object)
], Session.prototype, "hosts", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300, array: true, default: () => "'{}'" }),
    __metadata("design:type", Array)
], Session.prototype, "sitesVisited", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', default: '' }),
    __metadata("design:type", String)
], Session.prototype, "notes", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20, default: 'scheduled' }),
    __metadata("design:type", String)
], Session.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 500, nullable: true }),
    __metadata("design:type", Object)
], Session.prototype, "cancellationReason", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 0 }),
    __metadata("design:type", Number)
], Session.prototype, "sequence", void 0);
__decorate([
    (0, typeorm_1.ManyToMany)(() => user_entity_1.User),
    (0, typeorm_1.JoinTable)({ name: 'session_instructors', joinColumn: { name: 'session_id' }, inverseJoinColumn: { name: 'user_id' } }),
    __metadata("design:type", Array)
], Session.prototype, "instructors", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Session.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Session.prototype, "updatedAt", void 0);
exports.Session = Session = __decorate([
    (0, typeorm_1.Entity)(),
    (0, typeorm_1.Check)('"ends_at" > "starts_at"'),
    (0, typeorm_1.Index)(['cohortId', 'startsAt']),
    (0, typeorm_1.Index)(['startsAt'])
], Session);
