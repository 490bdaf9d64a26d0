import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startWebApp, type TestApp } from './app';
import { TEST_PASSWORD } from './factories';

/** Debian's Chromium; `apt-get install -y chromium`. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'artifacts', 'screenshots');
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface ServedApp extends TestApp {
  baseUrl: string;
}

/** The real web process on a real port, for a browser to reach. */
export async function serveWebApp(): Promise<ServedApp> {
  const t = await startWebApp();
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { ...t, baseUrl: `http://127.0.0.1:${port}` };
}

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * A fresh Chromium profile (its own cookie jar), so each role starts logged out. The app's CSP forbids inline
 * scripts; bypassCSP lets the test inject axe-core the same way on every page.
 */
export async function openBrowser(baseUrl: string): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'kursors-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
    locale: 'lv-LV',
    timezoneId: 'Europe/Riga',
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a page and fails with the path when it does not answer 200. */
export async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path, { waitUntil: 'load' });
  const status = response?.status();
  if (status !== 200) throw new Error(`GET ${path} answered ${status ?? 'nothing'} (now at ${page.url()})`);
}

/** Logs in through the login form, as a person would. */
export async function logInAs(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await visit(page, '/login');
  await page.fill('#field-email', email);
  await page.fill('#field-password', password);
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.click('main form button[type=submit]')]);
}

/** Presses the language button in the header and waits for the page to come back in the other language. */
export async function switchLanguage(page: Page, to: 'lv' | 'en'): Promise<void> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/language'),
    page.click('header form.language-switch button'),
  ]);
  await page.waitForLoadState('load');
  const lang = await page.getAttribute('html', 'lang');
  if (lang !== to)
    throw new Error(`Language switch to ${to} failed: POST /language answered ${response.status()}, now at ${page.url()} in ${lang}`);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary?: string; html: string }[];
}

/** Runs axe-core with the WCAG 2.1 A and AA rules on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    // Runs in the page: axe-core is the global the injected script defined.
    const { axe, document } = globalThis as unknown as {
      axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
      document: unknown;
    };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary, html: n.html })),
    }));
  }, WCAG_TAGS);
}

/** A readable list of violations for a failed assertion. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  const lines = [`${violations.length} accessibility violation(s) on ${where}:`];
  for (const v of violations) {
    lines.push(`- [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`    at ${node.target.join(' ')}: ${node.html.slice(0, 160)}`);
      if (node.failureSummary) lines.push(`      ${node.failureSummary.replace(/\n/g, '\n      ')}`);
    }
    if (v.nodes.length > 5) lines.push(`    ...and ${v.nodes.length - 5} more`);
  }
  return lines.join('\n');
}

/** A full-page screenshot kept as a CI artefact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '_')}.png`), fullPage: true });
}

/**
 * The page passes the WCAG 2.1 AA rules of axe-core; a screenshot is kept either way. Throws with every
 * violation listed, so the test output says what to fix.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  if (violations.length) throw new Error(formatViolations(`${name} (${page.url()})`, violations));
}

/** A phone's screen, the width the pages must fit. */
export const PHONE_VIEWPORT = { width: 375, height: 667 };
/** A desktop's screen, the width tests open pages at. */
export const WIDE_VIEWPORT = { width: 1280, height: 900 };

/** Runs `run` in a fresh browser signed in as `user` through the login form, and closes it. */
export async function asSignedIn(baseUrl: string, user: { email: string }, run: (b: TestBrowser) => Promise<void>): Promise<void> {
  const b = await openBrowser(baseUrl);
  try {
    await logInAs(b.page, user.email);
    await run(b);
  } finally {
    await b.close();
  }
}

/** The page at a phone's width: nothing wider than the screen, still accessible; then at a desktop's width again. */
export async function expectFitsPhone(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE_VIEWPORT);
  expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
  await expectAccessible(page, `${name}-phone`);
  await page.setViewportSize(WIDE_VIEWPORT);
}
