"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.configureWebApp = configureWebApp;
exports.createWebApp = createWebApp;
const node_path_1 = require("node:path");
const core_1 = require("@nestjs/core");
const swagger_1 = require("@nestjs/swagger");
const connect_pg_simple_1 = __importDefault(require("connect-pg-simple"));
const cookie_parser_1 = __importDefault(require("cookie-parser"));
const express_session_1 = __importDefault(require("express-session"));
const helmet_1 = __importDefault(require("helmet"));
const hbs_1 = __importDefault(require("hbs"));
const nestjs_pino_1 = require("nestjs-pino");
const session_auth_1 = require("./auth/session-auth");
const session_pool_1 = require("./auth/session-pool");
const cookies_1 = require("./common/cookies");
const csrf_1 = require("./common/csrf");
const queue_dashboard_1 = require("./common/queue-dashboard");
const request_1 = require("./common/request");
const view_helpers_1 = require("./common/view-helpers");
const app_config_1 = require("./config/app-config");
const i18n_service_1 = require("./i18n/i18n.service");
const navigation_1 = require("./common/navigation");
const web_module_1 = require("./web.module");
const ROOT = (0, node_path_1.join)(__dirname, '..');
function takeFlash(req) {
    const flash = req.session?.flash ?? [];
    if (req.session?.flash)
        delete req.session.flash;
    return flash;
}
function pickLanguage(req) {
    const cookie = req.cookies?.[cookies_1.LANGUAGE_COOKIE];
    const chosen = req.user?.language ?? req.session?.lang ?? cookie;
    req.lang = (0, i18n_service_1.isLanguage)(chosen) ? chosen : 'lv';
}
function sessionMiddleware(config, pool) {
    const PgStore = (0, connect_pg_simple_1.default)(express_session_1.default);
    return (0, express_session_1.default)({
        name: cookies_1.SESSION_COOKIE,
        secret: config.env.SESSION_SECRET,
        store: new PgStore({ pool, tableName: 'user_sessions', createTableIfMissing: false, pruneSessionInterval: config.env.NODE_ENV === 'test' ? false : 900 }),
        resave: false,
        saveUninitialized: false,
        rolling: true,
        proxy: config.env.TRUST_PROXY,
        cookie: {
            httpOnly: true,
            sameSite: 'lax',
            secure: config.secureCookies,
            maxAge: config.env.SESSION_IDLE_MINUTES * 60_000,
        },
    });
}
function contentSecurityPolicy() {
    return (0, helmet_1.default)({
        contentSecurityPolicy: {
            useDefaults: false,
            directives: {
                defaultSrc: ["'self'"],
                scriptSrc: ["'self'"],
                styleSrc: ["'self'"],
                imgSrc: ["'self'", 'data:'],
                fontSrc: ["'self'"],
                connectSrc: ["'self'"],
                formAction: ["'self'"],
                frameAncestors: ["'none'"],
                objectSrc: ["'none'"],
                baseUri: ["'self'"],
            },
        },
        crossOriginEmbedderPolicy: false,
    });
}
/** The Express pipeline shared by production, the quick start and the tests. */
async function configureWebApp(app) {
    const config = app.get(app_config_1.AppConfig);
    const i18n = app.get(i18n_service_1.I18nService);
    const auth = app.get(session_auth_1.SessionAuth);
    app.useLogger(app.get(nestjs_pino_1.Logger));
    app.set('trust proxy', config.env.TRUST_PROXY ? 1 : false);
    app.set('query parser', 'extended');
    app.disable('x-powered-by');
    app.useBodyParser('json', { limit: '1mb' });
    app.useBodyParser('urlencoded', { limit: '1mb', extended: true, parameterLimit: 2000 });
    app.setBaseViewsDir((0, node_path_1.join)(ROOT, 'views'));
    app.setViewEngine('hbs');
    app.set('view options', { layout: 'layouts/main' });
    (0, view_helpers_1.registerPartials)(hbs_1.default, (0, node_path_1.join)(ROOT, 'views', 'partials'));
    (0, view_helpers_1.registerViewHelpers)(hbs_1.default, i18n);
    app.use(contentSecurityPolicy());
    app.useStaticAssets((0, node_path_1.join)(ROOT, 'public'), { prefix: '/assets/', maxAge: config.isProduction ? '7d' : 0 });
    app.use((0, cookie_parser_1.default)());
    app.use(sessionMiddleware(config, app.get(session_pool_1.SessionPool).pool));
    app.use(auth.middleware);
    app.use((req, res, next) => {
        pickLanguage(req);
        if (!(0, request_1.isApiRequest)(req)) {
            res.setHeader('Cache-Control', 'no-store');
            Object.assign(res.locals, {
                lang: req.lang,
                otherLang: req.lang === 'lv' ? 'en' : 'lv',
                currentUser: req.user ? { id: req.user.id, name: req.user.name, roles: req.user.roles } : null,
                nav: (0, navigation_1.navigationFor)(req.user, req.path),
                currentPath: req.originalUrl,
                fundingStatement: config.env.FUNDING_STATEMENT,
                csrfToken: () => (0, csrf_1.csrfToken)(req),
                // Taken only when a page actually shows it, so a stray request (a missing icon, say) cannot eat it.
                flash: () => takeFlash(req),
            });
        }
        next();
    });
    app.use(queue_dashboard_1.QUEUE_DASHBOARD_PATH, ...(0, queue_dashboard_1.queueDashboard)(app));
    app.use(csrf_1.csrfProtection);
    const openApi = new swagger_1.DocumentBuilder()
        .setTitle('Kursors API')
        .setDescription('Programmes, schedules, coursework, exams and certificates of Kursors. Authenticate with a session cookie (plus X-CSRF-Token on writes) or `Authorization: Bearer <personal API token>`.')
        .setVersion('1')
        .addBearerAuth()
        .addCookieAuth(cookies_1.SESSION_COOKIE)
        .build();
    swagger_1.SwaggerModule.setup('api/docs', app, () => swagger_1.SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs-json' });
    app.enableShutdownHooks();
}
async function createWebApp() {
    const app = await core_1.NestFactory.create(web_module_1.WebModule, { bufferLogs: true });
    await configureWebApp(app);
    return app;
}
