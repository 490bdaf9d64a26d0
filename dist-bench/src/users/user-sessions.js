"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.UserSessions = void 0;
const common_1 = require("@nestjs/common");
/** The web sessions table (written by the session store); a disabled user's sessions end here at once. */
let UserSessions = class UserSessions {
    async endAll(manager, userId) {
        const result = await manager.query(`DELETE FROM user_sessions WHERE sess->>'userId' = $1`, [userId]);
        return result[1] ?? 0;
    }
};
exports.UserSessions = UserSessions;
exports.UserSessions = UserSessions = __decorate([
    (0, common_1.Injectable)()
], UserSessions);
