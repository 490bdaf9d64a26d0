import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The programmes feature's hand-written SQL: counts across parts and cohorts, and part numbering (indicators: IndicatorRecords). */
@Injectable()
export class ProgrammeRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The active programmes, oldest first. */
  active(): Promise<{ id: string; title_lv: string; title_en: string | null }[]> {
    return this.dataSource.query(
      `SELECT g.id, g.title_lv, g.title_en FROM programmes g WHERE g.status = 'active' ORDER BY g.created_at, g.id`,
    );
  }

  /** How many parts and cohorts each programme has, by programme id (programmes with no parts are missing). */
  async counts(): Promise<Map<string, { parts: number; cohorts: number }>> {
    const rows: { id: string; parts: number; cohorts: number }[] = await this.dataSource.query(
      `SELECT p.programme_id AS id, count(DISTINCT p.id)::int AS parts, count(c.id)::int AS cohorts
         FROM parts p LEFT JOIN cohorts c ON c.part_id = p.id GROUP BY p.programme_id`,
    );
    return new Map(rows.map((row) => [row.id, { parts: row.parts, cohorts: row.cohorts }]));
  }

  async nextPartNumber(manager: EntityManager, programmeId: string): Promise<number> {
    const [row]: { next: number }[] = await manager.query(
      'SELECT COALESCE(max(number), 0) + 1 AS next FROM parts WHERE programme_id = $1',
      [programmeId],
    );
    return row.next;
  }

  /** Moves every part of the programme out of the way (to minus its number) before they are numbered anew. */
  async clearPartNumbers(manager: EntityManager, programmeId: string): Promise<void> {
    await manager.query('UPDATE parts SET number = -number WHERE programme_id = $1', [programmeId]);
  }
}
