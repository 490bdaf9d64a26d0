"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.StorageCleanupModule = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const storage_cleanup_processor_1 = require("./storage-cleanup.processor");
const storage_module_1 = require("./storage.module");
/** The nightly orphan-file cleanup: worker process only. */
let StorageCleanupModule = class StorageCleanupModule {
};
exports.StorageCleanupModule = StorageCleanupModule;
exports.StorageCleanupModule = StorageCleanupModule = __decorate([
    (0, common_1.Module)({
        imports: [storage_module_1.StorageModule, bullmq_1.BullModule.registerQueue({ name: storage_cleanup_processor_1.STORAGE_CLEANUP_QUEUE })],
        providers: [storage_cleanup_processor_1.StorageCleanupScheduler, storage_cleanup_processor_1.StorageCleanupProcessor],
    })
], StorageCleanupModule);
