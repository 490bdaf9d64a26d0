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
exports.AppConfig = void 0;
const common_1 = require("@nestjs/common");
const env_schema_1 = require("./env.schema");
/** Typed, validated settings; the one place the process environment is read. */
let AppConfig = class AppConfig {
    env;
    constructor(env) {
        this.env = Object.freeze(env ?? (0, env_schema_1.parseEnv)(process.env));
    }
    get isProduction() {
        return this.env.NODE_ENV === 'production';
    }
    get secureCookies() {
        return this.env.PUBLIC_URL.startsWith('https:');
    }
    publicUrl(path) {
        return new URL(path, this.env.PUBLIC_URL).toString();
    }
};
exports.AppConfig = AppConfig;
exports.AppConfig = AppConfig = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [Object])
], AppConfig);
