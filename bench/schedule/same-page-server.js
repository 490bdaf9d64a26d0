// The schedule benchmark's page reference: Express running exactly the SQL the platform's GET /my/sessions runs
// (the session with its user, then one page of sessions, as prepared statements on a pg pool) and rendering the
// same template in the same layout with plain Handlebars and the platform's own helpers, page model and texts.
// No framework, no middleware: the session cookie's id is taken without checking its signature, and nothing is
// written back. What this machine gives for that page's database work and rendering alone.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const express = require('express');
const Handlebars = require('handlebars');
const { Pool } = require('pg');
const { DataSource } = require('typeorm');

const ROOT = join(__dirname, '..', '..');
const dist = (module) => require(join(ROOT, 'dist', module));
const { UPCOMING_PAGE_SQL, scheduleListSql } = dist('sessions/my-sessions.service');
const { MAX_SESSION_DAYS } = dist('sessions/sessions.schemas');
const { sessionWithUserSql } = dist('auth/session-store');
const { sessionPageView } = dist('sessions/session-views');
const { pager } = dist('common/paging');
const { navigationFor } = dist('common/navigation');
const { registerPartials, registerViewHelpers } = dist('common/view-helpers');
const { I18nService } = dist('i18n/i18n.service');
const { RawEntity } = dist('database/raw-entity');
const { dataSourceOptions } = dist('database/data-source-options');
const { UserSummaryColumns } = dist('users/user-summary');
const { Session } = dist('sessions/session.entity');
const { SESSION_COOKIE } = dist('common/cookies');
const { parseEnv } = dist('config/env.schema');

const PAGE_SIZE = 25;
const PATH = '/my/sessions';
const { FUNDING_STATEMENT } = parseEnv(process.env);

async function main() {
  // Only for the entities' column lists, so the statements' text is the platform's to the letter.
  const metadata = new DataSource({ ...dataSourceOptions({ DATABASE_URL: process.env.DATABASE_URL }), poolSize: 1 });
  await metadata.initialize();
  const users = new UserSummaryColumns(metadata);
  const sessions = new RawEntity(metadata, Session);
  await metadata.destroy();

  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
  const sessionRead = { name: 'session_with_user', text: sessionWithUserSql(users.select('u', 'u_')) };
  const upcoming = { name: 'upcoming', text: scheduleListSql(sessions.select('s'), UPCOMING_PAGE_SQL) };

  const handlebars = Handlebars.create();
  registerPartials(handlebars, join(ROOT, 'views', 'partials'));
  registerViewHelpers(handlebars, new I18nService());
  const view = (name) => handlebars.compile(readFileSync(join(ROOT, 'views', `${name}.hbs`), 'utf8'));
  const page = view('pages/sessions/mine');
  const layout = view('layouts/main');

  const app = express();
  app.get('/', (_req, res) => res.json({ ready: true }));
  app.get(PATH, async (req, res) => {
    const cookie = (req.get('cookie') ?? '').split(/;\s*/).find((pair) => pair.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    const sid = /^s:([^.]+)\./.exec(decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1)))?.[1];
    const {
      rows: [row],
    } = await pool.query({ ...sessionRead, values: [sid, new Date()] });
    if (!row?.u_id) return res.status(401).end();
    const { user } = users.from(row, 'u_');
    const { rows } = await pool.query({ ...upcoming, values: [user.id, new Date(), MAX_SESSION_DAYS, PAGE_SIZE, 0] });
    const locals = {
      lang: user.language,
      otherLang: user.language === 'lv' ? 'en' : 'lv',
      currentUser: { id: user.id, name: user.name, roles: user.roles },
      nav: navigationFor(user, PATH),
      currentPath: req.originalUrl,
      fundingStatement: FUNDING_STATEMENT,
      csrfToken: row.sess.csrfToken ?? '',
      flash: [],
      titleKey: 'sessions.mine.title',
      sessions: rows.map((r) => sessionPageView(Object.assign(sessions.from(r), { instructors: r.instructors }), r.cohort_name)),
      pager: pager(PATH, { page: 1, pageSize: PAGE_SIZE }, rows.length ? Number(rows[0].total) : 0),
    };
    res.type('html').send(layout({ ...locals, body: page(locals) }));
  });
  app.listen(Number(process.env.PORT));
}

void main();
