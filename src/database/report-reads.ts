import { Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** Connections to the standby, per process: reports are few and each runs a handful of statements. */
const REPLICA_POOL_SIZE = 4;

/**
 * Reads of reports and statistics: on the standby named by DATABASE_REPLICA_URL when there is one (opened at the
 * first such read), else on the primary. Only for reads that never need to see a write the caller has just made
 * (a standby may lag behind by a moment); nothing that checks or changes a record before writing goes here.
 */
@Injectable()
export class ReportReads implements OnApplicationShutdown {
  private replica?: Promise<DataSource>;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly primary: DataSource,
  ) {}

  /** Whether reads go to a standby of their own. */
  get onReplica(): boolean {
    return Boolean(this.config.env.DATABASE_REPLICA_URL);
  }

  async query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return (await this.source()).query<T[]>(sql, parameters);
  }

  private source(): Promise<DataSource> {
    const url = this.config.env.DATABASE_REPLICA_URL;
    if (!url) return Promise.resolve(this.primary);
    this.replica ??= new DataSource(dataSourceOptions({ DATABASE_URL: url, DATABASE_POOL_SIZE: REPLICA_POOL_SIZE }, 'kursors-reports'))
      .initialize()
      .catch((error: unknown) => {
        // Not reachable now: the read fails (a 503), and the next one tries again.
        this.replica = undefined;
        throw error;
      });
    return this.replica;
  }

  async onApplicationShutdown(): Promise<void> {
    const replica = await this.replica?.catch(() => undefined);
    if (replica?.isInitialized) await replica.destroy();
  }
}

@Module({ providers: [ReportReads], exports: [ReportReads] })
export class ReportReadsModule {}
