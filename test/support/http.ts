import type request from 'supertest';
import { TEST_PASSWORD } from './factories';

type Agent = ReturnType<typeof request.agent>;

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
