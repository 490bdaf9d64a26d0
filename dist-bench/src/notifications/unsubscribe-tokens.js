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
exports.UnsubscribeTokens = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const app_config_1 = require("../config/app-config");
/** Signed, stateless tokens for one-click unsubscribe links (RFC 8058). */
let UnsubscribeTokens = class UnsubscribeTokens {
    config;
    constructor(config) {
        this.config = config;
    }
    sign(userId, category) {
        const payload = Buffer.from(`${userId}:${category}`).toString('base64url');
        return `${payload}.${this.mac(payload)}`;
    }
    verify(token) {
        const [payload, mac] = token.split('.');
        if (!payload || !mac)
            return null;
        const expected = Buffer.from(this.mac(payload));
        const given = Buffer.from(mac);
        if (expected.length !== given.length || !(0, node_crypto_1.timingSafeEqual)(expected, given))
            return null;
        const [userId, category] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
        if (!userId || (category !== 'reminder' && category !== 'update'))
            return null;
        return { userId, category };
    }
    mac(payload) {
        return (0, node_crypto_1.createHmac)('sha256', this.config.env.SESSION_SECRET).update(`unsubscribe:${payload}`).digest('base64url');
    }
};
exports.UnsubscribeTokens = UnsubscribeTokens;
exports.UnsubscribeTokens = UnsubscribeTokens = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [app_config_1.AppConfig])
], UnsubscribeTokens);
