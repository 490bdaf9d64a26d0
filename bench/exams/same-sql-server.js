// The exams benchmark's reference: Express running exactly the SQL statements the platform runs for one answer
// save (PUT /api/v1/attempts/:id/items/:position/response), copied as the statement counter saw them on the
// wire: the token's user (a named prepared statement, as the platform's), then in one transaction the attempt
// locked, the item with its question version, the item updated and the save logged. The same checks decide
// (own attempt, in progress and not past its deadline and grace, an answer of the question's kind, a seq above
// the one kept), without a framework, entities or validation library: what this machine gives for that
// endpoint's database work alone, so the gap to the platform is the platform's own cost.
const { join } = require('node:path');
const express = require('express');
const { Pool } = require('pg');

const STATEMENTS = {
  tokenUser:
    'SELECT t.id AS token_id, t.last_used_at, "u"."id" AS "u_id", "u"."email" AS "u_email", "u"."name" AS "u_name", "u"."roles" AS "u_roles", "u"."department" AS "u_department", "u"."language" AS "u_language", "u"."notify_reminders" AS "u_notify_reminders", "u"."notify_updates" AS "u_notify_updates", "u"."disabled_at" AS "u_disabled_at", "u"."last_login_at" AS "u_last_login_at", "u"."calendar_feed_version" AS "u_calendar_feed_version", "u"."created_at" AS "u_created_at", "u"."updated_at" AS "u_updated_at"\n            FROM api_tokens t JOIN users u ON u.id = t.user_id\n           WHERE t.token_hash = $1 AND t.revoked_at IS NULL',
  tokenUsed: 'UPDATE "api_tokens" SET "last_used_at" = $1 WHERE "id" = $2',
  begin: 'START TRANSACTION',
  lockAttempt:
    'SELECT "ExamAttempt"."id" AS "ExamAttempt_id", "ExamAttempt"."exam_id" AS "ExamAttempt_exam_id", "ExamAttempt"."user_id" AS "ExamAttempt_user_id", "ExamAttempt"."number" AS "ExamAttempt_number", "ExamAttempt"."status" AS "ExamAttempt_status", "ExamAttempt"."started_at" AS "ExamAttempt_started_at", "ExamAttempt"."deadline_at" AS "ExamAttempt_deadline_at", "ExamAttempt"."submitted_at" AS "ExamAttempt_submitted_at", "ExamAttempt"."submitted_by" AS "ExamAttempt_submitted_by", "ExamAttempt"."seed" AS "ExamAttempt_seed", "ExamAttempt"."score" AS "ExamAttempt_score", "ExamAttempt"."max_points" AS "ExamAttempt_max_points", "ExamAttempt"."needs_marking" AS "ExamAttempt_needs_marking" FROM "exam_attempts" "ExamAttempt" WHERE (("ExamAttempt"."id" = $1)) LIMIT 1 FOR UPDATE',
  item: 'SELECT "i"."id" AS "i_id", "i"."attempt_id" AS "i_attempt_id", "i"."position" AS "i_position", "i"."question_version_id" AS "i_question_version_id", "i"."points" AS "i_points", "i"."choice_order" AS "i_choice_order", "i"."response" AS "i_response", "i"."response_seq" AS "i_response_seq", "i"."saved_at" AS "i_saved_at", "i"."flagged" AS "i_flagged", "i"."mark_state" AS "i_mark_state", "i"."fraction" AS "i_fraction", "i"."awarded" AS "i_awarded", "i"."feedback" AS "i_feedback", "i"."marked_by_id" AS "i_marked_by_id", "i"."marked_at" AS "i_marked_at", "i"."version" AS "i_version", "v"."id" AS "v_id", "v"."question_id" AS "v_question_id", "v"."version" AS "v_version", "v"."name" AS "v_name", "v"."text" AS "v_text", "v"."points" AS "v_points", "v"."body" AS "v_body", "v"."general_feedback" AS "v_general_feedback", "v"."created_by_id" AS "v_created_by_id", "v"."created_at" AS "v_created_at" FROM "exam_attempt_items" "i" INNER JOIN "question_versions" "v" ON "v"."id" = "i"."question_version_id" WHERE "i"."attempt_id" = $1 AND "i"."position" = $2',
  updateItem: 'UPDATE "exam_attempt_items" SET "response" = $1, "response_seq" = $2, "saved_at" = $3, "version" = $4 WHERE "id" = $5',
  logSave:
    'INSERT INTO "exam_attempt_events"("id", "attempt_id", "kind", "at", "detail", "ip") VALUES (DEFAULT, $1, $2, DEFAULT, $3, $4) RETURNING "id", "at", "detail"',
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
      } = await client.query(STATEMENTS.lockAttempt, [req.params.id]);
      if (!attempt || attempt.ExamAttempt_user_id !== user.u_id) throw new Refused(404, 'NOT_FOUND');
      const {
        rows: [item],
      } = await client.query(STATEMENTS.item, [req.params.id, position]);
      if (!item) throw new Refused(404, 'NOT_FOUND');
      if (attempt.ExamAttempt_status !== 'in_progress' || Date.now() > attempt.ExamAttempt_deadline_at.getTime() + GRACE_MS)
        throw new Refused(409, 'ANSWER_TOO_LATE');
      const body = item.v_body;
      if (response?.kind !== body.kind) throw new Refused(400, 'ANSWER_KIND');
      if (response.kind === 'single' && response.choice !== null && !body.choices.some((c) => c.id === response.choice))
        throw new Refused(400, 'ANSWER_KIND');
      if (seq <= item.i_response_seq) {
        await client.query(STATEMENTS.commit);
        return res.json({ saved: false, seq: item.i_response_seq, savedAt: item.i_saved_at?.toISOString() ?? null });
      }
      const savedAt = new Date();
      await client.query(STATEMENTS.updateItem, [JSON.stringify(response), seq, savedAt, item.i_version + 1, item.i_id]);
      await client.query(STATEMENTS.logSave, [req.params.id, 'save', JSON.stringify({ position, seq }), req.ip?.slice(0, 45) ?? null]);
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
