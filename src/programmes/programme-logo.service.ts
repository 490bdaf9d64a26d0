import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { ValidationFailedError } from '../common/errors';
import { afterCommit, unitOfWork } from '../database/unit-of-work';
import type { FilePolicy } from '../storage/file-policy';
import { StorageService } from '../storage/storage.service';
import type { IncomingUpload } from '../storage/upload';
import type { User } from '../users/user.entity';
import { ProgrammeNotFoundError } from './programmes.errors';
import { ProgrammesService } from './programmes.service';

export const LOGO_FIELD = 'logo';

/** Raster images only: an SVG can carry scripts. */
export const LOGO_POLICY: FilePolicy = { keyPrefix: 'logo', allowed: ['png', 'jpeg', 'webp'], maxBytes: 1024 * 1024 };

/** The optional logo of a programme's funded project, shown in the footer of its pages. */
@Injectable()
export class ProgrammeLogoService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programmes: ProgrammesService,
    private readonly storage: StorageService,
  ) {}

  /** Stores the uploaded image and puts it on the programme; the image it replaces is removed after commit. */
  async upload(id: string, upload: IncomingUpload, actor: Actor): Promise<void> {
    await this.programmes.get(id);
    const { file } = await this.storage.receive(upload, LOGO_FIELD, LOGO_POLICY);
    if (!file) throw ValidationFailedError.field(LOGO_FIELD, 'required');
    await this.storage.keepIf(file, () => this.setLogo(id, { key: file.key, mimeType: file.mimeType }, actor));
  }

  async remove(id: string, actor: Actor): Promise<void> {
    await this.setLogo(id, null, actor);
  }

  private setLogo(id: string, logo: { key: string; mimeType: string } | null, actor: Actor): Promise<void> {
    return unitOfWork(this.dataSource, async (manager) => {
      const previous = await this.programmes.setLogo(manager, id, logo, actor);
      if (previous) await afterCommit(manager, () => this.storage.discard(previous));
    });
  }

  /** The logo of a programme the user may see. */
  async open(user: User, id: string): Promise<{ content: Readable; mimeType: string }> {
    const programme = await this.programmes.getVisible(user, id);
    if (!programme.logoKey || !programme.logoMimeType || !(await this.storage.exists(programme.logoKey)))
      throw new ProgrammeNotFoundError();
    return { content: this.storage.openRead(programme.logoKey), mimeType: programme.logoMimeType };
  }
}
