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
exports.FormViewInterceptor = exports.FormView = exports.FORM_VIEW_KEY = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const rxjs_1 = require("rxjs");
const i18n_service_1 = require("../i18n/i18n.service");
const errors_1 = require("./errors");
exports.FORM_VIEW_KEY = 'kursors:form-view';
/**
 * On a page POST, a DomainError re-renders the form with the submitted values and the errors tied to
 * their fields, instead of an error page. Handlers using it answer through `@Res()` (a redirect on success).
 */
const FormView = (view, locals) => (0, common_1.SetMetadata)(exports.FORM_VIEW_KEY, { view, locals });
exports.FormView = FormView;
let FormViewInterceptor = class FormViewInterceptor {
    reflector;
    i18n;
    constructor(reflector, i18n) {
        this.reflector = reflector;
        this.i18n = i18n;
    }
    intercept(context, next) {
        const options = this.reflector.get(exports.FORM_VIEW_KEY, context.getHandler());
        if (!options)
            return next.handle();
        const http = context.switchToHttp();
        const req = http.getRequest();
        const res = http.getResponse();
        return next.handle().pipe((0, rxjs_1.catchError)((error) => (0, rxjs_1.from)(this.renderForm(error, options, req, res))));
    }
    async renderForm(error, options, req, res) {
        // A missing record (404) has no form to show again; it gets the error page like any other refusal.
        if (!(error instanceof errors_1.DomainError) || error.status >= 500 || [401, 403, 404].includes(error.status))
            throw error;
        const fieldErrors = Object.fromEntries(error.fieldErrors.map((e) => [e.field, this.i18n.t(req.lang, `validation.${e.code}`, e.params)]));
        if (error instanceof errors_1.TooManyRequestsError)
            res.setHeader('Retry-After', String(error.retryAfterSeconds));
        const locals = options.locals ? await options.locals(req) : {};
        const { _csrf: _ignored, password: _p, passwordConfirm: _pc, ...values } = (req.body ?? {});
        res.status(error.status === 400 ? 422 : error.status).render(options.view, {
            ...locals,
            values: { ...locals.values, ...values },
            fieldErrors,
            errorSummary: error.fieldErrors.map((e) => ({ field: e.field, message: fieldErrors[e.field] })),
            formError: this.i18n.t(req.lang, error.messageKey, error.params),
        });
    }
};
exports.FormViewInterceptor = FormViewInterceptor;
exports.FormViewInterceptor = FormViewInterceptor = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.Reflector,
        i18n_service_1.I18nService])
], FormViewInterceptor);
