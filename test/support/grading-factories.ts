import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { Cohort } from '../../src/cohorts/cohort.entity';
import { Assignment } from '../../src/assignments/assignment.entity';
import { Extension } from '../../src/assignments/extension.entity';
import { SubmissionFile } from '../../src/submissions/submission-file.entity';
import { SubmissionVersion } from '../../src/submissions/submission-version.entity';
import { Submission } from '../../src/submissions/submission.entity';
import type { Part } from '../../src/programmes/part.entity';
import type { StorageService } from '../../src/storage/storage.service';
import type { User } from '../../src/users/user.entity';

/** Assignments, handed-in work and extensions written straight to the database (files through real storage). */

const DAY = 86_400_000;

export async function createAssignment(
  ds: DataSource,
  target: { cohort: Cohort } | { part: Part },
  overrides: Partial<Assignment> = {},
): Promise<Assignment> {
  const repo = ds.getRepository(Assignment);
  const dueAt = overrides.dueAt ?? new Date(Date.now() - DAY);
  return repo.save(
    repo.create({
      ...('cohort' in target ? { cohortId: target.cohort.id } : { partId: target.part.id }),
      title: `Patstāvīgais darbs ${randomUUID().slice(0, 6)}`,
      brief: 'Izstrādājiet projekta pieteikuma melnrakstu.',
      opensAt: new Date(dueAt.getTime() - 14 * DAY),
      dueAt,
      cutoffAt: overrides.cutoffAt ?? dueAt,
      gradingType: 'points',
      maxPoints: '10.00',
      passMark: '5.00',
      ...overrides,
    }),
  );
}

export interface HandInFile {
  name: string;
  content: Buffer;
}

export interface HandInOptions {
  submittedAt?: Date;
  text?: string;
  files?: HandInFile[];
  lateSeconds?: number;
  /** Earlier versions handed in before this one (each with its own files). */
  earlier?: { text?: string; files?: HandInFile[] }[];
}

/** A trainee's work with one or more submitted versions, the last the one to grade. */
export async function handIn(
  ds: DataSource,
  storage: StorageService | null,
  assignment: Assignment,
  trainee: User,
  options: HandInOptions = {},
): Promise<Submission> {
  const submittedAt = options.submittedAt ?? new Date(assignment.dueAt.getTime() - 3_600_000);
  const versions = [...(options.earlier ?? []), { text: options.text ?? '', files: options.files ?? [] }];
  return ds.transaction(async (manager) => {
    const submission = await manager.getRepository(Submission).save(
      manager.getRepository(Submission).create({
        assignmentId: assignment.id,
        userId: trainee.id,
        submittedVersion: versions.length,
        submittedAt,
        lateSeconds: options.lateSeconds ?? 0,
      }),
    );
    for (const [index, content] of versions.entries()) {
      const version = await manager.getRepository(SubmissionVersion).save(
        manager.getRepository(SubmissionVersion).create({
          submissionId: submission.id,
          number: index + 1,
          text: content.text ?? '',
          submittedAt: new Date(submittedAt.getTime() - (versions.length - 1 - index) * 60_000),
          lateSeconds: index === versions.length - 1 ? (options.lateSeconds ?? 0) : 0,
        }),
      );
      for (const file of content.files ?? []) {
        if (!storage) throw new Error('Files need the storage service');
        const stored = await storage.store(Readable.from(file.content), file.name, {
          keyPrefix: 'submission',
          allowed: ['pdf', 'docx', 'png', 'jpeg', 'odt'],
          maxBytes: 10_000_000,
        });
        await manager.getRepository(SubmissionFile).save(
          manager.getRepository(SubmissionFile).create({
            versionId: version.id,
            storageKey: stored.key,
            fileName: stored.fileName,
            mimeType: stored.mimeType,
            size: String(stored.size),
            sha256: stored.sha256,
          }),
        );
      }
    }
    return submission;
  });
}

export async function grantExtension(
  ds: DataSource,
  assignment: Assignment,
  trainee: User,
  dueAt: Date,
  cutoffAt = dueAt,
): Promise<Extension> {
  const repo = ds.getRepository(Extension);
  return repo.save(repo.create({ assignmentId: assignment.id, userId: trainee.id, dueAt, cutoffAt, reason: 'Slimības lapa' }));
}

/** A real one-page PDF showing `text` (ASCII), so a browser has something to draw. */
export function onePagePdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 20 60 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
