"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CohortAccessModule = void 0;
const common_1 = require("@nestjs/common");
const cohort_access_service_1 = require("./cohort-access.service");
/** Who may see or teach which cohort; imported by every feature that shows cohort data. */
let CohortAccessModule = class CohortAccessModule {
};
exports.CohortAccessModule = CohortAccessModule;
exports.CohortAccessModule = CohortAccessModule = __decorate([
    (0, common_1.Module)({ providers: [cohort_access_service_1.CohortAccessService], exports: [cohort_access_service_1.CohortAccessService] })
], CohortAccessModule);
