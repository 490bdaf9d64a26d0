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
exports.Mailer = void 0;
exports.mailOptions = mailOptions;
const common_1 = require("@nestjs/common");
const nodemailer_1 = require("nodemailer");
const app_config_1 = require("../config/app-config");
/** The envelope and headers of an outbox row as sent: its own Message-ID, and RFC 8058 one-click unsubscribe where it can be switched off. */
function mailOptions(message, from) {
    const headers = { 'Auto-Submitted': 'auto-generated' };
    const unsubscribeUrl = message.data?.unsubscribeUrl;
    if (message.category !== 'account' && typeof unsubscribeUrl === 'string') {
        headers['List-Unsubscribe'] = `<${unsubscribeUrl}>`;
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    return {
        from,
        to: message.recipientEmail,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId: message.messageId,
        headers,
    };
}
/** SMTP delivery from SMTP_URL; without it there is no transport and emails stay in the outbox. */
let Mailer = class Mailer {
    config;
    transport;
    constructor(config) {
        this.config = config;
        const url = config.env.SMTP_URL;
        // Short timeouts: a delivery holds its outbox row locked while it talks to the server.
        this.transport = url ? (0, nodemailer_1.createTransport)({ url, pool: true, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 }) : undefined;
    }
    get enabled() {
        return this.transport !== undefined;
    }
    async send(message) {
        if (!this.transport)
            throw new Error('SMTP is not configured');
        await this.transport.sendMail(mailOptions(message, this.config.env.MAIL_FROM));
    }
    onApplicationShutdown() {
        this.transport?.close();
    }
};
exports.Mailer = Mailer;
exports.Mailer = Mailer = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [app_config_1.AppConfig])
], Mailer);
