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
exports.AccessGuard = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const access_decorators_1 = require("./access.decorators");
const errors_1 = require("./errors");
/**
 * The one place that decides who may call a route. A route without a declared access rule is refused:
 * deny by default.
 */
let AccessGuard = class AccessGuard {
    reflector;
    constructor(reflector) {
        this.reflector = reflector;
    }
    canActivate(context) {
        if (context.getType() !== 'http')
            return true;
        const access = this.reflector.getAllAndOverride(access_decorators_1.ACCESS_KEY, [context.getHandler(), context.getClass()]);
        if (!access)
            throw new errors_1.ForbiddenError();
        if (access.kind === 'public')
            return true;
        const user = context.switchToHttp().getRequest().user;
        if (!user)
            throw new errors_1.UnauthenticatedError();
        if (access.kind === 'authenticated')
            return true;
        if (user.hasRole(...access.roles))
            return true;
        throw new errors_1.ForbiddenError();
    }
};
exports.AccessGuard = AccessGuard;
exports.AccessGuard = AccessGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.Reflector])
], AccessGuard);
