import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PreparedRead } from '../database/prepared-read';
import { RawEntity } from '../database/raw-entity';
import type { Assignment } from '../assignments/assignment.entity';
import { Extension } from '../assignments/extension.entity';
import { Grade } from '../grading/grade.entity';
import { deadlinesFor, submissionState, type Deadlines, type SubmissionState } from './submission-state';
import { SubmissionFile } from './submission-file.entity';
import { SubmissionVersion } from './submission-version.entity';
import { Submission } from './submission.entity';

export type VersionWithFiles = SubmissionVersion & { files: SubmissionFile[] };

/** One trainee's work on one assignment, as read from the database. */
export interface TraineeWork {
  assignment: Assignment;
  userId: string;
  submission: Submission | null;
  /** Newest first; the draft, if any, is the first. */
  versions: VersionWithFiles[];
  draft: VersionWithFiles | null;
  /** The latest submitted version. */
  submitted: VersionWithFiles | null;
  extension: Extension | null;
  grade: Grade | null;
  deadlines: Deadlines;
  state: SubmissionState;
}

type Row = Record<string, unknown>;

/**
 * One trainee's whole work on assignments in one statement: the submission, the extension and the grade each on
 * every row (or null), and one row per file of each version (a version without files on a row of its own). `keys`
 * names the assignments ($1: one id, or an array of them) and the trainee ($2).
 */
const workSql = (columns: string, keys: string) => `
  SELECT k.assignment_id AS k_assignment_id, ${columns}
    FROM (SELECT ${keys} AS assignment_id, $2::uuid AS user_id) k
    LEFT JOIN submissions s ON s.assignment_id = k.assignment_id AND s.user_id = k.user_id
    LEFT JOIN extensions e ON e.assignment_id = k.assignment_id AND e.user_id = k.user_id
    LEFT JOIN grades g ON g.submission_id = s.id
    LEFT JOIN submission_versions v ON v.submission_id = s.id
    LEFT JOIN submission_files f ON f.version_id = v.id
   ORDER BY k.assignment_id, v.number DESC, f.created_at, f.file_name`;

/** Every version of a submission with its files, newest first, one row per file. */
const versionsSql = (columns: string) => `
  SELECT ${columns}
    FROM submission_versions v
    LEFT JOIN submission_files f ON f.version_id = v.id
   WHERE v.submission_id = $1
   ORDER BY v.number DESC, f.created_at, f.file_name`;

/**
 * Reads submissions with their versions, files, extension and grade. A hand-in reads a trainee's work three
 * times and every assignment page once, so each read is one hand-written statement (a prepared one outside a
 * transaction) rather than five of TypeORM's.
 */
@Injectable()
export class SubmissionRecords {
  private readonly submissions: RawEntity<Submission>;
  private readonly extensions: RawEntity<Extension>;
  private readonly grades: RawEntity<Grade>;
  private readonly versionRows: RawEntity<SubmissionVersion>;
  private readonly files: RawEntity<SubmissionFile>;
  private readonly workRead: PreparedRead<Row>;
  private readonly worksRead: PreparedRead<Row>;
  private readonly versionsRead: PreparedRead<Row>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.submissions = new RawEntity(dataSource, Submission);
    this.extensions = new RawEntity(dataSource, Extension);
    this.grades = new RawEntity(dataSource, Grade);
    this.versionRows = new RawEntity(dataSource, SubmissionVersion);
    this.files = new RawEntity(dataSource, SubmissionFile);
    const versionColumns = `${this.versionRows.select('v', 'v_')}, ${this.files.select('f', 'f_')}`;
    const workColumns = `${this.submissions.select('s', 's_')}, ${this.extensions.select('e', 'e_')}, ${this.grades.select('g', 'g_')}, ${versionColumns}`;
    this.workRead = PreparedRead.on(dataSource, 'trainee_work', workSql(workColumns, '$1::uuid'));
    this.worksRead = PreparedRead.on(dataSource, 'trainee_works', workSql(workColumns, 'unnest($1::uuid[])'));
    this.versionsRead = PreparedRead.on(dataSource, 'submission_versions', versionsSql(versionColumns));
  }

  /**
   * In `manager`'s transaction when given one. `locked`: the submission row the caller has just read (and locked)
   * in that transaction, taken as it is rather than as read again.
   */
  async work(assignment: Assignment, userId: string, manager?: EntityManager, locked?: Submission | null): Promise<TraineeWork> {
    return this.workOf(assignment, userId, await this.workRead.rows([assignment.id, userId], manager), locked);
  }

  /** The trainee's work on each of the assignments, in one statement, in the order given. */
  async works(assignments: readonly Assignment[], userId: string): Promise<TraineeWork[]> {
    if (!assignments.length) return [];
    const rows = await this.worksRead.rows([assignments.map((a) => a.id), userId]);
    const byAssignment = new Map<string, Row[]>();
    for (const row of rows) {
      const id = row.k_assignment_id as string;
      const list = byAssignment.get(id);
      if (list) list.push(row);
      else byAssignment.set(id, [row]);
    }
    return assignments.map((assignment) => this.workOf(assignment, userId, byAssignment.get(assignment.id)!));
  }

  /** The rows of one assignment's work (at least one, from the LEFT JOINs), assembled. */
  private workOf(assignment: Assignment, userId: string, rows: Row[], locked?: Submission | null): TraineeWork {
    const [first] = rows;
    const submission = locked !== undefined ? locked : first.s_id ? this.submissions.from(first, 's_') : null;
    const extension = first.e_id ? this.extensions.from(first, 'e_') : null;
    const grade = first.g_id ? this.grades.from(first, 'g_') : null;
    return this.assemble(assignment, userId, submission, this.versionsOf(rows), extension, grade);
  }

  /**
   * The trainee's submission row, created if need be, and locked in `manager`'s transaction until it ends, so
   * hand-ins of one trainee take turns. One statement: an insert that, on finding the row, locks it instead.
   */
  async lockOrCreate(manager: EntityManager, assignmentId: string, userId: string): Promise<Submission> {
    const [row] = (await manager.query(
      `INSERT INTO submissions AS s (assignment_id, user_id) VALUES ($1, $2)
       ON CONFLICT (assignment_id, user_id) DO UPDATE SET assignment_id = EXCLUDED.assignment_id
       RETURNING ${this.submissions.select('s', 's_')}`,
      [assignmentId, userId],
    )) as Row[];
    return this.submissions.from(row, 's_');
  }

  /**
   * The work after the caller changed its versions or files in its transaction (holding the submission's lock):
   * those are read again; the submission is taken as the caller left it, and the extension and grade as read
   * under the lock.
   */
  async reread(work: TraineeWork & { submission: Submission }, manager: EntityManager): Promise<TraineeWork> {
    const versions = await this.versions(work.submission.id, manager);
    return this.assemble(work.assignment, work.userId, work.submission, versions, work.extension, work.grade);
  }

  private assemble(
    assignment: Assignment,
    userId: string,
    submission: Submission | null,
    versions: VersionWithFiles[],
    extension: Extension | null,
    grade: Grade | null,
  ): TraineeWork {
    const deadlines = deadlinesFor(assignment, extension, submission);
    return {
      assignment,
      userId,
      submission,
      versions,
      draft: versions.find((v) => !v.submittedAt) ?? null,
      submitted: versions.find((v) => v.submittedAt) ?? null,
      extension,
      grade,
      deadlines,
      state: submissionState(submission, grade, deadlines.dueAt),
    };
  }

  /** Every version of a submission with its files, newest first. */
  async versions(submissionId: string, manager?: EntityManager): Promise<VersionWithFiles[]> {
    return this.versionsOf(await this.versionsRead.rows([submissionId], manager));
  }

  /** Rows of `v_` version and `f_` file columns, ordered by version: each version once, with its files in order. */
  private versionsOf(rows: Row[]): VersionWithFiles[] {
    const versions: VersionWithFiles[] = [];
    for (const row of rows) {
      if (!row.v_id) continue;
      let version = versions.at(-1);
      if (version?.id !== row.v_id)
        versions.push((version = Object.assign(this.versionRows.from(row, 'v_'), { files: [] as SubmissionFile[] })));
      if (row.f_id) version.files.push(this.files.from(row, 'f_'));
    }
    return versions;
  }
}
