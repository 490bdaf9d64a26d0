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
exports.LoginRateLimiter = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../config/app-config");
const redis_module_1 = require("../redis/redis.module");
const secrets_1 = require("./secrets");
const auth_errors_1 = require("./auth.errors");
/**
 * Counts failed logins per account and per address in fixed windows in Redis, shared by every web
 * process. A success clears the account's count.
 */
let LoginRateLimiter = class LoginRateLimiter {
    redis;
    config;
    constructor(redis, config) {
        this.redis = redis;
        this.config = config;
    }
    async assertAllowed(email, ip) {
        const keys = this.keys(email, ip);
        const [account, address] = await this.redis.mget(keys.account, keys.address);
        const { LOGIN_MAX_PER_ACCOUNT, LOGIN_MAX_PER_ADDRESS } = this.config.env;
        const blocked = [];
        if (Number(account ?? 0) >= LOGIN_MAX_PER_ACCOUNT)
            blocked.push(keys.account);
        if (Number(address ?? 0) >= LOGIN_MAX_PER_ADDRESS)
            blocked.push(keys.address);
        if (!blocked.length)
            return;
        const ttls = await Promise.all(blocked.map((key) => this.redis.pttl(key)));
        throw new auth_errors_1.LoginRateLimitedError(Math.ceil(Math.max(1000, ...ttls) / 1000));
    }
    async recordFailure(email, ip) {
        const keys = this.keys(email, ip);
        const windowMs = this.config.env.LOGIN_WINDOW_MINUTES * 60_000;
        await this.redis
            .multi()
            .incr(keys.account)
            .pexpire(keys.account, windowMs, 'NX')
            .incr(keys.address)
            .pexpire(keys.address, windowMs, 'NX')
            .exec();
    }
    async recordSuccess(email) {
        await this.redis.del(this.keys(email, '').account);
    }
    keys(email, ip) {
        return { account: `login:account:${(0, secrets_1.sha256)(email.toLowerCase())}`, address: `login:address:${ip}` };
    }
};
exports.LoginRateLimiter = LoginRateLimiter;
exports.LoginRateLimiter = LoginRateLimiter = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(redis_module_1.REDIS)),
    __metadata("design:paramtypes", [Function, app_config_1.AppConfig])
], LoginRateLimiter);
