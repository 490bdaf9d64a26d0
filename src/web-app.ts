import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import session from 'express-session';
import type { HelmetOptions } from 'helmet';
import hbs from 'hbs';
import { Logger } from 'nestjs-pino';
import { hasBearerToken, SessionAuth } from './auth/session-auth';
import { buildOpenApiDocument } from './common/api-docs';
import { SessionStore } from './auth/session-store';
import { LANGUAGE_COOKIE, SESSION_COOKIE } from './common/cookies';
import { csrfProtection, csrfToken } from './common/csrf';
import { weakEtag } from './common/etag';
import { AllExceptionsFilter } from './common/exception.filter';
import { QUEUE_DASHBOARD_PATH, queueDashboard } from './common/queue-dashboard';
import { existingSession, lazySession } from './common/lazy-session';
import { middlewareChain } from './common/middleware-chain';
import { isApiRequest } from './common/request';
import { requestLogging } from './common/request-logging';
import { securityHeaders } from './common/security-headers';
import { registerPartials, registerViewHelpers } from './common/view-helpers';
import { AppConfig } from './config/app-config';
import { I18nService, isLanguage } from './i18n/i18n.service';
import { navigationFor } from './common/navigation';
import { WebModule } from './web.module';

const ROOT = join(__dirname, '..');

function takeFlash(req: Request) {
  const held = existingSession(req);
  const flash = held?.flash ?? [];
  if (held?.flash) delete held.flash;
  return flash;
}

function pickLanguage(req: Request): void {
  const cookie = (req.cookies as Record<string, string> | undefined)?.[LANGUAGE_COOKIE];
  const chosen = req.user?.language ?? existingSession(req)?.lang ?? cookie;
  req.lang = isLanguage(chosen) ? chosen : 'lv';
}

function sessionMiddleware(config: AppConfig, store: SessionStore) {
  return session({
    name: SESSION_COOKIE,
    secret: config.env.SESSION_SECRET,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      maxAge: config.env.SESSION_IDLE_MINUTES * 60_000,
    },
  });
}

const expressRedirect = express.response.redirect as (this: Response, ...args: unknown[]) => void;

/**
 * express-session writes a response's headers before its save has finished, so a browser following a redirect
 * could read the session before the flash or language the handler just put in it is stored, and show it a page
 * later. A redirect waits for the save; a visitor's empty session stays unsaved, as saveUninitialized wants.
 */
function redirectAfterSessionSave(this: Response, ...args: unknown[]): void {
  const held = existingSession(this.req);
  if (!held || Object.keys(held).every((key) => key === 'cookie')) return expressRedirect.apply(this, args);
  // Should the save fail, the change itself is done: the person still goes on, only without its message.
  held.save(() => expressRedirect.apply(this, args));
}

function saveSessionBeforeRedirect(_req: Request, res: Response, next: NextFunction): void {
  res.redirect = redirectAfterSessionSave as Response['redirect'];
  next();
}

/** helmet's settings; the headers they give are the same on every response (see securityHeaders). */
const SECURITY_HEADERS: HelmetOptions = {
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
};

/**
 * Errors raised by the middleware above the routes (the session store or a token lookup while PostgreSQL is
 * down, a missing CSRF token) get the same answers as errors in the routes, in the reader's language.
 */
function middlewareErrors(filter: AllExceptionsFilter) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (!res.locals.lang) {
      pickLanguage(req);
      Object.assign(res.locals, { lang: req.lang, otherLang: req.lang === 'lv' ? 'en' : 'lv', nav: [], currentUser: null });
    }
    filter.respond(err, req, res);
  };
}

/** The Express pipeline shared by production, the quick start and the tests. */
export async function configureWebApp(app: NestExpressApplication): Promise<void> {
  const config = app.get(AppConfig);
  const i18n = app.get(I18nService);
  const auth = app.get(SessionAuth);

  app.useLogger(app.get(Logger));
  // Whom to believe about the client's address and scheme (req.ip, req.secure; the session cookie follows it).
  app.set('trust proxy', config.env.TRUST_PROXY);
  app.set('query parser', 'extended');
  app.disable('x-powered-by');
  app.set('etag', weakEtag);
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { limit: '1mb', extended: true, parameterLimit: 2000 });

  app.setBaseViewsDir(join(ROOT, 'views'));
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layouts/main' });
  registerPartials(hbs, join(ROOT, 'views', 'partials'));
  registerViewHelpers(hbs, i18n);

  // The middleware every request passes through runs as two chains, each one layer of the router.
  app.use(
    middlewareChain(
      requestLogging(),
      securityHeaders(SECURITY_HEADERS),
      // Text only (pages, JSON, CSS, CSV, calendars): the default filter skips types that are compressed already
      // (PDF, ZIP, images, office files), and stored files say no-transform.
      compression(),
    ),
  );
  app.useStaticAssets(join(ROOT, 'public'), { prefix: '/assets/', maxAge: config.isProduction ? '7d' : 0 });
  const sessions = lazySession(SESSION_COOKIE, sessionMiddleware(config, app.get(SessionStore)));
  app.use(
    middlewareChain(
      cookieParser(),
      // An API call with a bearer token is not a browser session: no session id is made, read or signed for it.
      (req: Request, res: Response, next: NextFunction) => (isApiRequest(req) && hasBearerToken(req) ? next() : sessions(req, res, next)),
      saveSessionBeforeRedirect,
      auth.middleware,
      (req: Request, res: Response, next: NextFunction) => {
        pickLanguage(req);
        if (!isApiRequest(req)) {
          res.setHeader('Cache-Control', 'no-store');
          Object.assign(res.locals, {
            lang: req.lang,
            otherLang: req.lang === 'lv' ? 'en' : 'lv',
            currentUser: req.user ? { id: req.user.id, name: req.user.name, roles: req.user.roles } : null,
            nav: navigationFor(req.user, req.path),
            currentPath: req.originalUrl,
            fundingStatement: config.env.FUNDING_STATEMENT,
            csrfToken: () => csrfToken(req),
            // Taken only when a page actually shows it, so a stray request (a missing icon, say) cannot eat it.
            flash: () => takeFlash(req),
          });
        }
        next();
      },
    ),
  );
  app.use(QUEUE_DASHBOARD_PATH, ...queueDashboard(app));
  app.use(csrfProtection);
  app.use(middlewareErrors(new AllExceptionsFilter(i18n)));

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app, config.env.PUBLIC_URL), { jsonDocumentUrl: 'api/docs-json' });
  // No shutdown hooks here: a web process stops through drainOnSignals (src/web-drain.ts), which lets the
  // requests in flight finish before the application closes.
}

export async function createWebApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(WebModule, { bufferLogs: true });
  await configureWebApp(app);
  return app;
}
