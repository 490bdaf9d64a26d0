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
exports.AllExceptionsFilter = void 0;
const common_1 = require("@nestjs/common");
const i18n_service_1 = require("../i18n/i18n.service");
const errors_1 = require("./errors");
const request_1 = require("./request");
const HTTP_CODES = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    409: 'CONFLICT',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    422: 'UNPROCESSABLE_ENTITY',
    429: 'TOO_MANY_REQUESTS',
};
/**
 * One mapping from errors to responses: JSON `{ statusCode, code, message, errors }` under /api,
 * an error page in the user's language elsewhere. Unknown errors are logged and shown as a plain 500.
 */
let AllExceptionsFilter = class AllExceptionsFilter {
    i18n;
    logger = new common_1.Logger('HTTP');
    constructor(i18n) {
        this.i18n = i18n;
    }
    catch(exception, host) {
        const ctx = host.switchToHttp();
        const req = ctx.getRequest();
        const res = ctx.getResponse();
        const body = this.toBody(exception, req);
        if (res.headersSent) {
            res.end();
            return;
        }
        if (exception instanceof errors_1.TooManyRequestsError)
            res.setHeader('Retry-After', String(exception.retryAfterSeconds));
        if ((0, request_1.isApiRequest)(req)) {
            res.status(body.statusCode).json(body);
            return;
        }
        if (body.statusCode === 401) {
            const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
            res.redirect(303, `/login${next}`);
            return;
        }
        res.status(body.statusCode).render('pages/error', {
            titleKey: `errorPage.title.${body.statusCode}`,
            statusCode: body.statusCode,
            message: body.message,
            errors: body.errors,
        });
    }
    toBody(exception, req) {
        const lang = req.lang ?? 'lv';
        if (exception instanceof errors_1.DomainError) {
            const errors = exception.fieldErrors.map((e) => ({
                field: e.field,
                code: e.code,
                message: this.i18n.t(lang, `validation.${e.code}`, e.params),
            }));
            return {
                statusCode: exception.status,
                code: exception.code,
                message: this.i18n.t(lang, exception.messageKey, exception.params),
                ...(errors.length ? { errors } : {}),
            };
        }
        if (exception instanceof common_1.HttpException) {
            const status = exception.getStatus();
            const key = `errorPage.message.${status}`;
            return {
                statusCode: status,
                code: HTTP_CODES[status] ?? `HTTP_${status}`,
                message: this.i18n.has(lang, key) ? this.i18n.t(lang, key) : exception.message,
            };
        }
        const parserError = exception;
        if (parserError?.type === 'entity.parse.failed' || parserError?.type === 'entity.too.large') {
            const status = parserError.status ?? 400;
            return { statusCode: status, code: HTTP_CODES[status] ?? 'BAD_REQUEST', message: this.i18n.t(lang, `errorPage.message.${status}`) };
        }
        this.logger.error({ err: exception, requestId: req.id }, 'Unhandled error');
        return {
            statusCode: common_1.HttpStatus.INTERNAL_SERVER_ERROR,
            code: 'INTERNAL_ERROR',
            message: this.i18n.t(lang, 'errorPage.message.500', { requestId: String(req.id) }),
        };
    }
};
exports.AllExceptionsFilter = AllExceptionsFilter;
exports.AllExceptionsFilter = AllExceptionsFilter = __decorate([
    (0, common_1.Catch)(),
    __metadata("design:paramtypes", [i18n_service_1.I18nService])
], AllExceptionsFilter);
