"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProgrammesModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const cohort_access_module_1 = require("../cohorts/cohort-access.module");
const storage_module_1 = require("../storage/storage.module");
const indicator_entity_1 = require("./indicator.entity");
const indicators_api_controller_1 = require("./indicators-api.controller");
const indicators_pages_controller_1 = require("./indicators-pages.controller");
const indicators_service_1 = require("./indicators.service");
const part_entity_1 = require("./part.entity");
const parts_pages_controller_1 = require("./parts-pages.controller");
const parts_service_1 = require("./parts.service");
const programme_entity_1 = require("./programme.entity");
const programme_logo_controller_1 = require("./programme-logo.controller");
const programme_logo_service_1 = require("./programme-logo.service");
const programmes_api_controller_1 = require("./programmes-api.controller");
const programmes_pages_controller_1 = require("./programmes-pages.controller");
const programmes_service_1 = require("./programmes.service");
let ProgrammesModule = class ProgrammesModule {
};
exports.ProgrammesModule = ProgrammesModule;
exports.ProgrammesModule = ProgrammesModule = __decorate([
    (0, common_1.Module)({
        imports: [typeorm_1.TypeOrmModule.forFeature([programme_entity_1.Programme, part_entity_1.Part, indicator_entity_1.Indicator]), cohort_access_module_1.CohortAccessModule, storage_module_1.StorageModule],
        controllers: [programmes_pages_controller_1.ProgrammesPagesController, indicators_pages_controller_1.IndicatorsPagesController, parts_pages_controller_1.PartsPagesController, programme_logo_controller_1.ProgrammeLogoController, programmes_api_controller_1.ProgrammesApiController, indicators_api_controller_1.IndicatorsApiController],
        providers: [programmes_service_1.ProgrammesService, parts_service_1.PartsService, indicators_service_1.IndicatorsService, programme_logo_service_1.ProgrammeLogoService],
        exports: [programmes_service_1.ProgrammesService, parts_service_1.PartsService, indicators_service_1.IndicatorsService],
    })
], ProgrammesModule);
