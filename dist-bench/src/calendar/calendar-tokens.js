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
exports.CalendarTokens = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const app_config_1 = require("../config/app-config");
/**
 * The secret part of a calendar feed URL, derived without storing anything: HMAC(SESSION_SECRET, user id and
 * feed version). Renewing the link raises the version, so the old URL stops working at once.
 */
let CalendarTokens = class CalendarTokens {
    config;
    constructor(config) {
        this.config = config;
    }
    token(userId, version) {
        return (0, node_crypto_1.createHmac)('sha256', this.config.env.SESSION_SECRET).update(`calendar-feed:${userId}:${version}`).digest('base64url').slice(0, 32);
    }
    verify(userId, version, given) {
        const expected = Buffer.from(this.token(userId, version));
        const actual = Buffer.from(given);
        return expected.length === actual.length && (0, node_crypto_1.timingSafeEqual)(expected, actual);
    }
};
exports.CalendarTokens = CalendarTokens;
exports.CalendarTokens = CalendarTokens = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [app_config_1.AppConfig])
], CalendarTokens);
