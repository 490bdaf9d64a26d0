import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

interface RawColumn {
  property: string;
  column: string;
}

/**
 * Reads whole entities out of hand-written SQL on the hot paths (every request's user, a schedule page), where
 * TypeORM's query building and hydration cost more CPU than the query itself. The column list comes from the
 * entity's own metadata, so it cannot drift from the entity; columns TypeORM would transform on the way in are
 * refused, because their raw value is not the entity's value.
 *
 *   const users = new RawEntity(dataSource, User);
 *   const rows = await dataSource.query(`SELECT ${users.select('u', 'u_')} FROM users u WHERE ...`);
 *   const user = users.from(rows[0], 'u_');
 */
export class RawEntity<T extends ObjectLiteral> {
  private readonly columns: RawColumn[];
  private readonly create: () => T;

  constructor(dataSource: DataSource, target: EntityTarget<T>) {
    const metadata = dataSource.getMetadata(target);
    const selected = metadata.columns.filter((c) => c.isSelect && !c.isVirtual && !c.isVirtualProperty && !c.embeddedMetadata);
    const transformed = selected.find((c) => c.transformer);
    if (transformed) throw new Error(`${metadata.name}.${transformed.propertyName} has a transformer; RawEntity cannot read it`);
    this.columns = selected.map((c) => ({ property: c.propertyName, column: c.databaseName }));
    this.create = () => metadata.create() as T;
  }

  /** `"u"."email" AS "u_email", …`: every selected column of the entity under `alias`, named with `prefix`. */
  select(alias: string, prefix = ''): string {
    return this.columns.map((c) => `"${alias}"."${c.column}" AS "${prefix}${c.column}"`).join(', ');
  }

  /** The entity whose columns `select(…, prefix)` put in the row. */
  from(row: Record<string, unknown>, prefix = ''): T {
    const entity = this.create() as Record<string, unknown>;
    for (const c of this.columns) entity[c.property] = row[`${prefix}${c.column}`];
    return entity as T;
  }
}
