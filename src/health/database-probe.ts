import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { AppConfig } from '../config/app-config';

/**
 * The readiness check's own connection to PostgreSQL, apart from the pools requests use. A load balancer asks
 * whether the process can reach its database; on a busy process every pooled connection may be taken by requests
 * waiting their turn, and a check queued behind them would time out and take a working process (on an exam day,
 * perhaps every one) out of service. Opened at the first check, opened again after an error.
 */
@Injectable()
export class DatabaseProbe implements OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(config: AppConfig) {
    this.pool = new Pool({
      connectionString: config.env.DATABASE_URL,
      max: 1,
      application_name: 'kursors-health',
      connectionTimeoutMillis: 2000,
    });
    // An idle connection that breaks (PostgreSQL restarted) is dropped; the next check opens another.
    this.pool.on('error', () => undefined);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
