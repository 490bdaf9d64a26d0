import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Attendance, AttendanceStatus } from '../attendance/attendance.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { Enrolment, EnrolmentStatus } from '../cohorts/enrolment.entity';
import { rigaTime } from '../i18n/dates';
import { Indicator } from '../programmes/indicator.entity';
import { Part } from '../programmes/part.entity';
import { Programme } from '../programmes/programme.entity';
import { SessionChange } from '../sessions/session-change.entity';
import { Session, SessionKind } from '../sessions/session.entity';
import { User } from '../users/user.entity';
import type { Role } from '../common/roles';

/** Stable ids, so loading the demo again finds the same rows and changes nothing. */
export function demoId(name: string): string {
  const hex = createHash('sha1').update(`kursors-demo:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const FUNDING_STATEMENT =
  'Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu. Par informācijas saturu atbild Daugavpils pilsētas dome.';

/** Invented names: 20 employees completed part 2, 7 project specialists took part 1. */
const PART2_TRAINEES = [
  'Agnese Kalniņa',
  'Aigars Zariņš',
  'Baiba Krūmiņa',
  'Dainis Ozoliņš',
  'Elīna Vītola',
  'Gatis Liepiņš',
  'Ilona Pētersone',
  'Inese Jansone',
  'Juris Kļaviņš',
  'Kristīne Siliņa',
  'Laura Balode',
  'Līga Āboliņa',
  'Māris Grīnbergs',
  'Natālija Ivanova',
  'Oskars Eglītis',
  'Rita Šmite',
  'Sandra Lāce',
  'Svetlana Petrova',
  'Valdis Ūdris',
  'Zane Žagata',
];
const PART1_TRAINEES = [
  'Anna Bērziņa',
  'Edgars Vanags',
  'Ieva Skujiņa',
  'Jeļena Kozlova',
  'Kaspars Dūmiņš',
  'Marta Ķēniņa',
  'Viktors Gailis',
];

const DEPARTMENTS = [
  'Attīstības departaments',
  'Projektu nodaļa',
  'Izglītības pārvalde',
  'Komunālās saimniecības nodaļa',
  'Kultūras pārvalde',
];

function emailOf(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .replace(/ /g, '.');
  return `${ascii}@kursors.test`;
}

interface SessionSpec {
  key: string;
  kind: SessionKind;
  title: string;
  start: Date;
  end: Date;
  address?: string;
  room?: string;
  hosts?: string;
  sites?: string[];
}

function classDays(dates: [number, number, number][], title: string, keyPrefix: string, room: string): SessionSpec[] {
  return dates.map(([y, m, d], i) => ({
    key: `${keyPrefix}-${i + 1}`,
    kind: 'class' as const,
    title: `${title}, ${i + 1}. nodarbība`,
    start: rigaTime(y, m, d, 10, 0),
    end: rigaTime(y, m, d, 13, 15),
    address: 'Krišjāņa Valdemāra iela 1, Daugavpils',
    room,
  }));
}

const PART2_SESSIONS: SessionSpec[] = [
  ...classDays(
    [
      [2012, 5, 8],
      [2012, 5, 15],
      [2012, 5, 22],
      [2012, 5, 29],
      [2012, 6, 5],
      [2012, 6, 12],
      [2012, 6, 19],
    ],
    'Projektu vadības specifika',
    'p2-class',
    '214. telpa',
  ),
  {
    key: 'p2-seminar',
    kind: 'seminar',
    title: 'Informatīvais seminārs: kursu cikla 2. daļas noslēgums',
    start: rigaTime(2012, 6, 28, 10, 0),
    end: rigaTime(2012, 6, 28, 14, 0),
    address: 'Krišjāņa Valdemāra iela 1, Daugavpils',
    room: 'Sēžu zāle',
  },
  {
    key: 'visit-rezekne',
    kind: 'study_visit',
    title: 'Pieredzes apmaiņas brauciens uz Rēzekni',
    start: rigaTime(2012, 8, 16, 8, 0),
    end: rigaTime(2012, 8, 16, 19, 0),
    address: 'Rēzeknes pilsētas dome, Atbrīvošanas aleja 93, Rēzekne',
    hosts: 'Rēzeknes pašvaldības projektu vadītāji; Latgales plānošanas reģions',
    sites: [
      'Radošo pakalpojumu centrs „Zeimuļs”',
      'Multifunkcionālā koncertzāle',
      'Festivālu parks',
      'Stacijas iela',
      'Gājēju iela',
      'Atbrīvošanas aleja',
      'Latgales kultūrvēstures muzejs',
    ],
  },
  {
    key: 'visit-valmiera',
    kind: 'study_visit',
    title: 'Pieredzes apmaiņas brauciens uz Valmieru',
    start: rigaTime(2012, 9, 20, 7, 0),
    end: rigaTime(2012, 9, 20, 21, 0),
    address: 'Valmieras pilsētas pašvaldība, Lāčplēša iela 2, Valmiera',
    hosts: 'Valmieras pašvaldības projektu vadītāji; Latgales plānošanas reģions',
    sites: [
      'Valmieras vecpilsēta — muzeja restaurētās ēkas',
      'Piestātne Gaujas krastā',
      'Garšvielu dārziņš',
      'Gaujas tramvajs',
      'Valmieras teātris',
      'Valmieras biznesa inkubators',
      'Valmieras sākumskolas ēka',
    ],
  },
];

const PART1_SESSIONS: SessionSpec[] = [
  ...classDays(
    [
      [2012, 9, 5],
      [2012, 9, 12],
      [2012, 9, 19],
      [2012, 9, 26],
      [2012, 10, 3],
      [2012, 10, 10],
      [2012, 10, 17],
    ],
    'Projektu vadība',
    'p1-class',
    '305. telpa',
  ),
  {
    key: 'p1-exam',
    kind: 'exam_sitting',
    title: 'Gala eksāmens: Projektu vadība',
    start: rigaTime(2012, 12, 14, 10, 0),
    end: rigaTime(2012, 12, 14, 13, 0),
    address: 'Krišjāņa Valdemāra iela 1, Daugavpils',
    room: '305. telpa',
  },
];

/** A later run of part 1, so the demo also shows upcoming sessions and reminders. */
const REPEAT_SESSIONS: SessionSpec[] = [
  ...classDays(
    [
      [2027, 2, 3],
      [2027, 2, 10],
      [2027, 2, 17],
      [2027, 2, 24],
      [2027, 3, 3],
      [2027, 3, 10],
      [2027, 3, 17],
    ],
    'Projektu vadība (atkārtota grupa)',
    'repeat-class',
    '305. telpa',
  ),
  {
    key: 'repeat-exam',
    kind: 'exam_sitting',
    title: 'Gala eksāmens: Projektu vadība (atkārtota grupa)',
    start: rigaTime(2027, 5, 12, 10, 0),
    end: rigaTime(2027, 5, 12, 13, 0),
    address: 'Krišjāņa Valdemāra iela 1, Daugavpils',
    room: '305. telpa',
  },
];

export async function insertIgnore<T extends object>(manager: EntityManager, target: new () => T, values: Partial<T>[]): Promise<void> {
  if (!values.length) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(target)
    .values(values as never)
    .orIgnore()
    .execute();
}

async function upsertPeople(manager: EntityManager, names: string[], roles: Role[], passwordHash: string): Promise<string[]> {
  const values = names.map((name, i) => ({
    email: emailOf(name),
    name,
    roles,
    department: DEPARTMENTS[i % DEPARTMENTS.length],
    language: 'lv' as const,
    passwordHash,
  }));
  await insertIgnore(manager, User, values);
  const users = await manager.getRepository(User).find({ where: values.map((v) => ({ email: v.email })) });
  const byEmail = new Map(users.map((u) => [u.email, u.id]));
  return values.map((v) => byEmail.get(v.email)!);
}

async function addSessions(manager: EntityManager, cohortId: string, specs: SessionSpec[], instructorIds: string[]): Promise<string[]> {
  await insertIgnore(
    manager,
    Session,
    specs.map((s) => ({
      id: demoId(`session:${s.key}`),
      cohortId,
      kind: s.kind,
      title: s.title,
      startsAt: s.start,
      endsAt: s.end,
      address: s.address ?? null,
      room: s.room ?? null,
      hosts: s.hosts ?? null,
      sitesVisited: s.sites ?? [],
    })),
  );
  for (const spec of specs) {
    await manager.query('INSERT INTO session_instructors (session_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [
      demoId(`session:${spec.key}`),
      instructorIds,
    ]);
  }
  return specs.map((s) => demoId(`session:${s.key}`));
}

async function enrolAll(
  manager: EntityManager,
  cohortId: string,
  userIds: string[],
  status: EnrolmentStatus,
  enrolledAt: Date,
): Promise<void> {
  await insertIgnore(
    manager,
    Enrolment,
    userIds.map((userId) => ({ id: demoId(`enrolment:${cohortId}:${userId}`), cohortId, userId, status, enrolledAt })),
  );
}

/** A deterministic, mostly-present attendance record for sessions that took place. */
async function markAttendance(manager: EntityManager, sessionIds: string[], userIds: string[], markedById: string): Promise<void> {
  const rows: Partial<Attendance>[] = [];
  sessionIds.forEach((sessionId, s) =>
    userIds.forEach((userId, u) => {
      const roll = (s * 7 + u * 13) % 23;
      const status: AttendanceStatus = roll === 0 ? 'absent' : roll === 1 ? 'excused' : roll === 2 ? 'late' : 'present';
      rows.push({ id: demoId(`attendance:${sessionId}:${userId}`), sessionId, userId, status, markedById });
    }),
  );
  await insertIgnore(manager, Attendance, rows);
}

/**
 * The programme of the seed text: the project, both parts with their 2012 dates, the classes, the closing
 * seminar, the study visits to Rēzekne and Valmiera, the December exam sitting, and the one schedule change.
 */
export async function seedDemoProgramme(manager: EntityManager, passwordHash: string): Promise<void> {
  const programmeId = demoId('programme');
  await insertIgnore(manager, Programme, [
    {
      id: programmeId,
      titleLv: 'Daugavpils pašvaldības darbinieku kursu cikla programma',
      titleEn: 'Course cycle for Daugavpils municipality employees',
      descriptionLv:
        'Kursu cikls projektā „Daugavpils pašvaldības kapacitātes stiprināšana Eiropas Savienības politiku instrumentu un pārējās ārvalstu finanšu palīdzības līdzfinansēto projektu un pasākumu īstenošanai”.',
      descriptionEn:
        'Course cycle of the project strengthening the capacity of Daugavpils municipality to carry out projects co-financed by EU policy instruments and other foreign financial assistance.',
      status: 'active',
      projectTitle:
        'Daugavpils pašvaldības kapacitātes stiprināšana Eiropas Savienības politiku instrumentu un pārējās ārvalstu finanšu palīdzības līdzfinansēto projektu un pasākumu īstenošanai',
      agreementNumber: '1DP/1.5.2.2.3/11/APIA/SIF/110/71',
      funder: 'Eiropas Sociālais fonds',
      cofinancingPercent: '100',
      partners: ['Latgales plānošanas reģions'],
      fundingStatement: FUNDING_STATEMENT,
    },
  ]);

  const part1 = demoId('part:1');
  const part2 = demoId('part:2');
  await insertIgnore(manager, Part, [
    {
      id: part1,
      programmeId,
      number: 1,
      titleLv: 'Projektu vadība',
      titleEn: 'Project management',
      descriptionLv: 'Intensīvas nodarbības līdz oktobra vidum, tad patstāvīgais darbs un gala eksāmens decembra vidū.',
      descriptionEn: 'Intensive classes until mid-October, then independent work and a final exam in mid-December.',
      academicHours: 64,
      minAttendancePercent: 80,
      requiresIndependentWork: true,
      requiresFinalExam: true,
      closesWithSeminar: false,
    },
    {
      id: part2,
      programmeId,
      number: 2,
      titleLv: 'Projektu vadības specifika dažāda veida projektos',
      titleEn: 'Project management in different kinds of projects',
      descriptionLv: 'Nodarbības maijā un jūnijā, noslēgumā informatīvs seminārs.',
      descriptionEn: 'Classes in May and June, closed by an informative seminar.',
      academicHours: 32,
      minAttendancePercent: 75,
      requiresIndependentWork: false,
      requiresFinalExam: false,
      closesWithSeminar: true,
    },
  ]);

  await insertIgnore(manager, Indicator, [
    {
      id: demoId('indicator:trained'),
      programmeId,
      nameLv: 'Apmācīti pašvaldības darbinieki',
      nameEn: 'Municipal employees trained',
      metric: 'trainees_completed',
      target: 27,
      position: 1,
    },
    {
      id: demoId('indicator:visits'),
      programmeId,
      nameLv: 'Pieredzes apmaiņas braucieni',
      nameEn: 'Study visits',
      metric: 'study_visits_held',
      target: 2,
      position: 2,
    },
    {
      id: demoId('indicator:seminars'),
      programmeId,
      nameLv: 'Informatīvie semināri',
      nameEn: 'Informative seminars',
      metric: 'seminars_held',
      target: 1,
      position: 3,
    },
    {
      id: demoId('indicator:certificates'),
      programmeId,
      nameLv: 'Izsniegtie apliecinājumi',
      nameEn: 'Certificates issued',
      metric: 'certificates_issued',
      target: 27,
      position: 4,
    },
  ]);

  const [leadInstructor] = await manager.getRepository(User).find({ where: { email: 'instructor@kursors.test' } });
  const [secondInstructor] = await upsertPeople(manager, ['Dace Ozola'], ['instructor'], passwordHash);
  const instructors = [leadInstructor?.id, secondInstructor].filter((id): id is string => Boolean(id));
  const part2Trainees = await upsertPeople(manager, PART2_TRAINEES, ['trainee'], passwordHash);
  const part1Trainees = await upsertPeople(manager, PART1_TRAINEES.slice(1), ['trainee'], passwordHash);
  const [demoTrainee] = await manager.getRepository(User).find({ where: { email: 'trainee@kursors.test' } });
  if (demoTrainee) part1Trainees.unshift(demoTrainee.id);

  const cohort2 = demoId('cohort:part2-2012');
  const cohort1 = demoId('cohort:part1-2012');
  const repeat = demoId('cohort:part1-2027');
  await insertIgnore(manager, Cohort, [
    {
      id: cohort2,
      partId: part2,
      name: '2. daļa — 2012. gada maijs–septembris',
      startsOn: '2012-05-08',
      endsOn: '2012-09-30',
      capacity: 20,
    },
    { id: cohort1, partId: part1, name: '1. daļa — 2012. gada rudens', startsOn: '2012-09-05', endsOn: '2012-12-14', capacity: 7 },
    { id: repeat, partId: part1, name: '1. daļa — 2027. gada pavasaris', startsOn: '2027-02-03', endsOn: '2027-05-12', capacity: 12 },
  ]);
  for (const cohortId of [cohort2, cohort1, repeat]) {
    await manager.query('INSERT INTO cohort_instructors (cohort_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [
      cohortId,
      instructors,
    ]);
  }

  await enrolAll(manager, cohort2, part2Trainees, 'completed', rigaTime(2012, 5, 2, 9, 0));
  await enrolAll(manager, cohort1, part1Trainees, 'enrolled', rigaTime(2012, 9, 1, 9, 0));
  if (demoTrainee) await enrolAll(manager, repeat, [demoTrainee.id], 'enrolled', rigaTime(2026, 11, 2, 9, 0));

  const held2 = await addSessions(manager, cohort2, PART2_SESSIONS, instructors);
  const held1 = await addSessions(manager, cohort1, PART1_SESSIONS, instructors);
  await addSessions(manager, repeat, REPEAT_SESSIONS, instructors);
  await markAttendance(manager, held2, part2Trainees, instructors[0]);
  await markAttendance(manager, held1.slice(0, -1), part1Trainees, instructors[0]);
  await recordScheduleChange(manager, instructors[0]);
}

/** The schedule changed during the project: the 6th class of part 1 moved by two days, kept in its history. */
async function recordScheduleChange(manager: EntityManager, adminOrInstructorId: string | undefined): Promise<void> {
  const sessionId = demoId('session:p1-class-6');
  const oldStart = rigaTime(2012, 10, 10, 10, 0);
  const newStart = rigaTime(2012, 10, 12, 10, 0);
  const newEnd = rigaTime(2012, 10, 12, 13, 15);
  await insertIgnore(manager, SessionChange, [
    {
      id: demoId('change:p1-class-6'),
      sessionId,
      kind: 'moved',
      oldStartsAt: oldStart,
      oldEndsAt: rigaTime(2012, 10, 10, 13, 15),
      newStartsAt: newStart,
      newEndsAt: newEnd,
      reason: 'Pasniedzēja komandējuma dēļ nodarbība pārcelta uz piektdienu.',
      changedById: adminOrInstructorId ?? null,
      changedAt: rigaTime(2012, 10, 1, 12, 0),
    },
  ]);
  await manager.query('UPDATE sessions SET starts_at = $2, ends_at = $3, sequence = 1 WHERE id = $1 AND sequence = 0', [
    sessionId,
    newStart,
    newEnd,
  ]);
}
