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
exports.ProgrammeLogoController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const programme_logo_service_1 = require("./programme-logo.service");
/** The logo image in the footer of a programme's pages, for whoever may see the programme. */
let ProgrammeLogoController = class ProgrammeLogoController {
    logos;
    constructor(logos) {
        this.logos = logos;
    }
    async logo(user, id, res) {
        const { content, mimeType } = await this.logos.open(user, id);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Cache-Control', 'private, max-age=300');
        return new common_1.StreamableFile(content, { type: mimeType });
    }
};
exports.ProgrammeLogoController = ProgrammeLogoController;
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)(':id/logo'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', new parse_id_pipe_1.ParseIdPipe('programmes.errors.notFound'))),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, String, Object]),
    __metadata("design:returntype", Promise)
], ProgrammeLogoController.prototype, "logo", null);
exports.ProgrammeLogoController = ProgrammeLogoController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.Controller)('programmes'),
    __metadata("design:paramtypes", [programme_logo_service_1.ProgrammeLogoService])
], ProgrammeLogoController);
