import { Readable } from 'node:stream';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { Material } from '../src/materials/material.entity';
import { OrphanFileCleaner } from '../src/storage/orphan-file-cleaner';
import { STORAGE_CLEANUP_QUEUE, STORAGE_CLEANUP_SCHEDULER } from '../src/storage/storage-cleanup.processor';
import { newStorageKey } from '../src/storage/storage-keys';
import { StorageService, type StoredFile } from '../src/storage/storage.service';
import { startWebApp, startWorker, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createApiToken, createInstructor } from './support/factories';
import { pdfBytes } from './support/files';
import { createCohort, createPart, createProgramme } from './support/schedule-factories';
import { openSpace, STORAGE_KINDS, useSpace, type StorageSpace } from './support/storage-spaces';

const TWO_DAYS_MS = 2 * 86_400_000;

describe.each(STORAGE_KINDS)('storage on the %s driver', (kind) => {
  let space: StorageSpace;
  let restoreSettings: () => void;
  let t: TestApp;
  let storage: StorageService;
  let cohortId: string;

  const policy = { keyPrefix: 'material', allowed: ['pdf'] as const, maxBytes: 1024 * 1024 };
  const storePdf = (name = 'Fails.pdf') => storage.store(Readable.from([pdfBytes()]), name, policy);

  async function recordMaterial(file: StoredFile): Promise<Material> {
    const repo = t.dataSource.getRepository(Material);
    return repo.save(
      repo.create({
        cohortId,
        title: 'Ieraksts',
        storageKey: file.key,
        fileName: file.fileName,
        mimeType: file.mimeType,
        size: String(file.size),
        sha256: file.sha256,
      }),
    );
  }

  beforeAll(async () => {
    space = await openSpace(kind);
    restoreSettings = useSpace(space);
    t = await startWebApp();
    storage = t.app.get(StorageService);
    const part = await createPart(t.dataSource, await createProgramme(t.dataSource));
    cohortId = (await createCohort(t.dataSource, part)).id;
  });
  afterAll(async () => {
    await t.close();
    restoreSettings();
    await space.close();
  });

  describe('orphan file cleanup', () => {
    it('removes old files no record holds, and nothing else', async () => {
      const kept = await storePdf();
      await recordMaterial(kept);
      const orphan = await storePdf();
      const young = await storePdf();
      const foreign = newStorageKey('unclaimed');
      space.putForeign('README.txt');
      await storage['driver'].put(foreign, Readable.from(['logo']), { maxBytes: 100 });
      space.leaveIncomplete(orphan.key, TWO_DAYS_MS);
      for (const key of [kept.key, orphan.key, foreign]) space.age(key, TWO_DAYS_MS);

      const cleaner = t.app.get(OrphanFileCleaner);
      const first = await cleaner.removeOrphans();
      expect(first).toMatchObject({ removed: 1, incomplete: 1 });
      expect(space.stored().sort()).toEqual([kept.key, young.key, foreign, 'README.txt'].sort());
      expect(await cleaner.removeOrphans()).toMatchObject({ removed: 0, incomplete: 0 });

      await storage.discard(young.key);
      await storage.discard(kept.key);
      await storage['driver'].delete(foreign);
    });

    it('is run by a nightly job the worker schedules', async () => {
      const orphan = await storePdf();
      space.age(orphan.key, TWO_DAYS_MS);
      const worker: INestApplicationContext = await startWorker();
      try {
        const queue = worker.get<Queue>(getQueueToken(STORAGE_CLEANUP_QUEUE));
        expect(await queue.getJobScheduler(STORAGE_CLEANUP_SCHEDULER)).toMatchObject({ pattern: '30 3 * * *', tz: 'Europe/Riga' });
        const job = await queue.add('remove-orphans', {});
        const done = await eventually(
          async () => {
            const state = await job.getState();
            return state === 'completed' || state === 'failed' ? state : undefined;
          },
          15000,
          'the cleanup job',
        );
        expect(done).toBe('completed');
        expect(space.stored()).not.toContain(orphan.key);
      } finally {
        await worker.close();
      }
    });
  });

  describe('an upload whose record cannot be written', () => {
    beforeAll(async () => {
      await t.dataSource.query(`
        CREATE OR REPLACE FUNCTION kursors_test_refuse_material() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'refused by test'; END $$ LANGUAGE plpgsql`);
      await t.dataSource.query(`
        CREATE TRIGGER kursors_test_refuse_material BEFORE INSERT ON materials
        FOR EACH ROW WHEN (NEW.title = 'Neizdosies') EXECUTE FUNCTION kursors_test_refuse_material()`);
    });
    afterAll(async () => {
      await t.dataSource.query('DROP TRIGGER IF EXISTS kursors_test_refuse_material ON materials');
      await t.dataSource.query('DROP FUNCTION IF EXISTS kursors_test_refuse_material()');
    });

    it('leaves no file, no record and no audit event when the transaction fails', async () => {
      const instructor = await createInstructor(t.dataSource);
      await t.dataSource.query('INSERT INTO cohort_instructors (cohort_id, user_id) VALUES ($1, $2)', [cohortId, instructor.id]);
      const { secret } = await createApiToken(t.dataSource, instructor);
      const before = space.stored();
      const res = await t
        .http()
        .post(`/api/v1/cohorts/${cohortId}/materials`)
        .set('Authorization', `Bearer ${secret}`)
        .field('title', 'Neizdosies')
        .attach('file', pdfBytes(), 'Neizdosies.pdf');
      expect(res.status).toBe(500);
      expect(space.stored()).toEqual(before);
      expect(await t.dataSource.getRepository(Material).countBy({ title: 'Neizdosies' })).toBe(0);
      expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'material.uploaded', actorId: instructor.id })).toBe(0);

      const res2 = await t
        .http()
        .post(`/api/v1/cohorts/${cohortId}/materials`)
        .set('Authorization', `Bearer ${secret}`)
        .field('title', 'Izdosies')
        .attach('file', pdfBytes(), 'Izdosies.pdf');
      expect(res2.status).toBe(201);
      expect(space.stored()).toHaveLength(before.length + 1);
    });
  });
});
