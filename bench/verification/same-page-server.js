// The verification benchmark's reference: Express running exactly the statement the platform's GET /verify/:code
// runs (one prepared statement on a pg pool) and rendering the same page in the same layout with plain Handlebars
// and the platform's own helpers, page model and texts, as a visitor with no session sees it. No framework, no
// middleware, no rate limit: what this machine gives for that page's database work and rendering alone.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const express = require('express');
const Handlebars = require('handlebars');
const { Pool } = require('pg');

const ROOT = join(__dirname, '..', '..');
const dist = (module) => require(join(ROOT, 'dist', module));
const { VERIFICATION_BY_CODE_SQL } = dist('certificates/certificate-records.service');
const { normalizeCode } = dist('certificates/verification-code');
const { verifiedView, verifiedJson } = dist('certificates/verification-views');
const { registerPartials, registerViewHelpers } = dist('common/view-helpers');
const { I18nService } = dist('i18n/i18n.service');
const { parseEnv } = dist('config/env.schema');

const { FUNDING_STATEMENT } = parseEnv(process.env);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const statement = { name: 'certificate_by_code', text: VERIFICATION_BY_CODE_SQL };

const handlebars = Handlebars.create();
registerPartials(handlebars, join(ROOT, 'views', 'partials'));
registerViewHelpers(handlebars, new I18nService());
const view = (name) => handlebars.compile(readFileSync(join(ROOT, 'views', `${name}.hbs`), 'utf8'));
const page = view('pages/certificates/verify-result');
const layout = view('layouts/main');

async function find(code) {
  const normalized = normalizeCode(code);
  if (!normalized) return null;
  const { rows } = await pool.query({ ...statement, values: [normalized] });
  return rows[0] ?? null;
}

const app = express();
app.get('/', (_req, res) => res.json({ ready: true }));
app.get('/verify/:code', async (req, res) => {
  const row = await find(req.params.code);
  const locals = {
    lang: 'lv',
    otherLang: 'en',
    currentUser: null,
    nav: [],
    currentPath: req.originalUrl,
    fundingStatement: FUNDING_STATEMENT,
    flash: [],
    titleKey: 'certificates.verify.resultTitle',
    languageLink: `${req.path}?lang=en`,
    ...(row ? { certificate: verifiedView(row, 'lv') } : { notFound: true }),
  };
  res
    .status(row ? 200 : 404)
    .type('html')
    .send(layout({ ...locals, body: page(locals) }));
});
app.get('/api/v1/verify/:code', async (req, res) => {
  const row = await find(req.params.code);
  if (!row) return res.status(404).json({ statusCode: 404 });
  res.json(verifiedJson(row));
});
app.listen(Number(process.env.PORT));
