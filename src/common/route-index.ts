import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Router, type NextFunction, type Request, type Response } from 'express';

/** What the router keeps of each route or middleware (the `router` package's Layer): only what is read here. */
interface RouterLayer {
  route?: { path?: unknown; methods?: Record<string, boolean> };
}

/** The router's own properties used here; Express's type declarations leave out its `params`. */
interface RouterInternals {
  stack: RouterLayer[];
  params?: unknown;
  use(handler: (req: Request, res: Response, next: NextFunction) => void): unknown;
  (req: Request, res: Response, next: NextFunction): void;
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

/** A node of the routes' fixed prefixes, one character a level below the root (`/`). */
interface PrefixNode {
  children: Map<string, PrefixNode>;
  /** Positions of the routes whose prefix ends here. */
  routes: number[];
  /** The router of the routes whose prefixes run from the root to here, made on first use. */
  router?: RouterInternals;
}

interface Exit {
  next: NextFunction;
  routerNext: NextFunction;
}

/** Where a request goes when it leaves a table's routes: the middleware after them (a stack, should it come back). */
const exits = new WeakMap<Request, Exit[]>();

/**
 * A run of routes (in their order) and, for any path, the router of only those that could match it: the routes
 * whose fixed prefix the lower-cased path starts with, found by walking the path through the prefixes' tree.
 */
class RouteTable {
  private readonly root: PrefixNode = { children: new Map(), routes: [] };
  private readonly everything: RouterInternals;

  constructor(
    private readonly routes: RouterLayer[],
    private readonly params: unknown,
  ) {
    routes.forEach((layer, position) => {
      const path = layer.route?.path;
      let node = this.root;
      for (const char of (typeof path === 'string' ? fixedPrefix(path) : '/').slice(1)) {
        let child = node.children.get(char);
        if (!child) node.children.set(char, (child = { children: new Map(), routes: [] }));
        node = child;
      }
      node.routes.push(position);
    });
    this.everything = this.routerOf(routes.map((_, position) => position));
  }

  readonly handle = (req: Request, res: Response, next: NextFunction): void => {
    const stack = exits.get(req) ?? [];
    exits.set(req, stack);
    stack.push({ next, routerNext: req.next as NextFunction });
    // Only an error, or a route's next('router'), ends the table's router itself (it has restored the request).
    this.routerFor(req.url)(req, res, (err?: unknown) => {
      stack.pop();
      next(err ?? 'router');
    });
  };

  private routerFor(url: string): RouterInternals {
    if (!url.startsWith('/')) return this.everything;
    let end = url.indexOf('?');
    if (end < 0) end = url.length;
    let node = this.root;
    const passed = [node];
    for (let at = 1; at < end; at += 1) {
      const child = node.children.get(url[at].toLowerCase());
      if (!child) break;
      passed.push((node = child));
    }
    node.router ??= this.routerOf(passed.flatMap((on) => on.routes).sort((a, b) => a - b));
    return node.router;
  }

  /**
   * A router of these routes that hands a request none of them answered back to the middleware after the table,
   * as the routes in place would have: its last layer leaves it before its own end, where a router would answer
   * an OPTIONS request by itself. An error still leaves through its end, as it would have.
   */
  private routerOf(positions: number[]): RouterInternals {
    const router = Router() as unknown as RouterInternals;
    router.params = this.params;
    router.stack.push(...positions.map((position) => this.routes[position]));
    router.use((req, _res, _next) => {
      const exit = exits.get(req)!.pop()!;
      req.next = exit.routerNext;
      exit.next();
    });
    return router;
  }
}

/**
 * Express tries a request against its routes one after another, running each route's regular expression; the
 * platform has some 400 routes, and GET /api/v1/me is the 190th. Here each run of routes is replaced by one
 * table that sends a request only through the routes whose fixed text (`/api/v1/me`, `/api/v1/sessions/` of
 * `/api/v1/sessions/:id`) its path starts with, in their order: a path meets a handful of expressions instead of
 * hundreds.
 *
 * What each request gets stays as it was: the same route, parameters, HEAD and error handling, and a request no
 * route answers goes on to the middleware after the routes (Nest's 404). A route is left out of a path's table only
 * when its expression could not have matched, and routes whose path starts with a parameter or a wildcard are in
 * every table. Runs not followed by further middleware are left alone: with nothing after them, a router answers
 * OPTIONS itself from every route, which a table would not see. Returns how many routes went into tables.
 */
export function indexRoutes(router: RouterInternals): number {
  const { stack } = router;
  let indexed = 0;
  for (let start = 0; start < stack.length; start += 1) {
    let end = start;
    while (end < stack.length && stack[end].route) end += 1;
    if (end - start >= 2 && end < stack.length) {
      const table = new RouteTable(stack.slice(start, end), router.params);
      const holder = Router() as unknown as RouterInternals;
      holder.use(table.handle);
      stack.splice(start, end - start, holder.stack[0]);
      indexed += end - start;
    }
  }
  return indexed;
}

/** Indexes the web application's routes once Nest has registered them all (its 404 handler comes after them). */
@Injectable()
export class RouteIndex implements OnApplicationBootstrap {
  /** Every route as it was registered (method and path), in order: what the router's stack no longer lists itself. */
  readonly registered: { method: string; path: string }[] = [];

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const router = this.adapterHost.httpAdapter?.getInstance<{ router?: RouterInternals }>()?.router;
    if (!router) return;
    for (const { route } of router.stack)
      if (route && typeof route.path === 'string')
        for (const [method, on] of Object.entries(route.methods ?? {})) if (on) this.registered.push({ method, path: route.path });
    indexRoutes(router);
  }
}
