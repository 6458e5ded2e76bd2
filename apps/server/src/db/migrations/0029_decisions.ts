import type { Kysely } from 'kysely';
import { editStampsNoDefault } from './columns.ts';

// A decision is a record of its own (issue 13): its number, date, issuing unit and authority, and the people it
// names (the episodes that carry its id; one decision may name several people). Figures count decisions by this
// record, never by (today's commune, number): two former communes that both issued "07/QĐ-UBND", or a register
// restarting each year, stay distinct decisions, and merging or renumbering units later changes nothing.
// Backfill: one decision per (kind, issuing unit at the time, number, date) among the existing episodes of the
// kinds that rest on a decision; the issuing unit is what the episode row recorded (its responsible unit when it
// was opened, a court for a court order); an episode without a number is a decision of its own.
// Forward-only: never edit once landed.

/** The episode types whose act is a decision (a commune, police or court decision). */
export const DECISION_KINDS = ['user_management', 'post_rehab', 'compulsory_pending', 'compulsory'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('issuing_unit_kind', 'text', (c) => c.notNull())
    .addColumn('issuing_unit_code', 'text', (c) => c.notNull())
    .addColumn('issuing_body', 'text')
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('regime_id', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('signer', 'text')
    .$call(editStampsNoDefault)
    .execute();
  await db.schema
    .createIndex('decisions_key')
    .on('decisions')
    .columns(['issuing_unit_code', 'kind', 'decision_date', 'number'])
    .execute();
  await db.schema.alterTable('episodes').addColumn('decision_id', 'text').execute();
  await db.schema.createIndex('episodes_decision').on('episodes').column('decision_id').execute();
  await backfillDecisions(db);
}

/** Records the decisions of the existing episodes that have none (exported for its test). */
export async function backfillDecisions(db: Kysely<any>): Promise<void> {
  let after = '';
  const seen = new Map<string, string>();
  for (;;) {
    const rows = await db
      .selectFrom('episodes')
      .select([
        'id',
        'type',
        'regime_id',
        'authority',
        'decision_number',
        'decision_date',
        'decision_signer',
        'decision_body',
        'responsible_unit_kind',
        'responsible_unit_code',
        'created_at',
        'created_by',
      ])
      .where('id', '>', after)
      .where('type', 'in', DECISION_KINDS)
      .where('decision_date', 'is not', null)
      .where('decision_id', 'is', null)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    const fresh: Record<string, unknown>[] = [];
    const links = new Map<string, string[]>();
    for (const e of rows) {
      // A court order is the court's (by its name); without a recorded court, the unit that opened it.
      const court = e.type === 'compulsory' && !!e.decision_body;
      const unitKind = court ? 'court' : e.responsible_unit_kind;
      const unitCode = court ? (e.decision_body ?? '') : e.responsible_unit_code;
      const key = e.decision_number
        ? [e.type, unitKind, unitCode, e.decision_number, e.decision_date].join('\u0000')
        : `episode:${e.id}`;
      let id = seen.get(key);
      if (!id) {
        id = crypto.randomUUID();
        seen.set(key, id);
        fresh.push({
          id,
          kind: e.type,
          number: e.decision_number,
          decision_date: e.decision_date,
          issuing_unit_kind: unitKind,
          issuing_unit_code: unitCode,
          issuing_body: e.decision_body,
          authority: e.authority,
          regime_id: e.regime_id,
          basis: '[]',
          signer: e.decision_signer,
          version: 1,
          created_at: e.created_at,
          created_by: e.created_by,
          updated_at: e.created_at,
          updated_by: e.created_by,
        });
      }
      links.set(id, [...(links.get(id) ?? []), e.id]);
    }
    for (let i = 0; i < fresh.length; i += 200)
      await db
        .insertInto('decisions')
        .values(fresh.slice(i, i + 200))
        .execute();
    for (const [id, episodeIds] of links)
      for (let i = 0; i < episodeIds.length; i += 500)
        await db
          .updateTable('episodes')
          .set({ decision_id: id })
          .where('id', 'in', episodeIds.slice(i, i + 500))
          .execute();
  }
}
