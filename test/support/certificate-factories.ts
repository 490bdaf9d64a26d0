import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Certificate } from '../../src/certificates/certificate.entity';
import { CertificateTemplate } from '../../src/certificates/certificate-template.entity';
import type { CertificateTemplateInput } from '../../src/certificates/certificates.schemas';
import { CertificatesService } from '../../src/certificates/certificates.service';
import { Clock } from '../../src/common/clock';
import type { Cohort } from '../../src/cohorts/cohort.entity';
import type { Enrolment } from '../../src/cohorts/enrolment.entity';
import type { Language } from '../../src/i18n/languages';
import type { Part } from '../../src/programmes/part.entity';
import type { Programme } from '../../src/programmes/programme.entity';
import { REDIS } from '../../src/redis/redis.module';
import type { RedisClient } from '../../src/redis/redis-connection';
import { appKey } from '../../src/redis/redis-keys';
import type { User } from '../../src/users/user.entity';
import { startWebApp, type TestApp } from './app';
import { markCompleted } from './completion-factories';
import { actorOf, createTrainee } from './factories';
import { type ApiCall, signInAdmin } from './http';
import { createCohort, createPart, createProgramme, enrol } from './schedule-factories';

/** When the certificate tests issue: 20 June 2012, Riga time, as the seed's part 2 closes (serials carry 2012). */
export const ISSUED_AT = new Date('2012-06-20T09:00:00Z');

export interface CertificateTestApp {
  t: TestApp;
  service: CertificatesService;
  admin: User;
  adminAgent: ReturnType<TestApp['agent']>;
  adminApi: ApiCall;
}

/** The web app with its clock at ISSUED_AT and an administrator signed in on the pages and the API. */
export async function startCertificateApp(): Promise<CertificateTestApp> {
  const t = await startWebApp();
  t.app.get(Clock).set(ISSUED_AT);
  const { admin, agent, api } = await signInAdmin(t);
  return { t, service: t.app.get(CertificatesService), admin, adminAgent: agent, adminApi: api };
}

/** Forgets the public checks counted so far, so a test starts with its address's checks unused. */
export async function clearVerificationChecks(t: TestApp): Promise<void> {
  const redis = t.app.get<RedisClient>(REDIS);
  const keys = await redis.keys(appKey(process.env.REDIS_PREFIX!, 'verify:address:*'));
  if (keys.length) await redis.del(...keys);
}

/** A complete template, as an administrator would write it for the seed's programme. */
export function templateInput(overrides: Partial<CertificateTemplateInput> = {}): CertificateTemplateInput {
  return {
    titleLv: 'Apliecība',
    titleEn: 'Certificate',
    placeLv: 'Daugavpils',
    placeEn: 'Daugavpils',
    learningOutcomesLv: ['Pārzina projektu vadības ciklu', 'Prot sagatavot projekta pieteikumu'],
    learningOutcomesEn: ['Knows the project management cycle', 'Can prepare a project application'],
    signatories: [{ name: 'Žanna Ķirķe', position: 'Projekta vadītāja' }],
    issuerLv: 'Daugavpils pilsētas dome',
    issuerEn: 'Daugavpils City Council',
    serialFormat: 'DPD-{YYYY}/{NNNN}',
    ...overrides,
  };
}

/** Writes the programme's certificate template straight to the database. */
export async function createTemplate(
  ds: DataSource,
  programme: Programme,
  overrides: Partial<CertificateTemplateInput> = {},
): Promise<CertificateTemplate> {
  const repo = ds.getRepository(CertificateTemplate);
  return repo.save(repo.create({ programmeId: programme.id, ...templateInput(overrides) }));
}

/** The template as the page's form posts it. */
export function templateForm(overrides: Record<string, string> = {}): Record<string, string> {
  const input = templateInput();
  return {
    titleLv: input.titleLv,
    titleEn: input.titleEn,
    placeLv: input.placeLv,
    placeEn: input.placeEn,
    issuerLv: input.issuerLv,
    issuerEn: input.issuerEn,
    learningOutcomesLv: input.learningOutcomesLv.join('\n'),
    learningOutcomesEn: input.learningOutcomesEn.join('\n'),
    signatory1Name: 'Žanna Ķirķe',
    signatory1Position: 'Projekta vadītāja',
    signatory2Name: '',
    signatory2Position: '',
    signatory3Name: '',
    signatory3Position: '',
    serialFormat: input.serialFormat,
    ...overrides,
  };
}

/** A serial format no other test programme shares (serials are unique across programmes). */
export function uniqueSerialFormat(): string {
  return `T${randomBytes(4).toString('hex').toUpperCase()}-{YYYY}/{NNNN}`;
}

export interface CompletedWorld {
  programme: Programme;
  part: Part;
  cohort: Cohort;
  trainees: User[];
  enrolments: Enrolment[];
}

export interface CompletedOptions {
  names?: string[];
  language?: Language;
  instructors?: User[];
  cohortName?: string;
  /** Whether the programme gets a template (with a serial format of its own); yes unless told. */
  template?: boolean;
}

/** The trainee enrolled in the cohort and recorded as having completed it. */
export async function completedEnrolment(ds: DataSource, cohort: Cohort, trainee: User): Promise<Enrolment> {
  const enrolment = await enrol(ds, cohort, trainee);
  await markCompleted(ds, enrolment.id);
  return enrolment;
}

/** A programme with a template, one part of 40 hours, one cohort in May–June 2012 and `count` trainees who completed it. */
export async function completedCohort(ds: DataSource, count = 1, options: CompletedOptions = {}): Promise<CompletedWorld> {
  const programme = await createProgramme(ds, {
    titleLv: 'Daugavpils pašvaldības darbinieku kursu cikls',
    titleEn: 'Course cycle for Daugavpils municipal staff',
  });
  if (options.template ?? true) await createTemplate(ds, programme, { serialFormat: uniqueSerialFormat() });
  const part = await createPart(ds, programme, {
    titleLv: 'Projektu vadības specifika dažāda veida projektos',
    titleEn: 'Managing different kinds of projects',
    academicHours: 40,
  });
  const cohort = await createCohort(ds, part, {
    name: options.cohortName,
    startsOn: '2012-05-02',
    endsOn: '2012-06-20',
    instructors: options.instructors ?? [],
  });
  const trainees: User[] = [];
  const enrolments: Enrolment[] = [];
  for (let i = 0; i < count; i++) {
    const trainee = await createTrainee(ds, { name: options.names?.[i], language: options.language });
    trainees.push(trainee);
    enrolments.push(await completedEnrolment(ds, cohort, trainee));
  }
  return { programme, part, cohort, trainees, enrolments };
}

/** A completed cohort whose first trainee holds a certificate, issued by the administrator through the service. */
export async function issuedCertificate(
  app: Pick<CertificateTestApp, 't' | 'service' | 'admin'>,
  options: CompletedOptions & { count?: number } = {},
): Promise<{ world: CompletedWorld; certificate: Certificate }> {
  const world = await completedCohort(app.t.dataSource, options.count ?? options.names?.length ?? 1, options);
  const { certificate } = await app.service.issue(actorOf(app.admin), { enrolmentId: world.enrolments[0].id });
  return { world, certificate };
}
