import { Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { type Actor, actorHasRole } from '../common/actor';
import type { Download } from '../common/download';
import { contentDisposition, extensionOf, sanitizeFileName } from '../storage/file-names';
import { StorageService } from '../storage/storage.service';
import { AssignmentsService } from '../assignments/assignments.service';
import { type FileRow, GradingRecords } from './grading-records.service';

/**
 * The submissions as one ZIP, made as it is sent. Its length is known in advance (every entry is stored
 * uncompressed with its size known: submissions are mostly compressed formats already); `abort` stops the
 * reading of files when the client went away.
 */
export type SubmissionsArchive = Download & { content: Readable };

/** `name`, or `name (2)`, `name (3)`… when it is already taken; extensions stay last. */
function uniqueName(taken: Set<string>, name: string): string {
  const lower = (value: string) => value.toLocaleLowerCase('lv');
  if (!taken.has(lower(name))) {
    taken.add(lower(name));
    return name;
  }
  const extension = extensionOf(name);
  const base = extension ? name.slice(0, -(extension.length + 1)) : name;
  for (let n = 2; ; n++) {
    const candidate = extension ? `${base} (${n}).${extension}` : `${base} (${n})`;
    if (!taken.has(lower(candidate))) {
      taken.add(lower(candidate));
      return candidate;
    }
  }
}

/** How many trainees share each name: a shared name gets the email beside it. */
function submissionsPerName(rows: FileRow[]): Map<string, number> {
  const seen = new Map<string, Set<string>>();
  for (const row of rows) {
    const ids = seen.get(row.trainee_name) ?? new Set<string>();
    ids.add(row.submission_id);
    seen.set(row.trainee_name, ids);
  }
  return new Map([...seen].map(([name, ids]) => [name, ids.size]));
}

/**
 * Every handed-in work of an assignment (of the trainees the user grades) as one ZIP, streamed: a folder per
 * trainee with the files of their latest submitted version and its text, each file read from storage only when
 * its turn comes, so nothing is held in memory whole.
 */
@Injectable()
export class GradingZipService {
  private readonly logger = new Logger(GradingZipService.name);

  constructor(
    private readonly records: GradingRecords,
    private readonly assignments: AssignmentsService,
    private readonly storage: StorageService,
  ) {}

  async open(actor: Actor, assignmentId: string, textFileName: string): Promise<SubmissionsArchive> {
    const assignment = await this.assignments.getManaged(actor, assignmentId);
    const rows = await this.records.archiveRows({
      assignmentId: assignment.id,
      cohortId: assignment.cohortId,
      partId: assignment.partId,
      graderId: actorHasRole(actor, 'admin') ? null : actor.userId,
    });
    const present = await this.presentKeys(rows);
    const zip = new ZipFile();
    let reading: Readable | null = null;
    const folders = new Set<string>();
    const names = new Map<string, string>();
    const sameName = submissionsPerName(rows);
    const filesIn = new Map<string, Set<string>>();
    for (const row of rows) {
      let folder = names.get(row.submission_id);
      const mtime = new Date(row.submitted_at);
      if (folder === undefined) {
        const label = (sameName.get(row.trainee_name) ?? 0) > 1 ? `${row.trainee_name} (${row.trainee_email})` : row.trainee_name;
        folder = uniqueName(folders, sanitizeFileName(label));
        names.set(row.submission_id, folder);
        filesIn.set(folder, new Set());
        if (row.text.trim()) {
          const text = Buffer.from(row.text, 'utf8');
          zip.addBuffer(text, `${folder}/${uniqueName(filesIn.get(folder)!, textFileName)}`, { mtime, compress: false });
        }
      }
      if (!row.storage_key || !row.file_name || row.size === null) continue;
      if (!present.has(row.storage_key)) {
        this.logger.warn(
          { key: row.storage_key, submissionId: row.submission_id },
          'A submitted file is missing from storage; left out of the ZIP',
        );
        continue;
      }
      const key = row.storage_key;
      zip.addReadStreamLazy(
        `${folder}/${uniqueName(filesIn.get(folder)!, sanitizeFileName(row.file_name))}`,
        { mtime, size: Number(row.size), compress: false },
        (callback) => {
          const stream = this.storage.openRead(key);
          stream.once('error', (error) => zip.emit('error', error));
          reading = stream;
          callback(null, stream);
        },
      );
    }
    let size: number | null = null;
    // yazl reports the total size to this callback (its type definitions leave the argument out).
    const reportSize = (total: number) => {
      size = total >= 0 ? total : null;
    };
    zip.end({ forceZip64Format: false, comment: '' }, reportSize as unknown as () => void);
    const output = zip.outputStream as unknown as Readable;
    zip.on('error', (error: Error) => output.destroy(error));
    return {
      content: output,
      type: 'application/zip',
      disposition: contentDisposition(`${sanitizeFileName(assignment.title)}.zip`),
      length: size ?? undefined,
      headers: { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' },
      abort: () => {
        (reading as Readable | null)?.destroy();
        output.destroy();
      },
    };
  }

  /** Which stored files are there, checked before the first byte is sent (a ZIP cannot take back a promised entry). */
  private async presentKeys(rows: FileRow[]): Promise<Set<string>> {
    const keys = [...new Set(rows.map((row) => row.storage_key).filter((key): key is string => Boolean(key)))];
    const present = new Set<string>();
    for (let i = 0; i < keys.length; i += 50) {
      const batch = keys.slice(i, i + 50);
      const found = await Promise.all(batch.map((key) => this.storage.exists(key)));
      batch.forEach((key, index) => found[index] && present.add(key));
    }
    return present;
  }
}
