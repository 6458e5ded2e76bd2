import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type PersonUnitRow, personUnitsRepo } from './person-units.repo.ts';

// A person's commune over time (person_units), kept by the code that changes it: recording or correcting the
// person (syncPersonUnit), moving house (movePersonUnit), a merge of communes (mergeCommuneUnits). Reports of a
// past period grouped by the units of the period read it (reports/blocks.repo.ts).

/** Since always: the first span (records of a person may be entered for any earlier date). */
export const SINCE_ALWAYS = '0001-01-01';

/** A person's first span: in their current commune since always, as recorded. */
const firstUnit = (p: { id: string; cur_commune_code: string; province_code: string }): PersonUnitRow => ({
  id: randomUUID(),
  person_id: p.id,
  commune_code: p.cur_commune_code,
  province_code: p.province_code,
  valid_from: SINCE_ALWAYS,
  valid_to: null,
  cause: 'record',
  source_id: null,
});

/**
 * Keeps the open span equal to the person's current commune: opens the first one for a new record, and rewrites
 * the open one in place when the commune was corrected by an edit (a correction, not a move: a move is a transfer).
 */
export async function syncPersonUnit(trx: Kysely<DB>, personId: string): Promise<void> {
  const p = await personUnitsRepo.person(trx, personId);
  if (!p) return;
  const open = await personUnitsRepo.open(trx, personId);
  if (!open) await personUnitsRepo.insert(trx, [firstUnit(p)]);
  else if (open.commune_code !== p.cur_commune_code || open.province_code !== p.province_code)
    await personUnitsRepo.correct(trx, open.id, p.cur_commune_code, p.province_code);
}

/** The first span of people just recorded (an import's new people), many rows per statement. */
export async function recordFirstUnits(
  trx: Kysely<DB>,
  people: { id: string; cur_commune_code: string; province_code: string }[],
): Promise<void> {
  await personUnitsRepo.insert(trx, people.map(firstUnit));
}

/**
 * The person lives in another commune from `on` (a move, or a merge of their commune). A move dated before a
 * later span replaces the spans from that day (the latest recorded move is the person's current commune).
 */
export async function movePersonUnit(
  trx: Kysely<DB>,
  personId: string,
  to: { commune: string; province: string },
  on: string,
  cause: 'move' | 'merge',
  sourceId: string,
): Promise<void> {
  await personUnitsRepo.dropFrom(trx, personId, on === SINCE_ALWAYS ? '0001-01-02' : on);
  const spans = await personUnitsRepo.history(trx, personId);
  const last = spans[spans.length - 1];
  if (last && last.valid_to !== on) await personUnitsRepo.close(trx, last.id, on);
  await personUnitsRepo.insert(trx, [
    {
      id: randomUUID(),
      person_id: personId,
      commune_code: to.commune,
      province_code: to.province,
      valid_from: last ? on : SINCE_ALWAYS,
      valid_to: null,
      cause,
      source_id: sourceId,
    },
  ]);
}

/**
 * Communes merged into another from `on` (a unit update's `merges`): their people live in the new commune from
 * that day (their record follows, with a span each), and the old code is recorded as the new one's predecessor.
 * Returns how many people moved.
 */
export async function mergeCommuneUnits(
  trx: Kysely<DB>,
  merges: readonly { from: string; into: string; province: string }[],
  on: string,
  updateId: string,
  at: string,
): Promise<number> {
  let moved = 0;
  for (const m of merges) {
    let after = '';
    for (;;) {
      const open = await personUnitsRepo.openIn(trx, m.from, after, 500);
      if (!open.length) break;
      after = open[open.length - 1]!.person_id;
      // A span opened on or after the merge day is rewritten in place (its commune no longer exists then).
      const ending = open.filter((o) => o.valid_from < on);
      for (const o of open.filter((x) => x.valid_from >= on))
        await personUnitsRepo.correct(trx, o.id, m.into, m.province);
      if (ending.length)
        await personUnitsRepo.closeMany(
          trx,
          ending.map((o) => o.id),
          on,
        );
      await personUnitsRepo.insert(
        trx,
        ending.map((o) => ({
          id: randomUUID(),
          person_id: o.person_id,
          commune_code: m.into,
          province_code: m.province,
          valid_from: on,
          valid_to: null,
          cause: 'merge',
          source_id: updateId,
        })),
      );
    }
    const r = await personUnitsRepo.movePeople(trx, m.from, m.into, m.province, at);
    moved += Number(r[0]?.numUpdatedRows ?? 0);
  }
  await personUnitsRepo.insertSuccessors(
    trx,
    merges.map((m) => ({ from_code: m.from, to_code: m.into, effective_date: on, update_id: updateId })),
  );
  return moved;
}
