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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.MailRenderer = exports.EMAIL_VIEWS_DIR = void 0;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const common_1 = require("@nestjs/common");
const handlebars_1 = __importDefault(require("handlebars"));
const view_helpers_1 = require("../common/view-helpers");
const i18n_service_1 = require("../i18n/i18n.service");
exports.EMAIL_VIEWS_DIR = (0, node_path_1.join)(__dirname, '..', '..', 'views', 'emails');
/**
 * Renders views/emails/<name>.html.hbs and <name>.text.hbs inside the email layouts,
 * in the recipient's language; the subject is the `emails.<name>.subject` message.
 */
let MailRenderer = class MailRenderer {
    i18n;
    engine = handlebars_1.default.create();
    cache = new Map();
    constructor(i18n) {
        this.i18n = i18n;
        (0, view_helpers_1.registerViewHelpers)(this.engine, i18n);
    }
    render(template, lang, data) {
        if (!/^[a-z0-9-]+$/.test(template))
            throw new Error(`Invalid email template name: ${template}`);
        const subject = this.i18n.t(lang, `emails.${template}.subject`, data);
        const context = { ...data, lang, subject };
        const html = this.compile('layout.html')({ ...context, body: new handlebars_1.default.SafeString(this.compile(`${template}.html`)(context)) });
        const text = this.compile('layout.text')({ ...context, body: this.compile(`${template}.text`)(context) });
        return { subject, html, text };
    }
    compile(name) {
        let compiled = this.cache.get(name);
        if (!compiled) {
            const source = (0, node_fs_1.readFileSync)((0, node_path_1.join)(exports.EMAIL_VIEWS_DIR, `${name}.hbs`), 'utf8');
            compiled = this.engine.compile(source, { strict: false, noEscape: name.endsWith('.text') });
            this.cache.set(name, compiled);
        }
        return compiled;
    }
};
exports.MailRenderer = MailRenderer;
exports.MailRenderer = MailRenderer = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [i18n_service_1.I18nService])
], MailRenderer);
