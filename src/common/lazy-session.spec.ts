import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import session, { MemoryStore } from 'express-session';
import request from 'supertest';
import { existingSession, lazySession } from './lazy-session';

const COOKIE = 'test.sid';

declare module 'express-session' {
  interface SessionData {
    visits?: number;
  }
}

/** Routes that leave the session alone, only look into it, write into it, or redirect. */
function app(lazy: boolean, store = new MemoryStore()): Express {
  const made = express();
  made.use(cookieParser());
  const sessions = session({ name: COOKIE, secret: 'a secret', store, resave: false, saveUninitialized: false, rolling: true });
  made.use(lazy ? lazySession(COOKIE, sessions) : sessions);
  made.get('/quiet', (req, res) => res.json({ found: existingSession(req)?.visits ?? null }));
  made.get('/look', (req, res) => res.json({ visits: req.session.visits ?? null }));
  made.get('/count', (req, res) => {
    req.session.visits = (req.session.visits ?? 0) + 1;
    res.json({ visits: req.session.visits });
  });
  made.get('/away', (req, res) => {
    req.session.visits = 41;
    res.redirect(303, '/count');
  });
  return made;
}

/** What a response shows of the session: its status, body and whether it sets a cookie. */
const shown = (res: request.Response) => ({ status: res.status, body: res.body, setsCookie: Boolean(res.headers['set-cookie']) });

describe('lazySession', () => {
  it('answers a visitor without a session cookie as express-session does, route by route', async () => {
    for (const path of ['/quiet', '/look', '/count', '/away']) {
      const [plain, lazy] = await Promise.all([request(app(false)).get(path), request(app(true)).get(path)]);
      expect({ path, ...shown(lazy) }).toEqual({ path, ...shown(plain) });
    }
  });

  it('makes no session for a request that does not use it, and stores one that is written', async () => {
    const store = new MemoryStore();
    const made = app(true, store);
    const stored = () => new Promise((resolve) => store.length((_err, length) => resolve(length)));
    // express-session gives the store its `generate` when it is set up.
    const generate = jest.spyOn(store as unknown as { generate: (req: unknown) => void }, 'generate');
    expect(shown(await request(made).get('/quiet'))).toEqual({ status: 200, body: { found: null }, setsCookie: false });
    expect(generate).not.toHaveBeenCalled();
    expect(await stored()).toBe(0);

    const agent = request.agent(made);
    expect(shown(await agent.get('/count'))).toEqual({ status: 200, body: { visits: 1 }, setsCookie: true });
    expect(generate).toHaveBeenCalledTimes(1);
    expect(await stored()).toBe(1);
    // With the cookie, the session is read as express-session reads it, and existingSession gives it.
    expect((await agent.get('/quiet')).body).toEqual({ found: 1 });
    expect((await agent.get('/count')).body).toEqual({ visits: 2 });
    expect(generate).toHaveBeenCalledTimes(1);
  });

  it('keeps what a redirect wrote for the page it leads to', async () => {
    const agent = request.agent(app(true));
    expect((await agent.get('/away')).status).toBe(303);
    expect((await agent.get('/count')).body).toEqual({ visits: 42 });
  });
});
