"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Roles = exports.Authenticated = exports.Public = exports.ACCESS_KEY = void 0;
const common_1 = require("@nestjs/common");
exports.ACCESS_KEY = 'kursors:access';
/** Anyone, signed in or not. */
const Public = () => (0, common_1.SetMetadata)(exports.ACCESS_KEY, { kind: 'public' });
exports.Public = Public;
/** Any signed-in user, whatever their roles. */
const Authenticated = () => (0, common_1.SetMetadata)(exports.ACCESS_KEY, { kind: 'authenticated' });
exports.Authenticated = Authenticated;
/** Signed-in users holding at least one of the roles. */
const Roles = (...roles) => (0, common_1.SetMetadata)(exports.ACCESS_KEY, { kind: 'roles', roles });
exports.Roles = Roles;
