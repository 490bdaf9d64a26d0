import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Cohort } from '../../src/cohorts/cohort.entity';
import { Enrolment, EnrolmentStatus } from '../../src/cohorts/enrolment.entity';
import { Part } from '../../src/programmes/part.entity';
import { Programme } from '../../src/programmes/programme.entity';
import { Session } from '../../src/sessions/session.entity';
import type { User } from '../../src/users/user.entity';

/** Programmes, parts, cohorts and enrolments written straight to the database. */

export async function createProgramme(ds: DataSource, overrides: Partial<Programme> = {}): Promise<Programme> {
  const repo = ds.getRepository(Programme);
  return repo.save(
    repo.create({
      titleLv: `Projektu vadība ${randomUUID().slice(0, 6)}`,
      status: 'active',
      projectTitle: 'Pašvaldības darbinieku kompetenču paaugstināšana',
      agreementNumber: '1DP/1.5.2.2.3/11/APIA/SIF/110/71',
      funder: 'Eiropas Sociālais fonds',
      fundingStatement: 'Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu.',
      ...overrides,
    }),
  );
}

export async function createPart(ds: DataSource, programme: Programme, overrides: Partial<Part> = {}): Promise<Part> {
  const repo = ds.getRepository(Part);
  const number = overrides.number ?? (await repo.countBy({ programmeId: programme.id })) + 1;
  return repo.save(
    repo.create({ programmeId: programme.id, number, titleLv: `${number}. daļa: Projektu vadība`, academicHours: 40, ...overrides }),
  );
}

export interface CohortOptions {
  name?: string;
  instructors?: User[];
  startsOn?: string;
  endsOn?: string;
  capacity?: number;
}

export async function createCohort(ds: DataSource, part: Part, options: CohortOptions = {}): Promise<Cohort> {
  const repo = ds.getRepository(Cohort);
  return repo.save(
    repo.create({
      partId: part.id,
      name: options.name ?? `Grupa ${randomUUID().slice(0, 6)}`,
      startsOn: options.startsOn ?? '2012-09-05',
      endsOn: options.endsOn ?? '2012-12-14',
      capacity: options.capacity ?? 20,
      instructors: options.instructors ?? [],
    }),
  );
}

export async function enrol(ds: DataSource, cohort: Cohort, user: User, status: EnrolmentStatus = 'enrolled'): Promise<Enrolment> {
  const repo = ds.getRepository(Enrolment);
  const now = new Date();
  return repo.save(
    repo.create({
      cohortId: cohort.id,
      userId: user.id,
      status,
      enrolledAt: status === 'waitlisted' ? null : now,
      waitlistedAt: status === 'waitlisted' ? now : null,
      withdrawnAt: status === 'withdrawn' ? now : null,
    }),
  );
}

export interface SessionOptions extends Partial<Omit<Session, 'instructors'>> {
  instructors?: User[];
}

/** A scheduled class of the cohort, 09:00–12:00 Riga time on 10 September 2012 unless told otherwise. */
export async function createSession(ds: DataSource, cohort: Cohort, options: SessionOptions = {}): Promise<Session> {
  const repo = ds.getRepository(Session);
  const startsAt = options.startsAt ?? new Date('2012-09-10T06:00:00Z');
  return repo.save(
    repo.create({
      cohortId: cohort.id,
      kind: 'class',
      title: `Nodarbība ${randomUUID().slice(0, 6)}`,
      address: 'Krišjāņa Valdemāra iela 1, Daugavpils',
      ...options,
      startsAt,
      endsAt: options.endsAt ?? new Date(startsAt.getTime() + 3 * 3_600_000),
      instructors: options.instructors ?? [],
    }),
  );
}
