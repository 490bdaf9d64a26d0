import { mkdirSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { s3Settings } from './check-storage';
import { LocalStorageDriver } from './local-storage.driver';
import { OrphanFileCleaner } from './orphan-file-cleaner';
import { S3Client } from './s3-client';
import { S3StorageDriver } from './s3-storage.driver';
import { STORAGE_DRIVER, type StorageDriver } from './storage-driver';
import { StorageService } from './storage.service';

function createDriver(config: AppConfig): StorageDriver {
  const env = config.env;
  switch (env.STORAGE_DRIVER) {
    case 'local': {
      const driver = new LocalStorageDriver(env.UPLOAD_DIR);
      mkdirSync(driver.root, { recursive: true });
      return driver;
    }
    case 's3':
      return new S3StorageDriver(new S3Client(s3Settings(env)));
  }
}

/** Where uploaded files live, chosen by STORAGE_DRIVER; every feature stores files through StorageService. */
@Module({
  providers: [{ provide: STORAGE_DRIVER, inject: [AppConfig], useFactory: createDriver }, StorageService, OrphanFileCleaner],
  exports: [StorageService, OrphanFileCleaner],
})
export class StorageModule {}
