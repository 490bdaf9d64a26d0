import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, actorHasRole } from '../common/actor';
import { ForbiddenError } from '../common/errors';
import { CohortAccessService } from '../cohorts/cohort-access.service';
import { Certificate } from './certificate.entity';
import { CertificateNotFoundError } from './certificates.errors';

/**
 * Who may do what with certificates. Administrators (and the platform's own jobs) issue, revoke and reissue;
 * a certificate is seen and downloaded by its holder and administrators; a cohort's list and register by its
 * staff; a programme's register and the files of a whole cohort (the ZIP) by administrators. Anyone else is told
 * there is no such certificate, so a guessed id reveals nothing.
 */
@Injectable()
export class CertificateAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cohorts: CohortAccessService,
  ) {}

  /** Instructors can neither issue nor revoke: only administrators, and jobs acting as the platform. */
  assertCanIssue(actor: Actor): void {
    if (!actorHasRole(actor, 'admin')) throw new ForbiddenError();
  }

  /** The certificate (with its holder and issuer), if the caller holds it or is an administrator. */
  async getVisible(actor: Actor, id: string): Promise<Certificate> {
    const certificate = await this.dataSource
      .getRepository(Certificate)
      .findOne({ where: { id }, relations: { user: true, issuedBy: true } });
    if (!certificate || !(actorHasRole(actor, 'admin') || certificate.userId === actor.userId)) throw new CertificateNotFoundError();
    return certificate;
  }

  /**
   * Every certificate at once — the files of a cohort's (the ZIP), a programme's register — is for administrators:
   * an instructor sees the cohort's list but opens no one's certificate.
   */
  assertCanReadAll(actor: Actor): void {
    if (!actorHasRole(actor, 'admin')) throw new ForbiddenError();
  }

  /** A cohort's certificates are listed for its instructors and administrators. */
  assertCanListCohort(actor: Actor, cohortId: string): Promise<void> {
    return this.cohorts.assertCanTeach(actor, cohortId);
  }
}
