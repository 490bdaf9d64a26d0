"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.LoggingModule = void 0;
exports.loggerParams = loggerParams;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const nestjs_pino_1 = require("nestjs-pino");
const app_config_1 = require("../config/app-config");
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** pino's settings: for the module, and for the worker's logger that must exist before its queues start. */
function loggerParams(config) {
    return {
        pinoHttp: {
            level: config.env.LOG_LEVEL,
            genReqId: (req) => {
                const given = req.headers['x-request-id'];
                return typeof given === 'string' && REQUEST_ID.test(given) ? given : (0, node_crypto_1.randomUUID)();
            },
            customAttributeKeys: { reqId: 'requestId' },
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url?.startsWith('/health') === true || req.url?.startsWith('/assets') === true },
            serializers: {
                req: (req) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
            },
        },
    };
}
/** JSON logs; every line of a request carries its id (taken from X-Request-Id when it is sane). */
let LoggingModule = class LoggingModule {
};
exports.LoggingModule = LoggingModule;
exports.LoggingModule = LoggingModule = __decorate([
    (0, common_1.Module)({
        imports: [nestjs_pino_1.LoggerModule.forRootAsync({ inject: [app_config_1.AppConfig], useFactory: loggerParams })],
    })
], LoggingModule);
