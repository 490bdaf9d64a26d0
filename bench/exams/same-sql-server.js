// The exams benchmark's reference: Express running exactly the SQL statements the platform runs for one answer
// save (PUT /api/v1/attempts/:id/items/:position/response): the token's user (a named prepared statement with the
// platform's own text, which its column list makes from the user entity; and its once-a-minute "last used"
// write), then the attempt with the item and its question's body, and the one statement that locks the attempt
// and writes the answer and the save's event only while the attempt is open and the save newer (both named, as
// the platform names them; their texts taken from the exams records class that runs them). The same checks
// decide (own attempt, in progress and not past its deadline and grace, an answer of the question's kind, a seq
// above the one kept), without a framework, entities or validation library: what this machine gives for that
// endpoint's database work alone, so the gap to the platform is the platform's own cost. The benchmark compares
// the statements both send on the wire.
const { join } = require('node:path');
const express = require('express');
const { Pool } = require('pg');
const { DataSource } = require('typeorm');

const dist = (module) => require(join(__dirname, '..', '..', 'dist', module));
const { ANSWER_SAVE_SQL } = dist('exams/exam-records.service');
const { tokenUserSql } = dist('auth/api-tokens.service');
const { sha256 } = dist('auth/secrets');
const { dataSourceOptions } = dist('database/data-source-options');
const { UserSummaryColumns } = dist('users/user-summary');

const GRACE_MS = Number(process.env.EXAM_GRACE_SECONDS ?? 30) * 1000;

/** The token's statement as the platform writes it: its user columns come from the entity's metadata. */
async function tokenUserText() {
  const source = new DataSource(dataSourceOptions({ DATABASE_URL: process.env.DATABASE_URL, DATABASE_POOL_SIZE: 1 }));
  await source.initialize();
  try {
    return tokenUserSql(new UserSummaryColumns(source).select('u', 'u_'));
  } finally {
    await source.destroy();
  }
}

/** A refusal the handler answers as the platform would (status and code). */
class Refused extends Error {
  constructor(status, code) {
    super(code);
    this.status = status;
  }
}

async function main() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
  const tokenUser = { name: 'api_token_user', text: await tokenUserText() };
  const tokenUsed = 'UPDATE "api_tokens" SET "last_used_at" = $1 WHERE "id" = $2';
  const slot = { name: 'exam_answer_slot', text: ANSWER_SAVE_SQL.slot };
  const write = { name: 'exam_answer_save', text: ANSWER_SAVE_SQL.save };
  const kept = { name: 'exam_answer_kept', text: ANSWER_SAVE_SQL.kept };

  const app = express();
  app.use(express.json());
  app.get('/', (_req, res) => res.json({ ready: true }));
  app.put('/api/v1/attempts/:id/items/:position/response', async (req, res) => {
    try {
      const header = req.get('authorization') ?? '';
      const {
        rows: [user],
      } = await pool.query({ ...tokenUser, values: [sha256(header.slice('Bearer '.length))] });
      if (!user || user.u_disabled_at) throw new Refused(401, 'UNAUTHENTICATED');
      if (!user.last_used_at || Date.now() - user.last_used_at.getTime() > 60_000) await pool.query(tokenUsed, [new Date(), user.token_id]);
      const position = Number(req.params.position);
      const { seq, response } = req.body ?? {};
      const {
        rows: [found],
      } = await pool.query({ ...slot, values: [req.params.id, position] });
      if (!found || found.user_id !== user.u_id || !found.item_id) throw new Refused(404, 'NOT_FOUND');
      const at = new Date();
      if (found.status !== 'in_progress' || at.getTime() > found.deadline_at.getTime() + GRACE_MS)
        throw new Refused(409, 'ANSWER_TOO_LATE');
      const body = found.body;
      if (response?.kind !== body.kind) throw new Refused(400, 'ANSWER_KIND');
      if (response.kind === 'single' && response.choice !== null && !body.choices.some((c) => c.id === response.choice))
        throw new Refused(400, 'ANSWER_KIND');
      if (seq <= found.response_seq)
        return res.json({ saved: false, seq: found.response_seq, savedAt: found.saved_at?.toISOString() ?? null });
      const {
        rows: [written],
      } = await pool.query({
        ...write,
        values: [
          req.params.id,
          found.item_id,
          JSON.stringify(response),
          seq,
          at,
          new Date(at.getTime() - GRACE_MS),
          JSON.stringify({ position, seq }),
          req.ip?.slice(0, 45) ?? null,
        ],
      });
      if (written.saved) return res.json({ saved: true, seq, savedAt: at.toISOString() });
      if (!written.open) throw new Refused(409, 'ANSWER_TOO_LATE');
      const {
        rows: [now],
      } = await pool.query({ ...kept, values: [found.item_id] });
      res.json({ saved: false, seq: now.response_seq, savedAt: now.saved_at?.toISOString() ?? null });
    } catch (error) {
      if (error instanceof Refused) return res.status(error.status).json({ statusCode: error.status, code: error.message });
      res.status(500).json({ statusCode: 500 });
    }
  });
  app.listen(Number(process.env.PORT));
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
