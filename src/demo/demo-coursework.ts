import { EntityManager } from 'typeorm';
import { Assignment } from '../assignments/assignment.entity';
import { Grade } from '../grading/grade.entity';
import { lateSecondsAt } from '../submissions/submission-state';
import { SubmissionVersion } from '../submissions/submission-version.entity';
import { Submission } from '../submissions/submission.entity';
import { rigaTime } from '../i18n/dates';
import { User } from '../users/user.entity';
import { demoId, insertIgnore } from './demo-programme';

const TITLE = 'Patstāvīgais darbs: projekta pieteikuma izstrāde';
const MAX_POINTS = 20;
const PASS_MARK = 10;
const DUE_2012 = rigaTime(2012, 12, 3, 23, 59);
/** Grades of part 1 were released together a few days before the December exam. */
const RELEASED_AT = rigaTime(2012, 12, 10, 15, 0);
const GRADING_DAYS = 3;

interface Dates {
  due: string;
  cutoff: string;
  exam: string;
}

const brief = (
  dates: Dates,
) => `Pēc nodarbību cikla katrs kursants patstāvīgi izstrādā **projekta pieteikumu** savai iestādei: tādu, ko varētu iesniegt kādā no Eiropas Savienības fondu vai citu ārvalstu finanšu instrumentu atklātajiem konkursiem.

## Pieteikumā iekļaujiet

1. **Problēmu un mērķa grupu**: kas jārisina un kam tas nāks par labu;
2. **Mērķi un rezultātus** ar izmērāmiem rādītājiem;
3. **Aktivitāšu plānu** un laika grafiku;
4. **Indikatīvo budžetu** un finansējuma avotu (fonds, programma, līdzfinansējums);
5. **Riskus** un to mazināšanas pasākumus.

Atbildi rakstiet teksta laukā (līdz divām lappusēm) vai pievienojiet failu (PDF, DOCX vai ODT).

## Vērtēšana

Līdz 20 punktiem: pamatojums un mērķis (5), rezultāti un rādītāji (5), aktivitātes un laika grafiks (4), budžets (4), riski (2). Darbs ir ieskaitīts no 10 punktiem, un tas ir priekšnosacījums gala eksāmenam ${dates.exam}.

Termiņš: **${dates.due}**. Vēlāk iesniegtu darbu pieņem līdz ${dates.cutoff}, un tas tiek atzīmēts kā nokavēts.`;

/** One trainee of the 2012 cohort: their answer and grade, or nothing handed in. */
interface HandIn {
  name: string;
  submittedAt?: Date;
  text?: string;
  score?: number;
  feedback?: string;
  /** A grade saved but not yet released to the trainee. */
  draftGrade?: boolean;
}

const HAND_INS: HandIn[] = [
  {
    name: 'Anna Bērziņa',
    submittedAt: rigaTime(2012, 11, 28, 20, 14),
    text: 'Projekts: daudzdzīvokļu māju pagalmu labiekārtošana Jaunbūves mikrorajonā.\nProblēma: 14 pagalmos nav drošu rotaļu laukumu, celiņi ir bojāti, trūkst apgaismojuma.\nMērķis: līdz 2014. gada beigām labiekārtot 6 pagalmus, ko ikdienā izmanto ap 2 400 iedzīvotāju.\nAktivitātes: iedzīvotāju aptauja, tehniskais projekts, būvdarbi divās kārtās, publicitāte.\nBudžets: 310 000 LVL, ERAF 85 %, pašvaldības līdzfinansējums 15 %.\nRiski: būvdarbu sadārdzinājums (rezerve 5 % apmērā), iedzīvotāju iebildumi (aptauja projekta sākumā).',
    score: 17,
    feedback: 'Labi pamatota vajadzība un skaidri rādītāji. Budžetā atsevišķi izdaliet būvuzraudzības izmaksas.',
  },
  {
    name: 'Edgars Vanags',
    submittedAt: rigaTime(2012, 12, 3, 22, 47),
    text: 'Projekts: ražošanas teritorijas infrastruktūras sakārtošana Ziemeļu rūpnieciskajā zonā.\nMērķis: piesaistīt jaunus komersantus un radīt vismaz 40 darbavietas.\nAktivitātes: piebraucamā ceļa un inženierkomunikāciju izbūve, teritorijas plānojuma grozījumi.\nBudžets: 1,2 milj. LVL, ERAF 85 %.\nRiski: komersanti neienāk teritorijā; jāslēdz nodomu protokoli jau pirms pieteikuma.',
    score: 14,
    feedback: 'Ideja atbilst programmai, taču rādītājiem trūkst bāzes vērtību. Aktivitāšu grafiku sadaliet pa ceturkšņiem.',
  },
  {
    name: 'Ieva Skujiņa',
    submittedAt: rigaTime(2012, 11, 26, 9, 30),
    text: 'Projekts: pašvaldības darbinieku e-prasmju pilnveide.\nMērķa grupa: 180 darbinieki, kuri ikdienā strādā ar iedzīvotāju iesniegumiem.\nRezultāti: 12 mācību grupas, 150 darbinieki ar apliecinājumu, e-pakalpojumu īpatsvars pieaug no 8 % līdz 20 %.\nBudžets: 96 000 LVL, ESF 100 %.\nRiski: darbinieku noslodze mācību laikā; nodarbības plānotas pēcpusdienās un rindas kārtībā.',
    score: 19,
    feedback: 'Izcils darbs: rādītāji izmērāmi, riski pārdomāti. Var izmantot kā paraugu nākamajai grupai.',
  },
  {
    name: 'Jeļena Kozlova',
    submittedAt: rigaTime(2012, 12, 5, 10, 42),
    text: 'Projekts: dabaszinātņu kabinetu modernizācija trīs pilsētas vidusskolās.\nMērķis: mūsdienīgs aprīkojums fizikas, ķīmijas un bioloģijas stundām ap 1 100 skolēniem.\nAktivitātes: aprīkojuma iepirkums, skolotāju apmācības, telpu remonts.\nBudžets: 240 000 LVL, ERAF un valsts budžets.',
    score: 11,
    feedback: 'Darbs iesniegts pēc termiņa. Trūkst risku apraksta, budžets nav sadalīts pa aktivitātēm. Ieskaitīts.',
  },
  {
    name: 'Kaspars Dūmiņš',
    submittedAt: rigaTime(2012, 12, 2, 16, 5),
    text: 'Projekts: ielu apgaismojuma energoefektivitātes paaugstināšana Cietokšņa ielā un Rīgas ielā.\nRezultāti: 320 gaismekļu nomaiņa pret LED, elektroenerģijas patēriņa samazinājums par 45 %, CO2 emisiju samazinājums par 110 t gadā.\nBudžets: 280 000 LVL, KPFI 75 %.\nRiski: piegādes kavējumi, ziemas apstākļi montāžas laikā.',
    score: 15,
    feedback: 'Labi aprēķināts ietaupījums. Papildiniet ar uzturēšanas izmaksām pēc projekta beigām.',
    draftGrade: true,
  },
  {
    name: 'Marta Ķēniņa',
    submittedAt: rigaTime(2012, 12, 1, 13, 20),
    text: 'Projekts: Latgales kultūras mantojuma maršruts sadarbībā ar Lietuvas partneri (Interreg Latvija–Lietuva).\nAktivitātes: maršruta izstrāde, 12 informatīvo stendu uzstādīšana, mobilā ceļveža izveide, kopīgs festivāls.\nRezultāti: 15 000 apmeklētāju gadā pēc projekta.\nBudžets: 180 000 EUR, programmas finansējums 85 %.\nRiski: partnera maiņa; sadarbības līgums ar skaidru atbildības sadalījumu.',
    score: 16,
    feedback: 'Laba pārrobežu sadarbības ideja. Apmeklētāju skaitam norādiet, kā tas tiks mērīts.',
  },
  { name: 'Viktors Gailis' },
];

async function addAssignments(manager: EntityManager, instructorId: string | null): Promise<void> {
  const common = {
    title: TITLE,
    gradingType: 'points' as const,
    maxPoints: String(MAX_POINTS),
    passMark: String(PASS_MARK),
    requiredForCompletion: true,
    createdById: instructorId,
  };
  await insertIgnore(manager, Assignment, [
    {
      ...common,
      id: demoId('assignment:part1-2012'),
      cohortId: demoId('cohort:part1-2012'),
      brief: brief({ due: '2012. gada 3. decembris plkst. 23.59', cutoff: '7. decembrim', exam: '14. decembrī' }),
      opensAt: rigaTime(2012, 10, 17, 14, 0),
      dueAt: DUE_2012,
      cutoffAt: rigaTime(2012, 12, 7, 23, 59),
      createdAt: rigaTime(2012, 10, 17, 14, 0),
      updatedAt: rigaTime(2012, 10, 17, 14, 0),
    },
    {
      // Published with the enrolment, so the repeat cohort can start on it before the classes do.
      ...common,
      id: demoId('assignment:part1-2027'),
      cohortId: demoId('cohort:part1-2027'),
      brief: brief({ due: '2027. gada 26. aprīlis plkst. 23.59', cutoff: '30. aprīlim', exam: '12. maijā' }),
      opensAt: rigaTime(2026, 11, 2, 9, 0),
      dueAt: rigaTime(2027, 4, 26, 23, 59),
      cutoffAt: rigaTime(2027, 4, 30, 23, 59),
      createdAt: rigaTime(2026, 11, 2, 9, 0),
      updatedAt: rigaTime(2026, 11, 2, 9, 0),
    },
  ]);
}

/**
 * The independent work that followed part 1's classes in 2012: one text answer from six of the seven trainees
 * (one late, one never handed in), five grades released and one still a draft; and the same assignment, open
 * now, for the 2027 repeat cohort.
 */
export async function seedDemoCoursework(manager: EntityManager): Promise<void> {
  const [instructor] = await manager.getRepository(User).find({ where: { email: 'instructor@kursors.test' } });
  await addAssignments(manager, instructor?.id ?? null);

  const assignmentId = demoId('assignment:part1-2012');
  const trainees: { id: string; name: string }[] = await manager.query(
    'SELECT u.id, u.name FROM enrolments e JOIN users u ON u.id = e.user_id WHERE e.cohort_id = $1',
    [demoId('cohort:part1-2012')],
  );
  const idOf = new Map(trainees.map((t) => [t.name, t.id]));
  const handedIn = HAND_INS.filter((h) => h.submittedAt && idOf.has(h.name));

  const key = (h: HandIn) => `part1-2012:${h.name}`;
  const late = (h: HandIn) => lateSecondsAt(h.submittedAt!, DUE_2012);
  const gradedAt = (h: HandIn) => new Date(h.submittedAt!.getTime() + GRADING_DAYS * 86_400_000);
  await insertIgnore(
    manager,
    Submission,
    handedIn.map((h) => ({
      id: demoId(`submission:${key(h)}`),
      assignmentId,
      userId: idOf.get(h.name)!,
      submittedVersion: 1,
      gradedVersion: h.score === undefined ? 0 : 1,
      submittedAt: h.submittedAt,
      lateSeconds: late(h),
      createdAt: h.submittedAt,
      updatedAt: h.score === undefined ? h.submittedAt : gradedAt(h),
    })),
  );
  await insertIgnore(
    manager,
    SubmissionVersion,
    handedIn.map((h) => ({
      id: demoId(`submission-version:${key(h)}:1`),
      submissionId: demoId(`submission:${key(h)}`),
      number: 1,
      text: h.text,
      submittedAt: h.submittedAt,
      lateSeconds: late(h),
      createdAt: h.submittedAt,
      updatedAt: h.submittedAt,
    })),
  );
  await insertIgnore(
    manager,
    Grade,
    handedIn
      .filter((h) => h.score !== undefined)
      .map((h) => ({
        id: demoId(`grade:${key(h)}`),
        submissionId: demoId(`submission:${key(h)}`),
        versionNumber: 1,
        score: h.score!.toFixed(2),
        passed: h.score! >= PASS_MARK,
        feedback: h.feedback,
        status: h.draftGrade ? ('draft' as const) : ('released' as const),
        releasedAt: h.draftGrade ? null : RELEASED_AT,
        gradedById: instructor?.id ?? null,
        updatedAt: gradedAt(h),
      })),
  );
}
