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
exports.UnsubscribeController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const unsubscribe_service_1 = require("./unsubscribe.service");
/**
 * The link in reminder and update emails. GET only asks (link scanners follow links); POST switches the
 * emails off, from the page's button or from a mail client's RFC 8058 one-click request.
 */
let UnsubscribeController = class UnsubscribeController {
    unsubscribe;
    constructor(unsubscribe) {
        this.unsubscribe = unsubscribe;
    }
    async ask(token) {
        const claim = await this.unsubscribe.inspect(token);
        return { titleKey: 'outbox.unsubscribe.title', questionKey: `outbox.unsubscribe.question.${claim.category}` };
    }
    async confirm(token, req) {
        const claim = await this.unsubscribe.confirm(token, req);
        return { titleKey: 'outbox.unsubscribe.title', doneKey: `outbox.unsubscribe.done.${claim.category}` };
    }
};
exports.UnsubscribeController = UnsubscribeController;
__decorate([
    (0, common_1.Get)(':token'),
    (0, common_1.Render)('pages/outbox/unsubscribe'),
    __param(0, (0, common_1.Param)('token')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], UnsubscribeController.prototype, "ask", null);
__decorate([
    (0, common_1.Post)(':token'),
    (0, common_1.HttpCode)(200),
    (0, common_1.Render)('pages/outbox/unsubscribed'),
    __param(0, (0, common_1.Param)('token')),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], UnsubscribeController.prototype, "confirm", null);
exports.UnsubscribeController = UnsubscribeController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, access_decorators_1.Public)(),
    (0, common_1.Controller)('unsubscribe'),
    __metadata("design:paramtypes", [unsubscribe_service_1.UnsubscribeService])
], UnsubscribeController);
