"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkerModule = void 0;
const common_1 = require("@nestjs/common");
const core_module_1 = require("./core.module");
const notifications_worker_module_1 = require("./notifications/notifications-worker.module");
const sessions_worker_module_1 = require("./sessions/sessions-worker.module");
const storage_cleanup_module_1 = require("./storage/storage-cleanup.module");
/** The background process: BullMQ processors and job schedulers, no HTTP. */
let WorkerModule = class WorkerModule {
};
exports.WorkerModule = WorkerModule;
exports.WorkerModule = WorkerModule = __decorate([
    (0, common_1.Module)({
        imports: [core_module_1.CoreModule, notifications_worker_module_1.NotificationsWorkerModule, storage_cleanup_module_1.StorageCleanupModule, sessions_worker_module_1.SessionsWorkerModule],
    })
], WorkerModule);
