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
exports.Indicator = exports.INDICATOR_METRICS = void 0;
const typeorm_1 = require("typeorm");
/** What an indicator counts; its current value is always derived from the data, never typed in. */
exports.INDICATOR_METRICS = [
    'trainees_enrolled',
    'trainees_completed',
    'certificates_issued',
    'sessions_held',
    'study_visits_held',
    'seminars_held',
    'materials_published',
];
/** An expected result ("sagaidāmais rezultāts") with its target. */
let Indicator = class Indicator {
    id;
    programmeId;
    programme;
    nameLv;
    nameEn;
    metric;
    target;
    position;
};
exports.Indicator = Indicator;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], Indicator.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'uuid' }),
    __metadata("design:type", String)
], Indicator.prototype, "programmeId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)('Programme', 'indicators', { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)(),
    __metadata("design:type", Function)
], Indicator.prototype, "programme", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300 }),
    __metadata("design:type", String)
], Indicator.prototype, "nameLv", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300, nullable: true }),
    __metadata("design:type", Object)
], Indicator.prototype, "nameEn", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 40 }),
    __metadata("design:type", String)
], Indicator.prototype, "metric", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int' }),
    __metadata("design:type", Number)
], Indicator.prototype, "target", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 0 }),
    __metadata("design:type", Number)
], Indicator.prototype, "position", void 0);
exports.Indicator = Indicator = __decorate([
    (0, typeorm_1.Entity)(),
    (0, typeorm_1.Index)(['programmeId', 'position'])
], Indicator);
