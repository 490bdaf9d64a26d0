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
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionPool = void 0;
const common_1 = require("@nestjs/common");
const pg_1 = require("pg");
const app_config_1 = require("../config/app-config");
/** The small connection pool the session store uses; closed with the application. */
let SessionPool = class SessionPool {
    pool;
    constructor(config) {
        this.pool = new pg_1.Pool({ connectionString: config.env.DATABASE_URL, max: 5, application_name: 'kursors-sessions' });
    }
    async onApplicationShutdown() {
        await this.pool.end().catch(() => undefined);
    }
};
exports.SessionPool = SessionPool;
exports.SessionPool = SessionPool = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [app_config_1.AppConfig])
], SessionPool);
