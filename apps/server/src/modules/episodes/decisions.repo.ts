import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { rowById } from '../shared/record-queries.repo.ts';

export type DecisionRow = Row<'decisions'>;

/** The identity of a decision: what it decides, who issued it, its number and its date. */
export type DecisionKey = {
  kind: string;
  issuingUnitKind: string;
  issuingUnitCode: string;
  number: string;
  date: string;
};

export const decisionsRepo = {
  insert: (db: Kysely<DB>, row: DecisionRow) => db.insertInto('decisions').values(row).execute(),
  findById: (db: Kysely<DB>, id: string) => rowById(db, 'decisions', id),
  /** The decision already recorded under this key (same kind, issuing unit, number and date), if any. */
  findByKey: (db: Kysely<DB>, k: DecisionKey, exceptId?: string) => {
    let q = db
      .selectFrom('decisions')
      .selectAll()
      .where('issuing_unit_code', '=', k.issuingUnitCode)
      .where('issuing_unit_kind', '=', k.issuingUnitKind)
      .where('kind', '=', k.kind)
      .where('decision_date', '=', k.date)
      .where('number', '=', k.number);
    if (exceptId) q = q.where('id', '<>', exceptId);
    return q.executeTakeFirst();
  },
  /** The episodes (one per person named) resting on a decision, with the person's name. */
  episodesOf: (db: Kysely<DB>, id: string) =>
    db
      .selectFrom('episodes as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .select(['e.id as episode_id', 'e.person_id', 'e.version', 'p.full_name', 'p.cur_commune_code'])
      .where('e.decision_id', '=', id)
      .orderBy('p.full_name')
      .orderBy('e.id')
      .execute(),
  /** Sets the number and signer on the decision (version-checked) and on the episodes resting on it. */
  renumber: async (
    db: Kysely<DB>,
    id: string,
    version: number,
    patch: DecisionPatch,
    at: string,
    by: string,
  ) => {
    const r = await db
      .updateTable('decisions')
      .set({ ...decisionSet(patch, at, by), version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await episodesFollow(db, id, patch, at, by);
    return true;
  },
  /** Carries a number or signer corrected on one episode to its decision and every episode resting on it. */
  follow: async (db: Kysely<DB>, id: string, patch: DecisionPatch, at: string, by: string) => {
    await db
      .updateTable('decisions')
      .set((eb) => ({ ...decisionSet(patch, at, by), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await episodesFollow(db, id, patch, at, by);
  },
};

type DecisionPatch = { number?: string; signer?: string | null };

function decisionSet(patch: DecisionPatch, at: string, by: string) {
  const d: DecisionPatch & { updated_at: string; updated_by: string } = { updated_at: at, updated_by: by };
  if (patch.number !== undefined) d.number = patch.number;
  if (patch.signer !== undefined) d.signer = patch.signer;
  return d;
}

async function episodesFollow(db: Kysely<DB>, id: string, patch: DecisionPatch, at: string, by: string) {
  const ep: {
    decision_number?: string;
    decision_signer?: string | null;
    updated_at: string;
    updated_by: string;
  } = {
    updated_at: at,
    updated_by: by,
  };
  if (patch.number !== undefined) ep.decision_number = patch.number;
  if (patch.signer !== undefined) ep.decision_signer = patch.signer;
  await db
    .updateTable('episodes')
    .set((eb) => ({ ...ep, version: eb('version', '+', 1) }))
    .where('decision_id', '=', id)
    .execute();
}
