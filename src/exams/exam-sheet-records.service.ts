import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ResultStatus } from './exam-result.entity';
import type { Exam } from './exam.entity';

/** A trainee on an exam's results sheet with their result as it is now (version 0: no result yet). */
export interface SheetRow {
  userId: string;
  name: string;
  email: string;
  department: string | null;
  resultId: string | null;
  status: ResultStatus | null;
  score: string | null;
  version: number;
}

/** What an exam protocol names besides the results. */
export interface ProtocolHeader {
  programmeTitle: string;
  partNumber: number;
  partTitleLv: string;
  partTitleEn: string | null;
  cohortName: string;
  sessionStartsAt: Date | null;
  address: string | null;
  room: string | null;
}

/**
 * The results sheet's hand-written SQL: who is on it (the cohort's members, or for a retake those it was set
 * for), the protocol's heading and the examiners (the cohort's instructors).
 */
@Injectable()
export class ExamSheetRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rows(exam: Exam, manager: EntityManager = this.dataSource.manager): Promise<SheetRow[]> {
    const rows: (Omit<SheetRow, 'version'> & { version: number | null })[] = await manager.query(
      `SELECT u.id AS "userId", u.name, u.email, u.department, r.id AS "resultId", r.status, r.score, r.version
         FROM cohort_members m
         JOIN users u ON u.id = m.user_id
         LEFT JOIN exam_results r ON r.exam_id = $1 AND r.user_id = m.user_id
        WHERE m.cohort_id = $2 AND ($3::boolean = false OR r.id IS NOT NULL)
        ORDER BY u.name COLLATE "C", u.id`,
      [exam.id, exam.cohortId, exam.retakeOfId !== null],
    );
    return rows
      .map((row) => ({ ...row, version: row.version ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name, 'lv') || a.userId.localeCompare(b.userId));
  }

  async header(exam: Exam): Promise<ProtocolHeader> {
    const [row]: ProtocolHeader[] = await this.dataSource.query(
      `SELECT g.title_lv AS "programmeTitle", p.number AS "partNumber", p.title_lv AS "partTitleLv", p.title_en AS "partTitleEn",
              c.name AS "cohortName", s.starts_at AS "sessionStartsAt", s.address, s.room
         FROM cohorts c
         JOIN parts p ON p.id = c.part_id
         JOIN programmes g ON g.id = p.programme_id
         LEFT JOIN sessions s ON s.id = $2
        WHERE c.id = $1`,
      [exam.cohortId, exam.sessionId],
    );
    return row;
  }

  async examiners(cohortId: string): Promise<string[]> {
    const rows: { name: string }[] = await this.dataSource.query(
      `SELECT u.name FROM cohort_teachers t JOIN users u ON u.id = t.user_id WHERE t.cohort_id = $1`,
      [cohortId],
    );
    return rows.map((r) => r.name).sort((a, b) => a.localeCompare(b, 'lv'));
  }
}
