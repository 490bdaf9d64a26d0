import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { STORAGE_DRIVER, type StorageDriver } from './storage-driver';
import { parseStorageKey } from './storage-keys';
import { storedFileOwners } from './stored-file-key.decorator';

const DAY_MS = 24 * 3_600_000;
const BATCH = 500;

/** Escaped SQL identifiers. */
interface KeyColumn {
  table: string;
  column: string;
}

export interface CleanupResult {
  checked: number;
  removed: number;
  incomplete: number;
}

/**
 * Removes files that no record holds: left by a process that died between writing a file and committing
 * its record, or a failed delete. Only files older than `olderThanMs` are judged, so an upload in progress
 * is never taken for an orphan.
 */
@Injectable()
export class OrphanFileCleaner {
  private readonly logger = new Logger(OrphanFileCleaner.name);

  constructor(
    @Inject(STORAGE_DRIVER) private readonly driver: StorageDriver,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The columns holding each prefix's keys, as table and column names. */
  private keyColumns(): Map<string, KeyColumn[]> {
    const byPrefix = new Map<string, KeyColumn[]>();
    for (const owner of storedFileOwners()) {
      if (!this.dataSource.hasMetadata(owner.target)) continue;
      const metadata = this.dataSource.getMetadata(owner.target);
      const column = metadata.findColumnWithPropertyName(owner.property);
      if (!column) continue;
      const list = byPrefix.get(owner.prefix) ?? [];
      const escape = (name: string) => this.dataSource.driver.escape(name);
      const table = metadata.schema ? `${escape(metadata.schema)}.${escape(metadata.tableName)}` : escape(metadata.tableName);
      list.push({ table, column: escape(column.databaseName) });
      byPrefix.set(owner.prefix, list);
    }
    return byPrefix;
  }

  async removeOrphans(olderThanMs = DAY_MS): Promise<CleanupResult> {
    const cutoff = new Date(Date.now() - olderThanMs);
    const columns = this.keyColumns();
    const result: CleanupResult = { checked: 0, removed: 0, incomplete: 0 };
    let batch: string[] = [];
    for await (const object of this.driver.list()) {
      if (object.modifiedAt >= cutoff || !columns.has(parseStorageKey(object.key).prefix)) continue;
      batch.push(object.key);
      if (batch.length >= BATCH) {
        result.removed += await this.removeUnreferenced(batch, columns);
        result.checked += batch.length;
        batch = [];
      }
    }
    if (batch.length) {
      result.removed += await this.removeUnreferenced(batch, columns);
      result.checked += batch.length;
    }
    result.incomplete = await this.driver.purgeIncomplete(cutoff);
    if (result.removed || result.incomplete) this.logger.log(result, 'Removed orphan files');
    return result;
  }

  private async removeUnreferenced(keys: string[], columns: Map<string, KeyColumn[]>): Promise<number> {
    const referenced = new Set<string>();
    const prefixes = new Set(keys.map((key) => parseStorageKey(key).prefix));
    for (const prefix of prefixes) {
      for (const { table, column } of columns.get(prefix) ?? []) {
        const rows: { key: string }[] = await this.dataSource.query(`SELECT ${column} AS key FROM ${table} WHERE ${column} = ANY($1)`, [
          keys,
        ]);
        for (const row of rows) referenced.add(row.key);
      }
    }
    let removed = 0;
    for (const key of keys) {
      if (referenced.has(key)) continue;
      await this.driver.delete(key);
      this.logger.warn({ key }, 'Removed an orphan file');
      removed += 1;
    }
    return removed;
  }
}
