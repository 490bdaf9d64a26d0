import { Injectable, Logger } from '@nestjs/common';
import { type Actor, actorHasRole } from '../common/actor';
import { sanitizeFileName } from '../storage/file-names';
import { StorageService } from '../storage/storage.service';
import { type ZipDownload, type ZipEntry, ZipNames, zipOfStoredFiles } from '../storage/stored-files-zip';
import { AssignmentsService } from '../assignments/assignments.service';
import { type FileRow, GradingRecords } from './grading-records.service';

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

  async open(actor: Actor, assignmentId: string, textFileName: string): Promise<ZipDownload> {
    const assignment = await this.assignments.getManaged(actor, assignmentId);
    const rows = await this.records.archiveRows({
      assignmentId: assignment.id,
      cohortId: assignment.cohortId,
      partId: assignment.partId,
      graderId: actorHasRole(actor, 'admin') ? null : actor.userId,
    });
    const entries: ZipEntry[] = [];
    const folders = new ZipNames();
    const names = new Map<string, string>();
    const sameName = submissionsPerName(rows);
    const filesIn = new Map<string, ZipNames>();
    for (const row of rows) {
      let folder = names.get(row.submission_id);
      const mtime = new Date(row.submitted_at);
      if (folder === undefined) {
        const label = (sameName.get(row.trainee_name) ?? 0) > 1 ? `${row.trainee_name} (${row.trainee_email})` : row.trainee_name;
        folder = folders.unique(sanitizeFileName(label));
        names.set(row.submission_id, folder);
        filesIn.set(folder, new ZipNames());
        if (row.text.trim()) {
          entries.push({ name: `${folder}/${filesIn.get(folder)!.unique(textFileName)}`, mtime, content: Buffer.from(row.text, 'utf8') });
        }
      }
      if (!row.storage_key || !row.file_name || row.size === null) continue;
      const name = `${folder}/${filesIn.get(folder)!.unique(sanitizeFileName(row.file_name))}`;
      entries.push({ name, mtime, key: row.storage_key, size: Number(row.size), about: { submissionId: row.submission_id } });
    }
    return zipOfStoredFiles(this.storage, entries, `${sanitizeFileName(assignment.title)}.zip`, this.logger);
  }
}
