import { mkdirSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { LocalStorageDriver } from './local-storage.driver';
import { OrphanFileCleaner } from './orphan-file-cleaner';
import { STORAGE_DRIVER, type StorageDriver } from './storage-driver';
import { StorageService } from './storage.service';

function createDriver(config: AppConfig): StorageDriver {
  switch (config.env.STORAGE_DRIVER) {
    case 'local': {
      const driver = new LocalStorageDriver(config.env.UPLOAD_DIR);
      mkdirSync(driver.root, { recursive: true });
      return driver;
    }
  }
}

/** Where uploaded files live, chosen by STORAGE_DRIVER; every feature stores files through StorageService. */
@Module({
  providers: [{ provide: STORAGE_DRIVER, inject: [AppConfig], useFactory: createDriver }, StorageService, OrphanFileCleaner],
  exports: [StorageService, OrphanFileCleaner],
})
export class StorageModule {}
