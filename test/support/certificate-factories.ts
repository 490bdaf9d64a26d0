import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CertificateTemplate } from '../../src/certificates/certificate-template.entity';
import type { CertificateTemplateInput } from '../../src/certificates/certificates.schemas';
import type { Cohort } from '../../src/cohorts/cohort.entity';
import type { Enrolment } from '../../src/cohorts/enrolment.entity';
import type { Language } from '../../src/i18n/languages';
import type { Part } from '../../src/programmes/part.entity';
import type { Programme } from '../../src/programmes/programme.entity';
import type { User } from '../../src/users/user.entity';
import { markCompleted } from './completion-factories';
import { createTrainee } from './factories';
import { createCohort, createPart, createProgramme, enrol } from './schedule-factories';

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

/** A programme with a template, one part, one cohort and `count` trainees who completed it. */
export async function completedCohort(
  ds: DataSource,
  count = 1,
  options: { names?: string[]; language?: Language; instructors?: User[] } = {},
): Promise<CompletedWorld> {
  const programme = await createProgramme(ds, {
    titleLv: 'Daugavpils pašvaldības darbinieku kursu cikls',
    titleEn: 'Course cycle for Daugavpils municipal staff',
  });
  await createTemplate(ds, programme, { serialFormat: uniqueSerialFormat() });
  const part = await createPart(ds, programme, {
    titleLv: 'Projektu vadības specifika dažāda veida projektos',
    titleEn: 'Managing different kinds of projects',
    academicHours: 40,
  });
  const cohort = await createCohort(ds, part, { startsOn: '2012-05-02', endsOn: '2012-06-20', instructors: options.instructors ?? [] });
  const trainees: User[] = [];
  const enrolments: Enrolment[] = [];
  for (let i = 0; i < count; i++) {
    const trainee = await createTrainee(ds, { name: options.names?.[i], language: options.language });
    const enrolment = await enrol(ds, cohort, trainee);
    await markCompleted(ds, enrolment.id);
    trainees.push(trainee);
    enrolments.push(enrolment);
  }
  return { programme, part, cohort, trainees, enrolments };
}
