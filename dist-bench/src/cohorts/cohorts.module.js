"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CohortsModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const programmes_module_1 = require("../programmes/programmes.module");
const users_module_1 = require("../users/users.module");
const cohort_access_module_1 = require("./cohort-access.module");
const cohort_entity_1 = require("./cohort.entity");
const cohorts_api_controller_1 = require("./cohorts-api.controller");
const cohorts_pages_controller_1 = require("./cohorts-pages.controller");
const cohorts_service_1 = require("./cohorts.service");
const enrolment_emails_1 = require("./enrolment-emails");
const enrolment_import_service_1 = require("./enrolment-import.service");
const enrolment_entity_1 = require("./enrolment.entity");
const enrolments_pages_controller_1 = require("./enrolments-pages.controller");
const enrolments_service_1 = require("./enrolments.service");
const my_enrolments_service_1 = require("./my-enrolments.service");
const my_pages_controller_1 = require("./my-pages.controller");
const waiting_list_1 = require("./waiting-list");
let CohortsModule = class CohortsModule {
};
exports.CohortsModule = CohortsModule;
exports.CohortsModule = CohortsModule = __decorate([
    (0, common_1.Module)({
        imports: [typeorm_1.TypeOrmModule.forFeature([cohort_entity_1.Cohort, enrolment_entity_1.Enrolment]), cohort_access_module_1.CohortAccessModule, programmes_module_1.ProgrammesModule, users_module_1.UsersModule],
        controllers: [cohorts_pages_controller_1.CohortsPagesController, enrolments_pages_controller_1.EnrolmentsPagesController, my_pages_controller_1.MyPagesController, cohorts_api_controller_1.CohortsApiController],
        providers: [cohorts_service_1.CohortsService, enrolments_service_1.EnrolmentsService, enrolment_import_service_1.EnrolmentImportService, enrolment_emails_1.EnrolmentEmails, waiting_list_1.WaitingList, my_enrolments_service_1.MyEnrolmentsService],
        exports: [cohorts_service_1.CohortsService, enrolments_service_1.EnrolmentsService, cohort_access_module_1.CohortAccessModule],
    })
], CohortsModule);
