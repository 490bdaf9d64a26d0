import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { ModulesContainer } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { I18nService } from '../i18n/i18n.service';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

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

const QUEUE_TOKEN_PREFIX = getQueueToken('x').slice(0, -1);

/**
 * The names of the queues registered with `BullModule.registerQueue` anywhere under these modules, read from
 * their metadata without starting them: the web process uses it to know the worker's queues.
 */
export function queuesRegisteredUnder(...roots: unknown[]): string[] {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (entry: unknown): void => {
    if (!entry || seen.has(entry)) return;
    seen.add(entry);
    if (typeof entry === 'function') {
      for (const imported of (Reflect.getMetadata('imports', entry) as unknown[] | undefined) ?? []) visit(imported);
      return;
    }
    const dynamic = entry as { module?: unknown; imports?: unknown[]; providers?: unknown[]; forwardRef?: () => unknown };
    if (dynamic.forwardRef) return visit(dynamic.forwardRef());
    for (const provider of dynamic.providers ?? []) {
      const token = (provider as { provide?: unknown }).provide;
      if (typeof token === 'string' && token.startsWith(QUEUE_TOKEN_PREFIX)) names.add(token.slice(QUEUE_TOKEN_PREFIX.length));
    }
    for (const imported of dynamic.imports ?? []) visit(imported);
    visit(dynamic.module);
  };
  for (const root of roots) visit(root);
  return [...names].sort();
}

/** Every queue registered with BullModule, found in the application itself so features need not list theirs here. */
function registeredQueues(app: INestApplication): Queue[] {
  const queues = new Map<string, Queue>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      if (wrapper.instance instanceof Queue) queues.set(wrapper.instance.name, wrapper.instance);
    }
  }
  return [...queues.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The dashboard's writes (retry, clean) come from its own scripts, which send no CSRF token; the browser's
 * Sec-Fetch-Site or Origin header tells that they come from this site.
 */
function fromThisSite(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = req.get('origin');
  return !origin || origin === `${req.protocol}://${req.get('host')}`;
}

function adminsOnly(i18n: I18nService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.user) {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    if (!req.user.hasRole('admin') || (!SAFE_METHODS.has(req.method) && !fromThisSite(req))) {
      res
        .status(403)
        .render('pages/error', { titleKey: 'errorPage.title.403', statusCode: 403, message: i18n.t(req.lang, 'errors.forbidden') });
      return;
    }
    res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
    next();
  };
}

/** The BullMQ dashboard at /admin/queues, for signed-in administrators only. Mount after the session and auth middleware. */
export function queueDashboard(app: INestApplication): RequestHandler[] {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: registeredQueues(app).map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Kursors', hideDocsLink: true, miscLinks: [{ text: 'Kursors', url: '/' }] } },
  });
  return [adminsOnly(app.get(I18nService)), serverAdapter.getRouter() as RequestHandler];
}
