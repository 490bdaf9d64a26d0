"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.QUEUE_DASHBOARD_PATH = void 0;
exports.queueDashboard = queueDashboard;
const api_1 = require("@bull-board/api");
const bullMQAdapter_1 = require("@bull-board/api/bullMQAdapter");
const express_1 = require("@bull-board/express");
const core_1 = require("@nestjs/core");
const bullmq_1 = require("bullmq");
const i18n_service_1 = require("../i18n/i18n.service");
exports.QUEUE_DASHBOARD_PATH = '/admin/queues';
/** bull-board's UI needs inline styles; everything else stays as strict as the rest of the site. */
const DASHBOARD_CSP = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
].join('; ');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Every queue registered with BullModule, found in the application itself so features need not list theirs here. */
function registeredQueues(app) {
    const queues = new Map();
    for (const module of app.get(core_1.ModulesContainer).values()) {
        for (const wrapper of module.providers.values()) {
            if (wrapper.instance instanceof bullmq_1.Queue)
                queues.set(wrapper.instance.name, wrapper.instance);
        }
    }
    return [...queues.values()].sort((a, b) => a.name.localeCompare(b.name));
}
/**
 * The dashboard's writes (retry, clean) come from its own scripts, which send no CSRF token; the browser's
 * Sec-Fetch-Site or Origin header tells that they come from this site.
 */
function fromThisSite(req) {
    const site = req.get('sec-fetch-site');
    if (site)
        return site === 'same-origin';
    const origin = req.get('origin');
    return !origin || origin === `${req.protocol}://${req.get('host')}`;
}
function adminsOnly(i18n) {
    return (req, res, next) => {
        if (!req.user) {
            res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
            return;
        }
        if (!req.user.hasRole('admin') || (!SAFE_METHODS.has(req.method) && !fromThisSite(req))) {
            res.status(403).render('pages/error', { titleKey: 'errorPage.title.403', statusCode: 403, message: i18n.t(req.lang, 'errors.forbidden') });
            return;
        }
        res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
        next();
    };
}
/** The BullMQ dashboard at /admin/queues, for signed-in administrators only. Mount after the session and auth middleware. */
function queueDashboard(app) {
    const serverAdapter = new express_1.ExpressAdapter();
    serverAdapter.setBasePath(exports.QUEUE_DASHBOARD_PATH);
    (0, api_1.createBullBoard)({
        queues: registeredQueues(app).map((queue) => new bullMQAdapter_1.BullMQAdapter(queue)),
        // @bull-board/express 9.10.1 pins its own copy of @bull-board/api 9.10.1; the two copies differ only in their private members.
        serverAdapter: serverAdapter,
        options: { uiConfig: { boardTitle: 'Kursors', hideDocsLink: true, miscLinks: [{ text: 'Kursors', url: '/' }] } },
    });
    return [adminsOnly(app.get(i18n_service_1.I18nService)), serverAdapter.getRouter()];
}
