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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisModule = exports.RedisLifecycle = exports.REDIS = void 0;
exports.redisOptions = redisOptions;
const common_1 = require("@nestjs/common");
const ioredis_1 = require("ioredis");
const app_config_1 = require("../config/app-config");
exports.REDIS = Symbol('REDIS');
/** Commands the application runs itself (rate limits, health); keys carry REDIS_PREFIX. */
let RedisLifecycle = class RedisLifecycle {
    redis;
    constructor(redis) {
        this.redis = redis;
    }
    async onApplicationShutdown() {
        await this.redis.quit().catch(() => this.redis.disconnect());
    }
};
exports.RedisLifecycle = RedisLifecycle;
exports.RedisLifecycle = RedisLifecycle = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(exports.REDIS)),
    __metadata("design:paramtypes", [ioredis_1.Redis])
], RedisLifecycle);
function redisOptions(_config) {
    return { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false };
}
let RedisModule = class RedisModule {
};
exports.RedisModule = RedisModule;
exports.RedisModule = RedisModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        providers: [
            {
                provide: exports.REDIS,
                inject: [app_config_1.AppConfig],
                useFactory: (config) => new ioredis_1.Redis(config.env.REDIS_URL, { ...redisOptions(config), keyPrefix: `${config.env.REDIS_PREFIX}:app:`, maxRetriesPerRequest: 2 }),
            },
            RedisLifecycle,
        ],
        exports: [exports.REDIS],
    })
], RedisModule);
