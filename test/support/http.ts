import type request from 'supertest';
import type { User } from '../../src/users/user.entity';
import type { TestApp } from './app';
import { createAdmin, createApiToken, TEST_PASSWORD } from './factories';

type Agent = ReturnType<typeof request.agent>;

/** A call to the API with a personal token, as an outside client makes it. */
export type ApiCall = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string) => request.Test;

export function apiClient(t: Pick<TestApp, 'http'>, secret: string): ApiCall {
  return (method, path) => t.http()[method](path).set('Authorization', `Bearer ${secret}`);
}

/** Reads a response's body as bytes, whatever its type. */
export function bytes(call: request.Test): request.Test {
  return call.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** The CSRF token embedded in a page's forms. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('No CSRF token on the page');
  return match[1];
}

export async function csrfToken(agent: Agent, path = '/login'): Promise<string> {
  const page = await agent.get(path);
  return csrfFrom(page.text);
}

/** Logs the agent in through the login form, as a browser would. */
export async function logIn(agent: Agent, email: string, password = TEST_PASSWORD): Promise<Agent> {
  const token = await csrfToken(agent);
  const res = await agent.post('/login').type('form').send({ _csrf: token, email, password });
  if (res.status !== 303 || res.headers.location !== '/') throw new Error(`Login failed for ${email}: ${res.status}`);
  return agent;
}

/** An administrator signed in through the login form (`agent`) and holding an API token (`api`). */
export async function signInAdmin(t: TestApp): Promise<{ admin: User; agent: Agent; api: ApiCall }> {
  const admin = await createAdmin(t.dataSource);
  const agent = await logIn(t.agent(), admin.email);
  const { secret } = await createApiToken(t.dataSource, admin);
  return { admin, agent, api: apiClient(t, secret) };
}

/** Posts a form with the session's current CSRF token, taken from the given page. */
export async function postForm(agent: Agent, path: string, fields: Record<string, unknown>, tokenPage = '/profile') {
  const token = await csrfToken(agent, tokenPage);
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: token, ...fields });
}

/** Undoes the HTML escaping Handlebars applies to attribute values (it escapes `=` too). */
export function unescapeHtml(text: string): string {
  return text
    .replace(/&#x3D;/g, '=')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The target of the link with the given rel (e.g. the pager's "next"). */
export function relLink(html: string, rel: string): string {
  const match = new RegExp(`href="([^"]+)" rel="${rel}"`).exec(html);
  if (!match) throw new Error(`No rel="${rel}" link on the page`);
  return unescapeHtml(match[1]);
}

/** The ids of the page's links to `<base>/<uuid>`, in the order the page shows them (e.g. a list's rows). */
export function linkedIds(html: string, base: string): string[] {
  return [...html.matchAll(new RegExp(`href="${base}/([0-9a-f]{8}-[0-9a-f-]{27})"`, 'g'))].map((match) => match[1]);
}
