import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../common/errors';
import { uuid } from '../common/schemas';
import { parseWith, toFieldErrors } from '../common/zod-validation.pipe';
import { CohortAccessService } from '../cohorts/cohort-access.service';
import type { Cohort } from '../cohorts/cohort.entity';
import { CohortsService } from '../cohorts/cohorts.service';
import { AppConfig } from '../config/app-config';
import { unitOfWork } from '../database/unit-of-work';
import type { Part } from '../programmes/part.entity';
import { PartsService } from '../programmes/parts.service';
import type { FilePolicy } from '../storage/file-policy';
import type { FileKind } from '../storage/file-sniffer';
import { StorageService } from '../storage/storage.service';
import type { IncomingUpload } from '../storage/upload';
import { Material } from './material.entity';
import { materialFieldsSchema } from './materials.schemas';
import { actingUser } from '../users/acting-user';

export const MATERIAL_KINDS: readonly FileKind[] = ['pdf', 'docx', 'pptx', 'xlsx', 'odt', 'png', 'jpeg'];
export const MATERIAL_FILE_FIELD = 'file';

/** A part's materials are for all its cohorts; a cohort's only for that cohort. */
export type MaterialTarget = { cohortId: string } | { partId: string };

export interface MaterialList {
  cohort: Cohort | null;
  part: Part;
  /** Materials of the part, shown to every cohort of it. */
  partMaterials: Material[];
  /** Materials of the cohort alone (empty on a part's page). */
  cohortMaterials: Material[];
  canUploadToCohort: boolean;
  canUploadToPart: boolean;
}

export interface MaterialDownload {
  material: Material;
  content: Readable;
}

@Injectable()
export class MaterialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CohortAccessService,
    private readonly cohorts: CohortsService,
    private readonly parts: PartsService,
    private readonly storage: StorageService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  get policy(): FilePolicy {
    return { keyPrefix: 'material', allowed: MATERIAL_KINDS, maxBytes: this.config.env.MATERIAL_MAX_MB * 1024 * 1024 };
  }

  async listForCohort(actor: Actor, cohortId: string): Promise<MaterialList> {
    assertId(cohortId);
    const cohort = await this.cohorts.getFor(actingUser(actor), cohortId);
    const { part } = cohort;
    const [partMaterials, cohortMaterials, canUploadToCohort, canUploadToPart] = await Promise.all([
      this.materialsOf({ partId: part.id }),
      this.materialsOf({ cohortId: cohort.id }),
      this.access.canTeach(actingUser(actor), cohort.id),
      this.access.canTeachPart(actingUser(actor), part.id),
    ]);
    return { cohort, part, partMaterials, cohortMaterials, canUploadToCohort, canUploadToPart };
  }

  async listForPart(actor: Actor, partId: string): Promise<MaterialList> {
    assertId(partId);
    if (!(await this.access.canViewPart(actingUser(actor), partId))) throw new NotFoundError();
    const part = await this.parts.get(partId);
    const [partMaterials, canUploadToPart] = await Promise.all([
      this.materialsOf({ partId: part.id }),
      this.access.canTeachPart(actingUser(actor), part.id),
    ]);
    return { cohort: null, part, partMaterials, cohortMaterials: [], canUploadToCohort: false, canUploadToPart };
  }

  /** A material the user may see; any other id, existing or not, is not found. */
  async get(actor: Actor, id: string): Promise<Material> {
    const material = uuid.safeParse(id).success ? await this.dataSource.getRepository(Material).findOneBy({ id }) : null;
    if (!material || !(await this.canView(actor, material))) throw new NotFoundError();
    return material;
  }

  async canManage(actor: Actor, material: Material): Promise<boolean> {
    return material.cohortId
      ? this.access.canTeach(actingUser(actor), material.cohortId)
      : this.access.canTeachPart(actingUser(actor), material.partId!);
  }

  /**
   * Stores the uploaded file, then records it. The file is written first under its final key; if the
   * fields are invalid or the transaction fails, the file is removed again.
   */
  async upload(actor: Actor, target: MaterialTarget, upload: IncomingUpload): Promise<Material> {
    const where = await this.assertCanUpload(actor, target);
    const { fields, file } = await this.storage.receive(upload, MATERIAL_FILE_FIELD, this.policy);
    if (!file) {
      const input = materialFieldsSchema.safeParse(fields);
      throw new ValidationFailedError([
        ...(input.success ? [] : toFieldErrors(input.error.issues)),
        { field: MATERIAL_FILE_FIELD, code: 'required' },
      ]);
    }
    return unitOfWork(this.dataSource, async (manager) => {
      this.storage.discardOnRollback(manager, [file]);
      const input = parseWith(materialFieldsSchema, fields);
      const material = await manager.getRepository(Material).save(
        manager.getRepository(Material).create({
          ...where,
          title: input.title,
          storageKey: file.key,
          fileName: file.fileName,
          mimeType: file.mimeType,
          size: String(file.size),
          sha256: file.sha256,
          uploadedById: actor.userId,
        }),
      );
      await this.audit.record(
        { action: 'material.uploaded', entityType: 'material', entityId: material.id, after: auditView(material), actor },
        manager,
      );
      return material;
    });
  }

  async delete(actor: Actor, id: string): Promise<Material> {
    const material = await this.get(actor, id);
    if (!(await this.canManage(actor, material))) throw new ForbiddenError();
    return unitOfWork(this.dataSource, async (manager) => {
      const { affected } = await manager.getRepository(Material).delete({ id: material.id });
      if (!affected) throw new NotFoundError();
      await this.audit.record(
        { action: 'material.deleted', entityType: 'material', entityId: material.id, before: auditView(material), actor },
        manager,
      );
      await this.storage.discardAfterCommit(manager, material.storageKey);
      return material;
    });
  }

  async openDownload(actor: Actor, id: string): Promise<MaterialDownload> {
    const material = await this.get(actor, id);
    if (!(await this.storage.exists(material.storageKey))) throw new NotFoundError();
    return { material, content: this.storage.openRead(material.storageKey) };
  }

  private async canView(actor: Actor, material: Material): Promise<boolean> {
    return material.cohortId
      ? this.access.canView(actingUser(actor), material.cohortId)
      : this.access.canViewPart(actingUser(actor), material.partId!);
  }

  /** Teachers of the cohort (or of any cohort of the part) and admins; others who can see it get 403, the rest 404. */
  private async assertCanUpload(actor: Actor, target: MaterialTarget): Promise<{ cohortId: string } | { partId: string }> {
    // Access first, existence after: to anyone but an admin, a cohort or part that does not exist and one they
    // may not see answer alike.
    if ('cohortId' in target) {
      assertId(target.cohortId);
      await this.access.assertCanTeach(actingUser(actor), target.cohortId);
      return { cohortId: (await this.cohorts.get(target.cohortId)).id };
    }
    assertId(target.partId);
    if (await this.access.canTeachPart(actingUser(actor), target.partId)) return { partId: (await this.parts.get(target.partId)).id };
    if (await this.access.canViewPart(actingUser(actor), target.partId)) throw new ForbiddenError();
    throw new NotFoundError();
  }

  private materialsOf(where: { cohortId: string } | { partId: string }): Promise<Material[]> {
    return this.dataSource.getRepository(Material).find({ where, order: { createdAt: 'DESC', title: 'ASC' } });
  }
}

function auditView(material: Material): Record<string, unknown> {
  return {
    title: material.title,
    fileName: material.fileName,
    mimeType: material.mimeType,
    size: Number(material.size),
    sha256: material.sha256,
    cohortId: material.cohortId,
    partId: material.partId,
  };
}

/** An id from the path that is not a UUID names nothing: 404 before any query. */
function assertId(id: string): void {
  if (!uuid.safeParse(id).success) throw new NotFoundError();
}
