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
exports.CalendarController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const parse_id_pipe_1 = require("../common/parse-id.pipe");
const calendar_errors_1 = require("./calendar.errors");
const calendar_service_1 = require("./calendar.service");
const SESSION_ID = new parse_id_pipe_1.ParseIdPipe('sessions.errors.notFound');
const CALENDAR = 'text/calendar; charset=utf-8';
/** The private feed (public route, secret URL), single-session downloads, and the page and API of one's link. */
let CalendarController = class CalendarController {
    calendar;
    constructor(calendar) {
        this.calendar = calendar;
    }
    async feed(userId, file, res) {
        if (!file.endsWith('.ics'))
            throw new calendar_errors_1.CalendarFeedNotFoundError();
        const body = await this.calendar.feed(userId, file.slice(0, -'.ics'.length));
        res.setHeader('Content-Type', CALENDAR);
        res.setHeader('Content-Disposition', 'inline; filename="kursors.ics"');
        res.setHeader('X-Robots-Tag', 'noindex');
        res.send(body);
    }
    async sessionFile(id, user, req, res) {
        const { fileName, body } = await this.calendar.sessionFile(user, id, req.lang);
        res.setHeader('Content-Type', CALENDAR);
        res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
        res.send(body);
    }
    page(user) {
        return { titleKey: 'calendar.page.title', link: this.calendar.link(user) };
    }
    async renewPage(user, req, res) {
        await this.calendar.renew(user, req);
        req.session.flash = [{ kind: 'success', key: 'calendar.flash.renewed' }];
        res.redirect(303, '/my/calendar');
    }
    api(user) {
        return this.calendar.link(user);
    }
    renewApi(user, req) {
        return this.calendar.renew(user, req);
    }
};
exports.CalendarController = CalendarController;
__decorate([
    (0, access_decorators_1.Public)(),
    (0, common_1.Get)('calendar/:userId/:file'),
    (0, swagger_1.ApiExcludeEndpoint)(),
    __param(0, (0, common_1.Param)('userId')),
    __param(1, (0, common_1.Param)('file')),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], CalendarController.prototype, "feed", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('sessions/:id/ics'),
    (0, swagger_1.ApiExcludeEndpoint)(),
    __param(0, (0, common_1.Param)('id', SESSION_ID)),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Function, Object, Object]),
    __metadata("design:returntype", Promise)
], CalendarController.prototype, "sessionFile", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('my/calendar'),
    (0, swagger_1.ApiExcludeEndpoint)(),
    (0, common_1.Render)('pages/calendar/link'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function]),
    __metadata("design:returntype", void 0)
], CalendarController.prototype, "page", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Post)('my/calendar/renew'),
    (0, swagger_1.ApiExcludeEndpoint)(),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __param(2, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object, Object]),
    __metadata("design:returntype", Promise)
], CalendarController.prototype, "renewPage", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)('api/v1/me/calendar'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiCookieAuth)(),
    (0, swagger_1.ApiOperation)({ summary: 'My private calendar feed URL (iCalendar); anyone with it can read my schedule' }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function]),
    __metadata("design:returntype", void 0)
], CalendarController.prototype, "api", null);
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Post)('api/v1/me/calendar/renew'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiCookieAuth)(),
    (0, swagger_1.ApiOperation)({ summary: 'Replace my calendar feed URL; the old one stops working' }),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function, Object]),
    __metadata("design:returntype", void 0)
], CalendarController.prototype, "renewApi", null);
exports.CalendarController = CalendarController = __decorate([
    (0, swagger_1.ApiTags)('calendar'),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [calendar_service_1.CalendarService])
], CalendarController);
