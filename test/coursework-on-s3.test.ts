import { createHash } from 'node:crypto';
import * as yauzl from 'yauzl';
import type { Assignment } from '../src/assignments/assignment.entity';
import type { Cohort } from '../src/cohorts/cohort.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createApiToken, createInstructor, createTrainee } from './support/factories';
import { docxBytes, pdfBytes, pngBytes } from './support/files';
import { createAssignment } from './support/grading-factories';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';
import { s3Space, useSpace, type S3Space } from './support/storage-spaces';

const MiB = 1024 * 1024;
const DAY_MS = 86_400_000;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes);

const binary = (res: NodeJS.ReadableStream, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

function unzip(archive: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(archive, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** A PDF past one part of the driver (8 MiB), so it travels as a multipart upload. */
function largePdf(): Buffer {
  const padding = Buffer.alloc(12 * MiB);
  for (let i = 0; i < padding.length; i += 1) padding[i] = 0x20 + ((i * 31) % 90);
  return Buffer.concat([pdfBytes(), Buffer.from('%'), padding, Buffer.from('\n%%EOF\n')]);
}

/** Coursework handed in, copied, downloaded and zipped with its files in an S3 bucket. */
describe('coursework on the s3 storage driver', () => {
  let space: S3Space;
  let restoreSettings: () => void;
  let t: TestApp;
  let trainee: User;
  let instructor: User;
  let cohort: Cohort;
  const tasks: Assignment[] = [];
  const tokens = new Map<string, string>();
  const as = (user: User) => ({ Authorization: `Bearer ${tokens.get(user.id)}` });

  function submit(task: Assignment, files: { name: string; content: Buffer }[], text?: string) {
    let request = t.http().post(`/api/v1/assignments/${task.id}/submit`).set(as(trainee));
    if (text) request = request.field('text', text);
    for (const file of files) request = request.attach('files', file.content, file.name);
    return request;
  }

  const download = (path: string) =>
    t
      .http()
      .get(path)
      .set(as(instructor))
      .buffer(true)
      .parse(binary as never);

  /** The keys of the files the records of this file's hand-ins hold. */
  async function keysInDatabase(): Promise<string[]> {
    const rows: { key: string }[] = await t.dataSource.query(
      `SELECT f.storage_key AS key FROM submission_files f
       JOIN submission_versions v ON v.id = f.version_id JOIN submissions s ON s.id = v.submission_id
       WHERE s.assignment_id = ANY($1) ORDER BY 1`,
      [tasks.map((task) => task.id)],
    );
    return rows.map((row) => row.key);
  }

  async function newTask(): Promise<Assignment> {
    const due = new Date(Date.now() + 7 * DAY_MS);
    const task = await createAssignment(
      t.dataSource,
      { cohort },
      { dueAt: due, cutoffAt: due, maxFiles: 3, maxFileSizeMb: 20, acceptedTypes: ['pdf', 'docx'] },
    );
    tasks.push(task);
    return task;
  }

  beforeAll(async () => {
    space = await s3Space();
    restoreSettings = useSpace(space);
    t = await startWebApp();
    const ds = t.dataSource;
    const part = await createPart(ds, await createProgramme(ds));
    instructor = await createInstructor(ds, { name: 'Pasniedzēja Ilze' });
    cohort = await createCohort(ds, part, { instructors: [instructor] });
    trainee = await createTrainee(ds, { name: 'Dalībniece Marta' });
    await enrol(ds, cohort, trainee);
    for (const user of [trainee, instructor]) tokens.set(user.id, (await createApiToken(ds, user)).secret);
  });
  afterAll(async () => {
    await t.close();
    restoreSettings();
    await space.close();
  });

  it('keeps handed-in files in the bucket, checked by their checksums, and gives them back byte for byte', async () => {
    const small = pdfBytes();
    const large = largePdf();
    const task = await newTask();
    const first = await submit(
      task,
      [
        { name: 'Pieteikums.pdf', content: small },
        { name: 'Pielikums.pdf', content: large },
      ],
      'Pirmā versija',
    );
    expect(first.status).toBe(200);
    const [v1] = first.body.versions;
    const byName = new Map<string, { id: string; sha256: string; size: number }>(
      v1.files.map((f: { fileName: string }) => [f.fileName, f]),
    );
    expect(byName.get('Pieteikums.pdf')).toMatchObject({ sha256: sha256(small).digest('hex'), size: small.length });
    expect(byName.get('Pielikums.pdf')).toMatchObject({ sha256: sha256(large).digest('hex'), size: large.length });

    // The bucket holds exactly the files the records name: the small one sent whole, the large one in two parts.
    const keys = await keysInDatabase();
    expect(space.server.names().sort()).toEqual(keys);
    const stored = [...space.server.objects.values()].map((object) => object.checksum).sort();
    expect(stored).toEqual([sha256(small).digest('base64'), expect.stringMatching(/-2$/)].sort());

    // A second version copies the first one's files into objects of its own.
    const docx = await docxBytes();
    const second = await submit(task, [{ name: 'Budžets.docx', content: docx }]);
    expect(second.status).toBe(200);
    expect(second.body.versions[0].files.map((f: { fileName: string }) => f.fileName).sort()).toEqual(
      ['Budžets.docx', 'Pielikums.pdf', 'Pieteikums.pdf'].sort(),
    );
    expect(await keysInDatabase()).toHaveLength(5);
    expect(space.server.names().sort()).toEqual(await keysInDatabase());

    const old = await download(`/api/v1/submission-files/${byName.get('Pielikums.pdf')!.id}/download`);
    expect(old.status).toBe(200);
    expect(old.headers['content-length']).toBe(String(large.length));
    expect(Buffer.compare(old.body as Buffer, large)).toBe(0);

    const zip = await download(`/api/v1/assignments/${task.id}/submissions.zip`);
    expect(zip.status).toBe(200);
    const entries = await unzip(zip.body as Buffer);
    const files = [...entries.entries()].filter(([name]) => !name.endsWith('.txt'));
    expect(files.map(([name]) => name).sort()).toEqual(
      ['Dalībniece Marta/Budžets.docx', 'Dalībniece Marta/Pielikums.pdf', 'Dalībniece Marta/Pieteikums.pdf'].sort(),
    );
    expect(Buffer.compare(entries.get('Dalībniece Marta/Pielikums.pdf')!, large)).toBe(0);
    expect(Buffer.compare(entries.get('Dalībniece Marta/Budžets.docx')!, docx)).toBe(0);
  });

  it('keeps nothing of a refused hand-in, even after a good file went to the bucket', async () => {
    const before = space.server.names().sort();
    const res = await submit(await newTask(), [
      { name: 'Labs.pdf', content: largePdf() },
      { name: 'Attēls.pdf', content: pngBytes() },
    ]);
    expect(res.body).toMatchObject({ code: 'FILE_CONTENT_MISMATCH' });
    expect(res.status).toBe(415);
    expect(space.server.names().sort()).toEqual(before);
    expect(space.server.uploads.size).toBe(0);
  });
});
