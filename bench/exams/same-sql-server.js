// The exams benchmark's reference: Express running exactly the SQL statements the platform runs for one answer
// save (PUT /api/v1/attempts/:id/items/:position/response), as the statement counter saw them on the wire: the
// token's user (a named prepared statement, as the platform's), then in one transaction the attempt locked (its
// owner, status and deadline) and the item's kept answer with its question's body (both named, as the platform
// names them on the transaction's connection), the item updated and the save logged (these four taken from the
// exams records class that writes them). The same checks decide (own attempt, in progress and not past its
// deadline and grace, an answer of the question's kind, a seq above the one kept), without a framework, entities
// or validation library: what this machine gives for that endpoint's database work alone, so the gap to the
// platform is the platform's own cost.
const { join } = require('node:path');
const express = require('express');
const { Pool } = require('pg');

// The transaction's statements, as the platform's exams records class writes them.
const { ANSWER_SAVE_SQL } = require(join(__dirname, '..', '..', 'dist', 'exams', 'exam-records.service'));

const STATEMENTS = {
  tokenUser:
    'SELECT t.id AS token_id, t.last_used_at, "u"."id" AS "u_id", "u"."email" AS "u_email", "u"."name" AS "u_name", "u"."roles" AS "u_roles", "u"."department" AS "u_department", "u"."language" AS "u_language", "u"."notify_reminders" AS "u_notify_reminders", "u"."notify_updates" AS "u_notify_updates", "u"."disabled_at" AS "u_disabled_at", "u"."last_login_at" AS "u_last_login_at", "u"."calendar_feed_version" AS "u_calendar_feed_version", "u"."created_at" AS "u_created_at", "u"."updated_at" AS "u_updated_at"\n            FROM api_tokens t JOIN users u ON u.id = t.user_id\n           WHERE t.token_hash = $1 AND t.revoked_at IS NULL',
  tokenUsed: 'UPDATE "api_tokens" SET "last_used_at" = $1 WHERE "id" = $2',
  begin: 'START TRANSACTION',
  ...ANSWER_SAVE_SQL,
  commit: 'COMMIT',
  rollback: 'ROLLBACK',
};

if (require.main !== module) {
  module.exports = { STATEMENTS };
} else {
  const { sha256 } = require(join(__dirname, '..', '..', 'dist', 'auth', 'secrets'));
  const GRACE_MS = Number(process.env.EXAM_GRACE_SECONDS ?? 30) * 1000;
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
  const tokenUser = { name: 'api_token_user', text: STATEMENTS.tokenUser };
  // Named as the platform names them on the transaction's connection.
  const lockAttempt = { name: 'exam_attempt_lock', text: STATEMENTS.lockAttempt };
  const slot = { name: 'exam_answer_slot', text: STATEMENTS.slot };

  /** A refusal the handler answers as the platform would (status and code), after rolling back. */
  class Refused extends Error {
    constructor(status, code) {
      super(code);
      this.status = status;
    }
  }

  const app = express();
  app.use(express.json());
  app.get('/', (_req, res) => res.json({ ready: true }));
  app.put('/api/v1/attempts/:id/items/:position/response', async (req, res) => {
    const header = req.get('authorization') ?? '';
    const secret = header.slice('Bearer '.length);
    const {
      rows: [user],
    } = await pool.query({ ...tokenUser, values: [sha256(secret)] });
    if (!user || user.u_disabled_at) return res.status(401).json({ statusCode: 401 });
    if (!user.last_used_at || Date.now() - user.last_used_at.getTime() > 60_000)
      await pool.query(STATEMENTS.tokenUsed, [new Date(), user.token_id]);
    const position = Number(req.params.position);
    const { seq, response } = req.body ?? {};
    const client = await pool.connect();
    try {
      await client.query(STATEMENTS.begin);
      const {
        rows: [attempt],
      } = await client.query({ ...lockAttempt, values: [req.params.id] });
      if (!attempt || attempt.user_id !== user.u_id) throw new Refused(404, 'NOT_FOUND');
      const {
        rows: [item],
      } = await client.query({ ...slot, values: [req.params.id, position] });
      if (!item) throw new Refused(404, 'NOT_FOUND');
      if (attempt.status !== 'in_progress' || Date.now() > attempt.deadline_at.getTime() + GRACE_MS)
        throw new Refused(409, 'ANSWER_TOO_LATE');
      const body = item.body;
      if (response?.kind !== body.kind) throw new Refused(400, 'ANSWER_KIND');
      if (response.kind === 'single' && response.choice !== null && !body.choices.some((c) => c.id === response.choice))
        throw new Refused(400, 'ANSWER_KIND');
      if (seq <= item.response_seq) {
        await client.query(STATEMENTS.commit);
        return res.json({ saved: false, seq: item.response_seq, savedAt: item.saved_at?.toISOString() ?? null });
      }
      const savedAt = new Date();
      await client.query(STATEMENTS.writeAnswer, [item.id, JSON.stringify(response), seq, savedAt]);
      await client.query(STATEMENTS.logEvent, [req.params.id, 'save', JSON.stringify({ position, seq }), req.ip?.slice(0, 45) ?? null]);
      await client.query(STATEMENTS.commit);
      res.json({ saved: true, seq, savedAt: savedAt.toISOString() });
    } catch (error) {
      await client.query(STATEMENTS.rollback).catch(() => undefined);
      if (error instanceof Refused) return res.status(error.status).json({ statusCode: error.status, code: error.message });
      res.status(500).json({ statusCode: 500 });
    } finally {
      client.release();
    }
  });
  app.listen(Number(process.env.PORT));
}
