"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CurrentUser = void 0;
const common_1 = require("@nestjs/common");
const errors_1 = require("./errors");
/** The signed-in user; only on routes the AccessGuard has let through as signed in. */
exports.CurrentUser = (0, common_1.createParamDecorator)((_data, context) => {
    const user = context.switchToHttp().getRequest().user;
    if (!user)
        throw new errors_1.UnauthenticatedError();
    return user;
});
