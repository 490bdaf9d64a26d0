"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.StorageModule = void 0;
const node_fs_1 = require("node:fs");
const common_1 = require("@nestjs/common");
const app_config_1 = require("../config/app-config");
const local_storage_driver_1 = require("./local-storage.driver");
const orphan_file_cleaner_1 = require("./orphan-file-cleaner");
const storage_driver_1 = require("./storage-driver");
const storage_service_1 = require("./storage.service");
function createDriver(config) {
    switch (config.env.STORAGE_DRIVER) {
        case 'local': {
            const driver = new local_storage_driver_1.LocalStorageDriver(config.env.UPLOAD_DIR);
            (0, node_fs_1.mkdirSync)(driver.root, { recursive: true });
            return driver;
        }
    }
}
/** Where uploaded files live, chosen by STORAGE_DRIVER; every feature stores files through StorageService. */
let StorageModule = class StorageModule {
};
exports.StorageModule = StorageModule;
exports.StorageModule = StorageModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        providers: [{ provide: storage_driver_1.STORAGE_DRIVER, inject: [app_config_1.AppConfig], useFactory: createDriver }, storage_service_1.StorageService, orphan_file_cleaner_1.OrphanFileCleaner],
        exports: [storage_service_1.StorageService, orphan_file_cleaner_1.OrphanFileCleaner],
    })
], StorageModule);
