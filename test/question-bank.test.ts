import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { parseGift } from '../src/exams/gift-format';
import { parseMoodleXml } from '../src/exams/moodle-xml-format';
import { QuestionCategory } from '../src/exams/question-category.entity';
import { QuestionVersion } from '../src/exams/question-version.entity';
import { Question } from '../src/exams/question.entity';
import type { Part } from '../src/programmes/part.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createApiToken, createInstructor, createTrainee } from './support/factories';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';
import { csrfFrom, logIn } from './support/http';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));

const singleChoice = (categoryId: string, overrides: Record<string, unknown> = {}) => ({
  categoryId,
  kind: 'single',
  name: 'Projekta harta',
  text: 'Kas apstiprina projekta **hartu**?',
  points: 2,
  generalFeedback: 'Harta ir projekta pilnvarojums.',
  choices: [
    { text: 'Pasūtītājs', percent: 100, feedback: 'Pareizi.' },
    { text: 'Projekta komanda', percent: 0 },
  ],
  ...overrides,
});

describe('the question bank', () => {
  let t: TestApp;
  let part: Part;
  let otherPart: Part;
  let admin: User;
  let teacher: User;
  let englishTeacher: User;
  let otherTeacher: User;
  let trainee: User;
  let rootCategory: string;
  const tokens = new Map<string, string>();

  /** A call with the user's API token; the tokens are made before the tests. */
  const api = (user: User, method: 'get' | 'post' | 'put' | 'delete', path: string) =>
    t.http()[method](path).set('Authorization', tokens.get(user.id)!);

  function upload(user: User, categoryId: string, file: { name: string; content: Buffer }) {
    return api(user, 'post', `/api/v1/parts/${part.id}/questions/import`)
      .field('categoryId', categoryId)
      .attach('file', file.content, file.name);
  }

  const rowCounts = async () => ({
    categories: await t.dataSource.getRepository(QuestionCategory).countBy({ partId: part.id }),
    questions: await t.dataSource.getRepository(Question).countBy({ partId: part.id }),
    versions: Number(
      (
        await t.dataSource.query(
          'SELECT count(*) AS n FROM question_versions v JOIN questions q ON q.id = v.question_id WHERE q.part_id = $1',
          [part.id],
        )
      )[0].n,
    ),
  });

  beforeAll(async () => {
    t = await startWebApp();
    const ds = t.dataSource;
    const programme = await createProgramme(ds);
    part = await createPart(ds, programme, { titleLv: 'Projektu vadība' });
    otherPart = await createPart(ds, programme, { number: 2, titleLv: 'Projektu vadības specifika' });
    admin = await createAdmin(ds);
    teacher = await createInstructor(ds, { name: 'Pasniedzēja Anna' });
    englishTeacher = await createInstructor(ds, { language: 'en' });
    otherTeacher = await createInstructor(ds);
    trainee = await createTrainee(ds);
    const cohort = await createCohort(ds, part, { instructors: [teacher, englishTeacher] });
    await createCohort(ds, otherPart, { instructors: [otherTeacher] });
    await enrol(ds, cohort, trainee);
    for (const user of [admin, teacher, englishTeacher, otherTeacher, trainee])
      tokens.set(user.id, `Bearer ${(await createApiToken(ds, user)).secret}`);
    const made = await api(teacher, 'post', `/api/v1/parts/${part.id}/question-categories`).send({ name: ' Eksāmens / 2012 ' });
    expect(made.status).toBe(201);
    expect(made.body.name).toBe('Eksāmens/2012');
    rootCategory = made.body.id;
  });
  afterAll(() => t.close());

  describe('categories', () => {
    it('renames the subcategories with their category, and not a category that only begins with the same letters', async () => {
      const make = async (name: string) =>
        (await api(teacher, 'post', `/api/v1/parts/${part.id}/question-categories`).send({ name })).body.id as string;
      const top = await make('Riski');
      const child = await make('Riski/Novērtēšana');
      const grandchild = await make('Riski/Novērtēšana/Matrica');
      const lookalike = await make('Riski un iespējas');
      const renamed = await api(teacher, 'put', `/api/v1/question-categories/${top}`).send({ name: 'Risku vadība' });
      expect(renamed.status).toBe(200);
      const names = await t.dataSource.query(`SELECT id, name FROM question_categories WHERE id = ANY($1) ORDER BY name`, [
        [top, child, grandchild, lookalike],
      ]);
      expect(names).toEqual([
        { id: lookalike, name: 'Riski un iespējas' },
        { id: top, name: 'Risku vadība' },
        { id: child, name: 'Risku vadība/Novērtēšana' },
        { id: grandchild, name: 'Risku vadība/Novērtēšana/Matrica' },
      ]);
      // A subcategory's new name that is taken refuses the whole rename.
      await make('Cits/Novērtēšana');
      const clash = await api(teacher, 'put', `/api/v1/question-categories/${top}`).send({ name: 'Cits' });
      expect(clash.status).toBe(409);
      expect(clash.body.code).toBe('CATEGORY_NAME_TAKEN');
      expect((await t.dataSource.query(`SELECT name FROM question_categories WHERE id = $1`, [child]))[0].name).toBe(
        'Risku vadība/Novērtēšana',
      );
    });

    it('refuses a second category of the same name, and deletes only an empty one', async () => {
      const again = await api(teacher, 'post', `/api/v1/parts/${part.id}/question-categories`).send({ name: 'Eksāmens/2012' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('CATEGORY_NAME_TAKEN');

      const spare = await api(teacher, 'post', `/api/v1/parts/${part.id}/question-categories`).send({ name: 'Lieka' });
      const renamed = await api(teacher, 'put', `/api/v1/question-categories/${spare.body.id}`).send({ name: 'Lieka/Apakšā' });
      expect(renamed.body).toMatchObject({ id: spare.body.id, name: 'Lieka/Apakšā' });
      const question = await api(teacher, 'post', `/api/v1/parts/${part.id}/questions`).send(singleChoice(spare.body.id));
      expect(question.status).toBe(201);
      const full = await api(teacher, 'delete', `/api/v1/question-categories/${spare.body.id}`);
      expect(full.status).toBe(409);
      expect(full.body).toMatchObject({
        code: 'CATEGORY_NOT_EMPTY',
        message: 'Kategorijā ir 1 jautājums; dzēst var tikai tukšu kategoriju.',
      });
      await api(teacher, 'put', `/api/v1/questions/${question.body.id}`).send(singleChoice(rootCategory));
      expect((await api(teacher, 'delete', `/api/v1/question-categories/${spare.body.id}`)).status).toBe(204);
      expect(await t.dataSource.getRepository(QuestionCategory).countBy({ id: spare.body.id })).toBe(0);
    });
  });

  describe('questions and their versions', () => {
    it('writes a new version on each edit and keeps the old ones unchanged', async () => {
      const created = await api(teacher, 'post', `/api/v1/parts/${part.id}/questions`).send(singleChoice(rootCategory));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ partId: part.id, categoryId: rootCategory, currentVersion: 1, archivedAt: null });
      expect(created.body.current.body).toEqual({
        kind: 'single',
        choices: [
          { id: 'c1', text: 'Pasūtītājs', fraction: 1, feedback: 'Pareizi.' },
          { id: 'c2', text: 'Projekta komanda', fraction: 0 },
        ],
      });
      const id = created.body.id as string;
      const first = await t.dataSource.getRepository(QuestionVersion).findOneByOrFail({ questionId: id, version: 1 });

      const edited = await api(teacher, 'put', `/api/v1/questions/${id}`).send(
        singleChoice(rootCategory, { text: 'Kurš apstiprina projekta hartu?', points: '2,5' }),
      );
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        currentVersion: 2,
        current: { version: 2, points: 2.5, text: 'Kurš apstiprina projekta hartu?' },
      });

      const versions = await api(teacher, 'get', `/api/v1/questions/${id}/versions`);
      expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      const old = await api(teacher, 'get', `/api/v1/questions/${id}/versions/1`);
      expect(old.body).toMatchObject({ version: 1, text: 'Kas apstiprina projekta **hartu**?', points: 2, createdById: teacher.id });
      expect(await t.dataSource.getRepository(QuestionVersion).findOneByOrFail({ id: first.id })).toEqual(first);

      const audit = await t.dataSource.getRepository(AuditEvent).findBy({ entityId: id });
      expect(audit.map((e) => e.action).sort()).toEqual(['question.created', 'question.edited']);
    });

    it('archives and restores a question, hiding it from the current list but keeping its versions', async () => {
      const created = await api(admin, 'post', `/api/v1/parts/${part.id}/questions`).send(
        singleChoice(rootCategory, { name: 'Arhivējamais jautājums' }),
      );
      const id = created.body.id as string;
      const archived = await api(admin, 'post', `/api/v1/questions/${id}/archive`);
      expect(archived.body.archivedAt).not.toBeNull();
      const current = await api(admin, 'get', `/api/v1/parts/${part.id}/questions?q=Arhivējamais`);
      expect(current.body.total).toBe(0);
      const inArchive = await api(admin, 'get', `/api/v1/parts/${part.id}/questions?q=Arhivējamais&archived=true`);
      expect(inArchive.body.items).toEqual([expect.objectContaining({ id, archived: true })]);
      expect(await t.dataSource.getRepository(QuestionVersion).countBy({ questionId: id })).toBe(1);
      const restored = await api(admin, 'post', `/api/v1/questions/${id}/restore`);
      expect(restored.body.archivedAt).toBeNull();
    });

    it('names each bad field of a question, and writes nothing', async () => {
      const before = await rowCounts();
      const res = await api(englishTeacher, 'post', `/api/v1/parts/${part.id}/questions`).send(
        singleChoice(rootCategory, {
          choices: [
            { text: 'Viena', percent: 50 },
            { text: 'Otra', percent: 0 },
          ],
        }),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'choices', code: 'question.no_full_mark', message: 'At least one answer must be worth 100 %.' },
      ]);
      const missing = await api(teacher, 'post', `/api/v1/parts/${part.id}/questions`).send({ categoryId: rootCategory, kind: 'numeric' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['name', 'points', 'text']);
      const otherCategory = await api(otherTeacher, 'post', `/api/v1/parts/${otherPart.id}/question-categories`).send({ name: 'Cita' });
      const foreign = await api(teacher, 'post', `/api/v1/parts/${part.id}/questions`).send(singleChoice(otherCategory.body.id));
      expect(foreign.status).toBe(400);
      expect(foreign.body.errors[0].field).toBe('categoryId');
      expect(await rowCounts()).toEqual(before);
    });

    it('lists by category with its subcategories, by kind and by text, a page at a time', async () => {
      const list = await api(teacher, 'get', `/api/v1/parts/${part.id}/questions?kind=single&pageSize=1&page=1`);
      expect(list.status).toBe(200);
      expect(list.body.pageSize).toBe(1);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.total).toBeGreaterThanOrEqual(2);
      const none = await api(teacher, 'get', `/api/v1/parts/${part.id}/questions?kind=essay&q=${encodeURIComponent('100%_')}`);
      expect(none.body).toMatchObject({ items: [], total: 0 });
    });

    it('previews a question for a trainee without the key', async () => {
      const created = await api(teacher, 'post', `/api/v1/parts/${part.id}/questions`).send(singleChoice(rootCategory));
      const preview = await api(teacher, 'get', `/api/v1/questions/${created.body.id}/preview`);
      expect(preview.body).toEqual({
        name: 'Projekta harta',
        text: 'Kas apstiprina projekta **hartu**?',
        points: 2,
        kind: 'single',
        answer: 'choice',
        choices: [
          { id: 'c1', text: 'Pasūtītājs' },
          { id: 'c2', text: 'Projekta komanda' },
        ],
      });
      expect(JSON.stringify(preview.body)).not.toMatch(/fraction|feedback|Pareizi/);
    });
  });

  describe('who may keep the bank', () => {
    it('turns away an instructor of another part, a trainee and a caller who is not signed in', async () => {
      const created = await api(teacher, 'post', `/api/v1/parts/${part.id}/questions`).send(singleChoice(rootCategory));
      const id = created.body.id as string;
      for (const path of [`/api/v1/parts/${part.id}/questions`, `/api/v1/questions/${id}`, `/api/v1/parts/${part.id}/questions/export`]) {
        expect((await api(otherTeacher, 'get', path)).status).toBe(404);
        expect((await api(trainee, 'get', path)).status).toBe(403);
        expect((await t.http().get(path)).status).toBe(401);
      }
      const edit = await api(otherTeacher, 'put', `/api/v1/questions/${id}`).send(singleChoice(rootCategory, { name: 'Svešs' }));
      expect(edit.status).toBe(404);
      const invalid = await api(otherTeacher, 'post', `/api/v1/parts/${part.id}/questions`).send({});
      expect(invalid.status).toBe(404);
      expect((await upload(otherTeacher, rootCategory, { name: 'a.gift', content: fixture('gift-riska-vadiba.gift') })).status).toBe(404);
      expect((await t.dataSource.getRepository(Question).findOneByOrFail({ id })).currentVersion).toBe(1);
    });
  });

  describe('import', () => {
    it('imports a Moodle XML export: each supported type, categories under the chosen one, refusals with their reasons', async () => {
      const res = await upload(teacher, rootCategory, { name: 'projektu-vadiba.xml', content: fixture('moodle-projektu-vadiba.xml') });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ fileName: 'projektu-vadiba.xml', format: 'moodle', imported: 6, refused: 2 });
      expect(res.body.items.map((i: { position: number; name: string; outcome: string }) => [i.position, i.name, i.outcome])).toEqual([
        [1, 'Projekta dzīves cikla pirmā fāze', 'imported'],
        [2, 'Plāna sastāvdaļas', 'imported'],
        [3, 'Ganta diagramma', 'imported'],
        [4, 'Vienošanās dokuments', 'imported'],
        [5, 'Budžeta rezerve', 'imported'],
        [6, 'Komunikācijas plāns', 'imported'],
        [7, 'Lomas un pienākumi', 'refused'],
        [8, 'Bez pareizās atbildes', 'refused'],
      ]);
      expect(res.body.items[0].category).toBe('Eksāmens/2012/Projektu vadība');
      expect(res.body.items[1].category).toBe('Eksāmens/2012/Projektu vadība/Plānošana');
      expect(res.body.items[6]).toMatchObject({
        problems: ['unsupported_type'],
        reasons: ['Šāda veida jautājumus platforma neatbalsta (matching).'],
      });
      expect(res.body.items[7]).toMatchObject({ problems: ['no_full_mark'], reasons: ['Vismaz vienai atbildei jābūt 100 % vērtai.'] });

      const first = await api(teacher, 'get', `/api/v1/questions/${res.body.items[0].questionId}`);
      expect(first.body.current).toMatchObject({
        text: 'Kura ir pirmā projekta dzīves cikla fāze?',
        generalFeedback: 'Projekts sākas ar iniciēšanu: tiek noteikts mērķis un pasūtītājs.',
        body: {
          kind: 'single',
          choices: [{ text: 'Iniciēšana', fraction: 1, feedback: 'Pareizi.' }, { text: 'Plānošana' }, { text: 'Noslēgšana' }],
        },
      });
      const kinds = await Promise.all(
        res.body.items
          .slice(0, 6)
          .map(async (i: { questionId: string }) => (await api(teacher, 'get', `/api/v1/questions/${i.questionId}`)).body.current.kind),
      );
      expect(kinds).toEqual(['single', 'multiple', 'truefalse', 'short', 'numeric', 'essay']);
      const audit = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: 'question.imported', entityId: rootCategory });
      expect(audit.after).toMatchObject({ fileName: 'projektu-vadiba.xml', imported: 6, refused: 2 });
    });

    it('imports a GIFT file and reports the matching question it cannot take, in English for an English reader', async () => {
      const res = await upload(englishTeacher, rootCategory, { name: 'riski.gift', content: fixture('gift-riska-vadiba.gift') });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ format: 'gift', imported: 4, refused: 1 });
      expect(res.body.items[0]).toMatchObject({ name: 'Riska reģistrs', category: 'Eksāmens/2012/Riska vadība' });
      expect(res.body.items[4]).toMatchObject({ position: 5, name: 'Salīdzini', outcome: 'refused' });
      expect(res.body.items[4].reasons[0]).toMatch(/^The platform does not support this kind of question/);
    });

    it.each([
      [
        'bad XML',
        'slikts.xml',
        Buffer.from('<?xml version="1.0"?><quiz><question type="truefalse"></quiz>'),
        422,
        'IMPORT_NOT_XML',
        /Fails nav derīgs XML/,
      ],
      [
        'a billion-laughs entity file',
        'smiekli.xml',
        Buffer.from(
          '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><quiz><question type="essay"><name><text>&lol3;</text></name></question></quiz>',
        ),
        422,
        'IMPORT_DOCTYPE_REFUSED',
        /DOCTYPE/,
      ],
      [
        'another XML document',
        'cits.xml',
        Buffer.from('<?xml version="1.0"?><html><body/></html>'),
        422,
        'IMPORT_NOT_MOODLE_XML',
        /Moodle XML/,
      ],
      ['a file of no known format', 'piezīmes.txt', Buffer.from('Tikai teksts bez jautājumiem.'), 422, 'IMPORT_UNKNOWN_FORMAT', /formātu/],
      [
        'a quiz with no questions',
        'tukšs.xml',
        Buffer.from('<?xml version="1.0"?><quiz></quiz>'),
        422,
        'IMPORT_EMPTY',
        /nav neviena jautājuma/,
      ],
      ['a 6 MiB file', 'liels.gift', Buffer.alloc(6 * 1024 * 1024, '::Q:: Jautājums {T}\n\n'), 413, 'IMPORT_TOO_LARGE', /5 MB/],
    ])('refuses %s whole, with a clear message and nothing written', async (_what, name, content, status, code, message) => {
      const before = await rowCounts();
      const auditBefore = await t.dataSource.getRepository(AuditEvent).countBy({ action: 'question.imported' });
      const res = await upload(teacher, rootCategory, { name, content });
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(res.body.message).toMatch(message);
      expect(res.body.errors[0].field).toBe('file');
      expect(await rowCounts()).toEqual(before);
      expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'question.imported' })).toBe(auditBefore);
    });

    it('asks for a file and a category of the part', async () => {
      const noFile = await api(teacher, 'post', `/api/v1/parts/${part.id}/questions/import`).field('categoryId', rootCategory);
      expect(noFile.status).toBe(422);
      expect(noFile.body.code).toBe('IMPORT_EMPTY');
      const noCategory = await api(teacher, 'post', `/api/v1/parts/${part.id}/questions/import`).attach(
        'file',
        fixture('gift-riska-vadiba.gift'),
        'a.gift',
      );
      expect(noCategory.status).toBe(400);
      expect(noCategory.body.errors[0].field).toBe('categoryId');
    });
  });

  describe('export', () => {
    it('writes Moodle XML that the importer reads back as the same questions', async () => {
      const res = await api(teacher, 'get', `/api/v1/parts/${part.id}/questions/export`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="jautajumi-1-dala\.xml"/);
      const xml = Buffer.isBuffer(res.body) ? res.body.toString('utf8') : res.text;
      const items = parseMoodleXml(xml);
      expect(items.every((i) => i.outcome === 'imported')).toBe(true);
      const rows: { category: string; name: string; text: string; points: string; body: unknown; general_feedback: string }[] =
        await t.dataSource.query(
          `SELECT c.name AS category, v.name, v.text, v.points, v.body, v.general_feedback
             FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
             JOIN question_categories c ON c.id = q.category_id
            WHERE q.part_id = $1 AND q.archived_at IS NULL ORDER BY c.name, lower(v.name), q.id`,
          [part.id],
        );
      expect(items.map((i) => i.outcome === 'imported' && i.draft)).toEqual(
        rows.map((r) => ({
          name: r.name,
          text: r.text,
          points: Number(r.points),
          body: r.body,
          category: r.category,
          ...(r.general_feedback ? { generalFeedback: r.general_feedback } : {}),
        })),
      );
      expect(rows.length).toBeGreaterThan(8);
    });

    it('exports one category with its subcategories', async () => {
      const categories = await api(teacher, 'get', `/api/v1/parts/${part.id}/question-categories`);
      const planning = categories.body.items.find((c: { name: string }) => c.name.endsWith('Projektu vadība'));
      const res = await api(teacher, 'get', `/api/v1/parts/${part.id}/questions/export?categoryId=${planning.id}`);
      const items = parseMoodleXml(Buffer.isBuffer(res.body) ? res.body.toString('utf8') : res.text);
      expect(items.map((i) => i.name)).toEqual([
        'Projekta dzīves cikla pirmā fāze',
        'Budžeta rezerve',
        'Ganta diagramma',
        'Komunikācijas plāns',
        'Plāna sastāvdaļas',
        'Vienošanās dokuments',
      ]);
      expect(parseGift('::A:: B {T}')).toHaveLength(1);
    });
  });

  describe('pages', () => {
    it('a form of each kind keeps what was typed, names the bad field, and saves a version', async () => {
      const agent = await logIn(t.agent(), teacher.email);
      const bank = await agent.get(`/parts/${part.id}/questions`);
      expect(bank.status).toBe(200);
      expect(bank.text).toContain('Jautājumu banka: Projektu vadība');
      for (const kind of ['single', 'multiple', 'truefalse', 'short', 'numeric', 'essay']) {
        const form = await agent.get(`/parts/${part.id}/questions/new?kind=${kind}`);
        expect(form.status).toBe(200);
      }
      const form = await agent.get(`/parts/${part.id}/questions/new?kind=multiple`);
      const token = csrfFrom(form.text);
      const fields = {
        _csrf: token,
        kind: 'multiple',
        categoryId: rootCategory,
        name: 'Riska reakcijas',
        text: 'Kuras ir riska reakcijas stratēģijas?',
        points: '3',
        'choices[0][text]': 'Izvairīšanās',
        'choices[0][percent]': '50',
        'choices[1][text]': 'Mazināšana',
        'choices[1][percent]': '40',
        'choices[2][text]': 'Ignorēšana',
        'choices[2][percent]': '-50',
      };
      const refused = await agent.post(`/parts/${part.id}/questions`).type('form').send(fields);
      expect(refused.status).toBe(422);
      expect(refused.text).toContain('Pareizo atbilžu daļām kopā jābūt 100 %.');
      expect(refused.text).toContain('value="Mazināšana"');
      const saved = await agent
        .post(`/parts/${part.id}/questions`)
        .type('form')
        .send({ ...fields, 'choices[1][percent]': '50' });
      expect(saved.status).toBe(303);
      const page = await agent.get(saved.headers.location);
      expect(page.text).toContain('Riska reakcijas');
      expect(page.text).toContain('−50 %'.replace('−', '-'));
      const id = saved.headers.location.split('/').pop()!;
      const edit = await agent.get(`/questions/${id}/edit`);
      expect(edit.text).toContain('value="Ignorēšana"');
      const edited = await agent
        .post(`/questions/${id}`)
        .type('form')
        .send({ ...fields, _csrf: csrfFrom(edit.text), points: '4', 'choices[1][percent]': '50' });
      expect(edited.status).toBe(303);
      expect((await t.dataSource.getRepository(Question).findOneByOrFail({ id })).currentVersion).toBe(2);
    });

    it('makes, renames and deletes a category through its forms', async () => {
      const agent = await logIn(t.agent(), teacher.email);
      const token = csrfFrom((await agent.get(`/parts/${part.id}/questions`)).text);
      const made = await agent.post(`/parts/${part.id}/question-categories`).type('form').send({ _csrf: token, name: 'Formas kategorija' });
      expect(made.status).toBe(303);
      const category = await t.dataSource.getRepository(QuestionCategory).findOneByOrFail({ partId: part.id, name: 'Formas kategorija' });
      const renamed = await agent
        .post(`/question-categories/${category.id}`)
        .type('form')
        .send({ _csrf: token, [`name-${category.id}`]: 'Formas kategorija/Jauna' });
      expect(renamed.status).toBe(303);
      const deleted = await agent.post(`/question-categories/${category.id}/delete`).type('form').send({ _csrf: token });
      expect(deleted.status).toBe(303);
      expect((await agent.get(deleted.headers.location)).text).toContain('Kategorija izdzēsta.');
      expect(await t.dataSource.getRepository(QuestionCategory).countBy({ id: category.id })).toBe(0);
    });

    it('imports a file through the form and shows the report; a broken file is explained beside the field', async () => {
      const agent = await logIn(t.agent(), teacher.email);
      const form = await agent.get(`/parts/${part.id}/questions/import`);
      const ok = await agent
        .post(`/parts/${part.id}/questions/import`)
        .field('_csrf', csrfFrom(form.text))
        .field('categoryId', rootCategory)
        .attach('file', fixture('gift-riska-vadiba.gift'), 'riski.gift');
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('Importēti 4 jautājumi, atraidīti: 1.');
      expect(ok.text).toContain('Šāda veida jautājumus platforma neatbalsta (matching).');
      const before = await rowCounts();
      const bad = await agent
        .post(`/parts/${part.id}/questions/import`)
        .field('_csrf', csrfFrom(form.text))
        .field('categoryId', rootCategory)
        .attach('file', Buffer.from('<quiz><question>'), 'salauzts.xml');
      expect(bad.status).toBe(422);
      expect(bad.text).toMatch(/id="error-file"[^]*Fails nav derīgs XML/);
      expect(await rowCounts()).toEqual(before);
      const exported = await agent.get(`/parts/${part.id}/questions/export`);
      expect(exported.status).toBe(200);
      expect(exported.headers['content-type']).toBe('application/xml; charset=utf-8');
    });
  });
});
