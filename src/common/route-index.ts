import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/** What the router keeps of each route or middleware (the `router` package's Layer): only what is read here. */
interface RouterLayer {
  route?: { path?: unknown };
  match(path: string): unknown;
}

/**
 * Where a route's fixed text ends: path-to-regexp's syntax (parameters, wildcards, groups, escapes and the
 * characters it reserves) or anything but printable ASCII.
 */
const SYNTAX = /[:*{}()[\]?+!\\]|[^\x20-\x7e]/;

/**
 * The text every path a route matches starts with, lower-cased: its path up to the first piece of syntax, without
 * the trailing slashes the router makes optional. Printable ASCII matches the same letters in either case and
 * nothing else (the router's expressions ignore case without Unicode rules), so a request whose lower-cased path
 * does not start with it cannot match.
 */
export function fixedPrefix(path: string): string {
  const loose = path.replace(/\/+$/, '') || '/';
  const end = loose.search(SYNTAX);
  return (end < 0 ? loose : loose.slice(0, end)).toLowerCase();
}

/**
 * Express tries a request against its routes one after another, running each route's regular expression, and
 * the platform has some 400 of them. Here each route whose path starts with fixed text (`/api/v1/me`,
 * `/api/v1/sessions/` of `/api/v1/sessions/:id`) is first asked whether the request's path starts with that
 * text, a comparison of two strings; only then does its regular expression run. The request's path is
 * lower-cased once for all routes.
 *
 * Nothing else changes: the routes keep their order, and a route is passed over only when its expression could
 * not have matched. Routes whose path starts with a parameter or a wildcard are matched as before. Returns how
 * many routes were given the first test.
 */
export function indexRoutes(stack: readonly object[]): number {
  let lastPath: string | undefined;
  let lowered = '';
  const lowerCased = (path: string) => {
    if (path !== lastPath) {
      lastPath = path;
      lowered = path.toLowerCase();
    }
    return lowered;
  };
  let indexed = 0;
  // Express's type declarations leave out the layers' `match`, which the router itself calls.
  for (const layer of stack as RouterLayer[]) {
    const path = layer.route?.path;
    if (typeof path !== 'string') continue;
    const prefix = fixedPrefix(path);
    if (prefix === '/') continue;
    const match = layer.match.bind(layer);
    layer.match = (requested: string) =>
      typeof requested === 'string' && !lowerCased(requested).startsWith(prefix) ? false : match(requested);
    indexed += 1;
  }
  return indexed;
}

/** Indexes the web application's routes once Nest has registered them all. */
@Injectable()
export class RouteIndex implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const app = this.adapterHost.httpAdapter?.getInstance<{ router?: { stack?: object[] } }>();
    if (app?.router?.stack) indexRoutes(app.router.stack);
  }
}
