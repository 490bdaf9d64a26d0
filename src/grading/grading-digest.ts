import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { rigaParts, rigaTime } from '../i18n/dates';
import { EmailRequest, OutboxService } from '../notifications/outbox.service';
import { unitOfWork } from '../database/unit-of-work';
import { type DigestRow, GradingRecords } from './grading-records.service';

/** The digest goes out from this hour (Riga time) on; it covers the 24 hours before it. */
export const DIGEST_HOUR = 7;
const MAX_LINES = 10;

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
    private readonly records: GradingRecords,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /** Writes today's digests not yet written, if the digest hour has come; returns how many. */
  async send(now: Date): Promise<number> {
    const p = rigaParts(now);
    const to = rigaTime(p.year, p.month, p.day, DIGEST_HOUR);
    if (now.getTime() < to.getTime()) return 0;
    const from = rigaTime(p.year, p.month, p.day - 1, DIGEST_HOUR);
    const rows = await this.records.digestRows(from, to);
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
