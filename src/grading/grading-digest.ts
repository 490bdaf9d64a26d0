import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { rigaParts, rigaTime } from '../i18n/dates';
import { EmailRequest, OutboxService } from '../notifications/outbox.service';
import { unitOfWork } from '../database/unit-of-work';
import type { Language } from '../i18n/languages';

/** The digest goes out from this hour (Riga time) on; it covers the 24 hours before it. */
export const DIGEST_HOUR = 7;
const MAX_LINES = 10;

interface DigestRow {
  instructor_id: string;
  email: string;
  name: string;
  language: Language;
  assignment_id: string;
  title: string;
  cohort_name: string;
  fresh: number;
  waiting: number;
}

interface Digest {
  person: Pick<DigestRow, 'instructor_id' | 'email' | 'name' | 'language'>;
  lines: { title: string; cohortName: string; count: number }[];
  waiting: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** At most one a day: the key names the instructor and the Riga date. */
export function digestKey(instructorId: string, now: Date): string {
  const p = rigaParts(now);
  return `grading-digest:${instructorId}:${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * Each instructor's daily email of work handed in (in the cohorts they teach) during the 24 hours before today's
 * digest hour and still not graded, with how much waits in all. Nothing new, no email. The window is fixed by the
 * Riga date, so a late or repeated scan sends the same digest, once.
 */
@Injectable()
export class GradingDigest {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /** Writes today's digests not yet written, if the digest hour has come; returns how many. */
  async send(now: Date): Promise<number> {
    const p = rigaParts(now);
    const to = rigaTime(p.year, p.month, p.day, DIGEST_HOUR);
    if (now.getTime() < to.getTime()) return 0;
    const from = rigaTime(p.year, p.month, p.day - 1, DIGEST_HOUR);
    const rows = await this.rows(from, to);
    const digests = [...this.group(rows).values()];
    const ids = await unitOfWork(this.dataSource, async (manager) => {
      const written = await this.outbox.existingKeys(
        manager,
        digests.map((digest) => digestKey(digest.person.instructor_id, now)),
      );
      const requests = digests
        .filter((digest) => !written.has(digestKey(digest.person.instructor_id, now)))
        .map((digest) => this.request(digest, now));
      return this.outbox.enqueueMany(manager, requests);
    });
    return ids.length;
  }

  /** Per instructor and assignment: work handed in within the window, and all work waiting; only instructors with something new. */
  private rows(from: Date, to: Date): Promise<DigestRow[]> {
    return this.dataSource.query(
      `WITH waiting AS (
              SELECT t.user_id AS instructor_id, s.assignment_id, c.name AS cohort_name, s.submitted_at
                FROM submissions s JOIN assignments a ON a.id = s.assignment_id
                JOIN cohort_teachers t ON t.cohort_id = a.cohort_id JOIN cohorts c ON c.id = a.cohort_id
               WHERE s.submitted_at IS NOT NULL AND s.graded_version < s.submitted_version AND s.returned_at IS NULL
              UNION ALL
              SELECT t.user_id, s.assignment_id, c.name, s.submitted_at
                FROM submissions s JOIN assignments a ON a.id = s.assignment_id AND a.part_id IS NOT NULL
                JOIN enrolments e ON e.user_id = s.user_id JOIN cohorts c ON c.id = e.cohort_id AND c.part_id = a.part_id
                JOIN cohort_teachers t ON t.cohort_id = c.id
               WHERE s.submitted_at IS NOT NULL AND s.graded_version < s.submitted_version AND s.returned_at IS NULL),
            counted AS (
              SELECT instructor_id, assignment_id, cohort_name,
                     count(*) FILTER (WHERE submitted_at >= $1 AND submitted_at < $2)::int AS fresh, count(*)::int AS waiting
                FROM waiting GROUP BY instructor_id, assignment_id, cohort_name)
       SELECT k.instructor_id, u.email, u.name, u.language, k.assignment_id, a.title, k.cohort_name, k.fresh, k.waiting
         FROM counted k JOIN users u ON u.id = k.instructor_id JOIN assignments a ON a.id = k.assignment_id
        WHERE u.disabled_at IS NULL AND u.notify_reminders
          AND k.instructor_id IN (SELECT instructor_id FROM counted WHERE fresh > 0)
        ORDER BY k.instructor_id, k.fresh DESC, a.title`,
      [from, to],
    );
  }

  private group(rows: DigestRow[]): Map<string, Digest> {
    const digests = new Map<string, Digest>();
    for (const row of rows) {
      const digest = digests.get(row.instructor_id) ?? { person: row, lines: [], waiting: 0 };
      digest.waiting += row.waiting;
      if (row.fresh > 0) digest.lines.push({ title: row.title, cohortName: row.cohort_name, count: row.fresh });
      digests.set(row.instructor_id, digest);
    }
    return digests;
  }

  private request({ person, lines, waiting }: Digest, now: Date): EmailRequest {
    const count = lines.reduce((sum, line) => sum + line.count, 0);
    const shown = lines.slice(0, MAX_LINES);
    return {
      to: { email: person.email, id: person.instructor_id, language: person.language },
      template: 'grading-digest',
      category: 'reminder',
      dedupKey: digestKey(person.instructor_id, now),
      data: {
        name: person.name,
        count,
        lines: shown,
        more: count - shown.reduce((sum, line) => sum + line.count, 0),
        waiting,
        link: this.config.publicUrl('/grading'),
      },
    };
  }
}
