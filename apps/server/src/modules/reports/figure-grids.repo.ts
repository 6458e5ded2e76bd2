import type { Kysely } from 'kysely';
import type { DB, FigureGridTable } from '../../db/schema.ts';

// Computed figures kept in the database (figure-store.ts): they survive a restart and are shared by every
// process and server, each valid while the table versions it was computed at are current.
export const figureGridsRepo = {
  load: (db: Kysely<DB>, key: string) =>
    db.selectFrom('figure_grids').selectAll().where('key', '=', key).executeTakeFirst(),

  markUsed: (db: Kysely<DB>, key: string, at: number) =>
    db.updateTable('figure_grids').set({ used_at: at }).where('key', '=', key).execute(),

  save: (db: Kysely<DB>, row: FigureGridTable) =>
    db
      .insertInto('figure_grids')
      .values(row)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          tables: row.tables,
          versions: row.versions,
          value: row.value,
          rows: row.rows,
          computed_at: row.computed_at,
          compute_ms: row.compute_ms,
          used_at: row.used_at,
        }),
      )
      .execute(),

  /** Keeps the `maxEntries` most recently used figures and at most `maxRows` rows in all. */
  async prune(db: Kysely<DB>, maxEntries: number, maxRows: number) {
    const kept = await db
      .selectFrom('figure_grids')
      .select(['key', 'rows'])
      .orderBy('used_at', 'desc')
      .execute();
    let rows = 0;
    const drop: string[] = [];
    kept.forEach((k, i) => {
      rows += k.rows;
      if (i >= maxEntries || rows > maxRows) drop.push(k.key);
    });
    for (let i = 0; i < drop.length; i += 500)
      await db
        .deleteFrom('figure_grids')
        .where('key', 'in', drop.slice(i, i + 500))
        .execute();
    return drop.length;
  },
};
