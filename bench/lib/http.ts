/** The `name=value` pairs of a response's Set-Cookie headers, merged into the jar. */
function keepCookies(jar: Map<string, string>, res: Response): void {
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/**
 * Logs in through the login form as a person would: GET /login for the session cookie and its CSRF token,
 * then POST /login. Returns the Cookie header of the logged-in session.
 */
export async function logIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const form = await fetch(`${baseUrl}/login`);
  keepCookies(jar, form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error('GET /login showed no CSRF token');
  const res = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  keepCookies(jar, res);
  if (res.status !== 303)
    throw new Error(`POST /login answered ${res.status}, not a redirect: the credentials or the CSRF token were refused`);
  return cookieHeader(jar);
}

/** A GET that must answer 200; returns the body. */
export async function getOk(url: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(url, { headers, redirect: 'manual' });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 300)}`);
  return body;
}

/** `count` requests one after another, each answered before the next is sent. */
export async function sequentialGets(url: string, headers: Record<string, string>, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await getOk(url, headers);
}

/** Latencies in milliseconds of `count` requests sent one after another, after `warmUp` unmeasured ones. */
export async function sequentialLatencies(url: string, headers: Record<string, string>, count: number, warmUp = 10): Promise<number[]> {
  for (let i = 0; i < warmUp; i += 1) await getOk(url, headers);
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await getOk(url, headers);
    times.push(performance.now() - started);
  }
  return times;
}
