import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { PreparedRead } from '../database/prepared-read';
import { Certificate, type CertificateStatus, type RevocationReason } from './certificate.entity';

/** What the public verification page shows of a certificate, and the neighbours in its history. */
export interface VerifiedCertificate {
  serial: string;
  verification_code: string;
  holder_name: string;
  language: 'lv' | 'en';
  programme_title: string;
  part_title: string | null;
  academic_hours: number;
  issuer_name: string;
  issued_at: Date;
  status: CertificateStatus;
  revoked_at: Date | null;
  revocation_reason: RevocationReason | null;
  replaces_serial: string | null;
  replaces_code: string | null;
  replaced_by_serial: string | null;
  replaced_by_code: string | null;
}

/** A completed enrolment a certificate can be issued for: whose, in which cohort, part and programme. */
export interface CompletedEnrolment {
  enrolmentId: string;
  userId: string;
  cohortId: string;
  partId: string;
  programmeId: string;
  startsOn: string;
  endsOn: string;
}

/** One part of a programme and the holder's earliest completed enrolment in it, if any. */
export interface PartCompletion {
  partId: string;
  enrolmentId: string | null;
  startsOn: string | null;
  endsOn: string | null;
}

/** A member of a cohort as its certificate list shows them. */
export interface CohortHolderRow {
  enrolment_id: string;
  user_id: string;
  user_name: string;
  completed_at: Date | null;
  certificate_id: string | null;
  serial: string | null;
  status: CertificateStatus | null;
  issued_at: Date | null;
}

/** Someone who completed every part of a programme, with their valid programme certificate if they hold one. */
export interface ProgrammeHolderRow {
  user_id: string;
  user_name: string;
  certificate_id: string | null;
  serial: string | null;
  issued_at: Date | null;
}

/** A certificate of a cohort's as the ZIP of its files needs it. */
export interface CertificateFileRow {
  id: string;
  serial: string;
  holder_name: string;
  status: CertificateStatus;
  issued_at: Date;
  file_key: string;
  file_size: number;
}

/** One line of the certificate register: what the certificate says and what became of it. */
export interface RegisterRow {
  certificate_id: string;
  serial: string;
  holder_name: string;
  programme_title: string;
  /** Null for a certificate of the whole programme. */
  part_title: string | null;
  /** The cohort of a part certificate's enrolment; null for a programme certificate. */
  cohort_name: string | null;
  academic_hours: number;
  issued_at: Date;
  status: CertificateStatus;
  revoked_at: Date | null;
  revocation_reason: RevocationReason | null;
  replaced_by_serial: string | null;
  sha256: string;
}

/** Whose certificates a register or an archive covers: a programme's (part and programme certificates) or a cohort's. */
export type RegisterScope = { programmeId: string } | { cohortId: string };

/**
 * A cohort's certificates are the part certificates of its enrolments (a part certificate certifies exactly one);
 * `e` is that enrolment. A reissue keeps its enrolment, so it stays with the cohort.
 */
const OF_COHORT = `c.part_id = (SELECT part_id FROM cohorts WHERE id = $1) AND e.cohort_id = $1`;
const scopeWhere = (scope: RegisterScope) => ('cohortId' in scope ? OF_COHORT : 'c.programme_id = $1');
const scopeId = (scope: RegisterScope) => ('cohortId' in scope ? scope.cohortId : scope.programmeId);

const REGISTER_FROM = `
    FROM certificates c
    LEFT JOIN enrolments e ON c.part_id IS NOT NULL AND e.id = c.enrolment_ids[1]`;

/** Serials in the order they were given (byte order: every serial of a format has as many digits). */
const BY_SERIAL = `ORDER BY c.serial COLLATE "C"`;

/** Completed members of a cohort who were never issued a certificate of its part. */
export interface ReadyToIssueRow {
  cohort_id: string;
  cohort_name: string;
  ready: number;
  /** When the first of them completed. */
  since: Date | null;
}

const VERIFICATION_COLUMNS = `
  c.serial, c.verification_code, c.holder_name, c.language, c.programme_title, c.part_title, c.academic_hours,
  c.issuer_name, c.issued_at, c.status, c.revoked_at, c.revocation_reason,
  prev.serial AS replaces_serial, prev.verification_code AS replaces_code,
  next.serial AS replaced_by_serial, next.verification_code AS replaced_by_code`;

const verificationSql = (where: string) => `
  SELECT ${VERIFICATION_COLUMNS}
    FROM certificates c
    LEFT JOIN certificates prev ON prev.id = c.replaces_id
    LEFT JOIN certificates next ON next.replaces_id = c.id
   WHERE ${where}
   ORDER BY c.issued_at DESC
   LIMIT 1`;

/** The public check by code: the page's one statement (the verification benchmark's reference runs it too). */
export const VERIFICATION_BY_CODE_SQL = verificationSql('c.verification_code = $1');

/** The hand-written SQL of certificates: serial counters, who completed what, the lists and the public checks. */
@Injectable()
export class CertificateRecords {
  private readonly byCode: PreparedRead<VerifiedCertificate>;
  private readonly byHash: PreparedRead<VerifiedCertificate>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.byCode = PreparedRead.on(dataSource, 'certificate_by_code', VERIFICATION_BY_CODE_SQL);
    this.byHash = PreparedRead.on(dataSource, 'certificate_by_hash', verificationSql('c.sha256 = $1'));
  }

  /**
   * Takes the next `count` serial numbers of the programme in the year, in the caller's transaction, and returns
   * the last of them: the counter row stays locked until it ends, so concurrent issues take consecutive numbers in
   * turn, and a rollback returns the numbers.
   */
  async takeSerialNumbers(manager: EntityManager, programmeId: string, year: number, count: number): Promise<number> {
    const [row] = (await manager.query(
      `INSERT INTO certificate_serial_counters AS k (programme_id, year, last_number) VALUES ($1, $2, $3)
       ON CONFLICT (programme_id, year) DO UPDATE SET last_number = k.last_number + $3
       RETURNING last_number`,
      [programmeId, year, count],
    )) as { last_number: number }[];
    return row.last_number;
  }

  /** The last serial number the programme's counter has given in the year (0 before the first), as committed now. */
  async lastSerialNumber(manager: EntityManager, programmeId: string, year: number): Promise<number> {
    const [row] = (await manager.query(`SELECT last_number FROM certificate_serial_counters WHERE programme_id = $1 AND year = $2`, [
      programmeId,
      year,
    ])) as { last_number: number }[];
    return row?.last_number ?? 0;
  }

  /**
   * Each of the enrolments that exists: its completion of its part (completed_enrolments) or null while it has not
   * completed. An id with no enrolment is left out.
   */
  async completedEnrolments(manager: EntityManager, enrolmentIds: string[]): Promise<Map<string, CompletedEnrolment | null>> {
    const rows = (await manager.query(
      `SELECT e.id, e.user_id, e.cohort_id, c.part_id, p.programme_id, c.starts_on::text, c.ends_on::text,
              (ce.enrolment_id IS NOT NULL) AS completed
         FROM enrolments e
         JOIN cohorts c ON c.id = e.cohort_id
         JOIN parts p ON p.id = c.part_id
         LEFT JOIN completed_enrolments ce ON ce.enrolment_id = e.id
        WHERE e.id = ANY($1::uuid[])`,
      [enrolmentIds],
    )) as Record<string, string & boolean>[];
    return new Map(
      rows.map((row) => [
        row.id,
        row.completed
          ? {
              enrolmentId: row.id,
              userId: row.user_id,
              cohortId: row.cohort_id,
              partId: row.part_id,
              programmeId: row.programme_id,
              startsOn: row.starts_on,
              endsOn: row.ends_on,
            }
          : null,
      ]),
    );
  }

  /** The valid certificates the people hold, part or programme ones, in the caller's transaction. */
  validHeldBy(manager: EntityManager, userIds: string[]): Promise<Certificate[]> {
    return manager.getRepository(Certificate).find({ where: { userId: In(userIds), status: 'valid' } });
  }

  /** The first and last day of the cohorts of these enrolments. */
  async periodOf(manager: EntityManager, enrolmentIds: string[]): Promise<{ startsOn: string; endsOn: string }> {
    const [row] = (await manager.query(
      `SELECT min(c.starts_on)::text AS starts_on, max(c.ends_on)::text AS ends_on
         FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE e.id = ANY($1::uuid[])`,
      [enrolmentIds],
    )) as { starts_on: string; ends_on: string }[];
    return { startsOn: row.starts_on, endsOn: row.ends_on };
  }

  /** Each part of the programme, in order, with the person's earliest completed enrolment in it. */
  async partCompletions(manager: EntityManager, programmeId: string, userId: string): Promise<PartCompletion[]> {
    const rows = (await manager.query(
      `SELECT p.id AS part_id, done.enrolment_id, done.starts_on, done.ends_on
         FROM parts p
         LEFT JOIN LATERAL (
              SELECT ce.enrolment_id, c.starts_on::text, c.ends_on::text
                FROM completed_enrolments ce
                JOIN cohorts c ON c.id = ce.cohort_id
               WHERE ce.part_id = p.id AND ce.user_id = $2
               ORDER BY ce.completed_at, ce.enrolment_id
               LIMIT 1) done ON true
        WHERE p.programme_id = $1
        ORDER BY p.number`,
      [programmeId, userId],
    )) as Record<string, string | null>[];
    return rows.map((r) => ({ partId: r.part_id!, enrolmentId: r.enrolment_id, startsOn: r.starts_on, endsOn: r.ends_on }));
  }

  /** The public check by code: one prepared statement. */
  async verifyCode(code: string): Promise<VerifiedCertificate | null> {
    return (await this.byCode.rows([code]))[0] ?? null;
  }

  /** The public check of a file by its SHA-256 (hex): one prepared statement. */
  async verifyHash(sha256: string): Promise<VerifiedCertificate | null> {
    return (await this.byHash.rows([sha256]))[0] ?? null;
  }

  /** The members of a cohort with whether they completed and their latest part certificate of it. */
  cohortHolders(cohortId: string): Promise<CohortHolderRow[]> {
    return this.dataSource.query(
      `SELECT m.enrolment_id, m.user_id, u.name AS user_name, ce.completed_at,
              cert.id AS certificate_id, cert.serial, cert.status, cert.issued_at
         FROM cohort_members m
         JOIN users u ON u.id = m.user_id
         JOIN cohorts co ON co.id = m.cohort_id
         LEFT JOIN completed_enrolments ce ON ce.enrolment_id = m.enrolment_id
         LEFT JOIN LATERAL (
              SELECT id, serial, status, issued_at FROM certificates x
               WHERE x.user_id = m.user_id AND x.part_id = co.part_id
               ORDER BY (x.status = 'valid') DESC, x.issued_at DESC
               LIMIT 1) cert ON true
        WHERE m.cohort_id = $1
        ORDER BY u.name, m.enrolment_id`,
      [cohortId],
    );
  }

  /** Everyone who completed every part of the programme, with their valid programme certificate. */
  programmeHolders(programmeId: string): Promise<ProgrammeHolderRow[]> {
    return this.dataSource.query(
      `SELECT u.id AS user_id, u.name AS user_name, cert.id AS certificate_id, cert.serial, cert.issued_at
         FROM users u
         LEFT JOIN certificates cert ON cert.user_id = u.id AND cert.programme_id = $1 AND cert.part_id IS NULL
                                    AND cert.status = 'valid'
        WHERE u.id IN (SELECT ce.user_id FROM completed_enrolments ce JOIN parts p ON p.id = ce.part_id
                        WHERE p.programme_id = $1
                        GROUP BY ce.user_id
                       HAVING count(DISTINCT ce.part_id) = (SELECT count(*) FROM parts WHERE programme_id = $1))
        ORDER BY u.name, u.id`,
      [programmeId],
    );
  }

  /** The stored files of a cohort's certificates, valid ones only unless `all`, in serial order. */
  cohortFiles(cohortId: string, all: boolean): Promise<CertificateFileRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.serial, c.holder_name, c.status, c.issued_at, c.file_key, c.file_size
         ${REGISTER_FROM}
        WHERE ${OF_COHORT} AND ($2 OR c.status = 'valid')
        ${BY_SERIAL}`,
      [cohortId, all],
    );
  }

  /** The register's lines of a programme or a cohort in serial order: all of them, or `limit` from `offset`. */
  registerRows(scope: RegisterScope, page?: { limit: number; offset: number }): Promise<RegisterRow[]> {
    return this.dataSource.query(
      `SELECT c.id AS certificate_id, c.serial, c.holder_name, c.programme_title, c.part_title, co.name AS cohort_name,
              c.academic_hours, c.issued_at, c.status, c.revoked_at, c.revocation_reason,
              next.serial AS replaced_by_serial, c.sha256
         ${REGISTER_FROM}
         LEFT JOIN cohorts co ON co.id = e.cohort_id
         LEFT JOIN certificates next ON next.replaces_id = c.id
        WHERE ${scopeWhere(scope)}
        ${BY_SERIAL}
        ${page ? 'LIMIT $2 OFFSET $3' : ''}`,
      page ? [scopeId(scope), page.limit, page.offset] : [scopeId(scope)],
    );
  }

  /** How many lines the register of a programme or a cohort has. */
  async registerCount(scope: RegisterScope): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n ${REGISTER_FROM} WHERE ${scopeWhere(scope)}`, [
      scopeId(scope),
    ])) as { n: number }[];
    return row.n;
  }
  /**
   * Per cohort, the enrolments that completed their part (`completed_enrolments`) whose holder was never issued a
   * certificate of that part: none valid, none revoked (an administrator took that one back on purpose), and a
   * replaced one always has its successor. The cohort waiting longest first.
   */
  readyToIssue(): Promise<ReadyToIssueRow[]> {
    return this.dataSource.query(
      `SELECT ce.cohort_id, c.name AS cohort_name, count(*)::int AS ready, min(ce.completed_at) AS since
         FROM completed_enrolments ce
         JOIN cohorts c ON c.id = ce.cohort_id
        WHERE NOT EXISTS (SELECT 1 FROM certificates x WHERE x.user_id = ce.user_id AND x.part_id = ce.part_id)
        GROUP BY ce.cohort_id, c.name
        ORDER BY min(ce.completed_at), ce.cohort_id`,
    );
  }
}
