"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CoreModule = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const audit_module_1 = require("./audit/audit.module");
const logging_module_1 = require("./common/logging.module");
const app_config_1 = require("./config/app-config");
const config_module_1 = require("./config/config.module");
const database_module_1 = require("./database/database.module");
const i18n_module_1 = require("./i18n/i18n.module");
const notifications_module_1 = require("./notifications/notifications.module");
const redis_module_1 = require("./redis/redis.module");
/** What both the web and the worker process need. */
let CoreModule = class CoreModule {
};
exports.CoreModule = CoreModule;
exports.CoreModule = CoreModule = __decorate([
    (0, common_1.Module)({
        imports: [
            config_module_1.ConfigModule,
            logging_module_1.LoggingModule,
            database_module_1.DatabaseModule,
            redis_module_1.RedisModule,
            bullmq_1.BullModule.forRootAsync({
                inject: [app_config_1.AppConfig],
                useFactory: (config) => ({
                    connection: { url: config.env.REDIS_URL, maxRetriesPerRequest: null },
                    prefix: `${config.env.REDIS_PREFIX}:bull`,
                }),
            }),
            i18n_module_1.I18nModule,
            audit_module_1.AuditModule,
            notifications_module_1.NotificationsModule,
        ],
    })
], CoreModule);
