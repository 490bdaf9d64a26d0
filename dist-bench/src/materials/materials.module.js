"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.MaterialsModule = void 0;
const common_1 = require("@nestjs/common");
const cohort_access_module_1 = require("../cohorts/cohort-access.module");
const storage_module_1 = require("../storage/storage.module");
const materials_api_controller_1 = require("./materials-api.controller");
const materials_pages_controller_1 = require("./materials-pages.controller");
const materials_service_1 = require("./materials.service");
/** Methodological materials of parts and cohorts. */
let MaterialsModule = class MaterialsModule {
};
exports.MaterialsModule = MaterialsModule;
exports.MaterialsModule = MaterialsModule = __decorate([
    (0, common_1.Module)({
        imports: [cohort_access_module_1.CohortAccessModule, storage_module_1.StorageModule],
        controllers: [materials_pages_controller_1.MaterialsPagesController, materials_api_controller_1.MaterialsApiController],
        providers: [materials_service_1.MaterialsService],
        exports: [materials_service_1.MaterialsService],
    })
], MaterialsModule);
