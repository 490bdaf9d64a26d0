// The schedule benchmark's second reference: Express running exactly the SQL the platform's
// GET /api/v1/me/sessions runs (the token's user, then one page of sessions), as prepared statements on
// a pg pool, and answering the rows as JSON. No framework, no views, no formatting: what this machine
// gives for that endpoint's database work alone, so the gap to the platform is the platform's own cost.
const { join } = require('node:path');
const express = require('express');
const { Pool } = require('pg');

const dist = (module) => require(join(__dirname, '..', '..', 'dist', module));
const { UPCOMING_PAGE_SQL, scheduleListSql } = dist('sessions/my-sessions.service');
const { MAX_SESSION_DAYS } = dist('sessions/sessions.schemas');
const { tokenUserSql } = dist('auth/api-tokens.service');
const { sha256 } = dist('auth/secrets');

const PAGE_SIZE = 25;
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const tokenUser = { name: 'token_user', text: tokenUserSql('u.*') };
const upcoming = { name: 'upcoming', text: scheduleListSql('s.*', UPCOMING_PAGE_SQL) };

const app = express();
app.get('/', (_req, res) => res.json({ ready: true }));
app.get('/api/v1/me/sessions', async (req, res) => {
  const header = req.get('authorization') ?? '';
  const {
    rows: [user],
  } = await pool.query({ ...tokenUser, values: [sha256(header.slice('Bearer '.length))] });
  if (!user) return res.status(401).json({ statusCode: 401 });
  const { rows } = await pool.query({ ...upcoming, values: [user.id, new Date(), MAX_SESSION_DAYS, PAGE_SIZE, 0] });
  res.json({ items: rows, total: rows.length ? Number(rows[0].total) : 0, page: 1, pageSize: PAGE_SIZE });
});
app.listen(Number(process.env.PORT));
