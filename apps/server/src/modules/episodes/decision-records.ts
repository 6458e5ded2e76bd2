import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { decisionsRepo } from './decisions.repo.ts';
import type { EpisodeRow } from './episodes.repo.ts';

// The decision record an episode rests on (issue 13): opening an episode of a decision kind records its decision,
// or joins the one already recorded under the same key (same kind, issuing unit, number and date — the officer
// entering one decision person by person). Figures count decisions by this record (reports/blocks.repo.ts).

/** The episode types whose act is a decision (commune, police or court). Same list as migration 0029. */
const DECISION_KINDS: ReadonlySet<string> = new Set([
  'user_management',
  'post_rehab',
  'compulsory_pending',
  'compulsory',
]);

/** Who issued the decision an episode rests on: a court for a court order, else the unit that opened it. */
function issuingUnitOf(row: EpisodeRow) {
  return row.type === 'compulsory' && row.decision_body
    ? { kind: 'court', code: row.decision_body }
    : { kind: row.responsible_unit_kind, code: row.responsible_unit_code };
}

/**
 * The decision record an episode being opened rests on (inside its transaction): the one already recorded under
 * the same key, or a new one. Null for an episode that rests on no decision (a registration, a contract, therapy).
 */
export async function decisionFor(
  trx: Kysely<DB>,
  actorId: string | null,
  row: EpisodeRow,
  basis: { vi: string; en: string }[],
): Promise<string | null> {
  if (!DECISION_KINDS.has(row.type) || !row.decision_date) return null;
  const unit = issuingUnitOf(row);
  if (row.decision_number) {
    const same = await decisionsRepo.findByKey(trx, {
      kind: row.type,
      issuingUnitKind: unit.kind,
      issuingUnitCode: unit.code,
      number: row.decision_number,
      date: row.decision_date,
    });
    if (same) return same.id;
  }
  const id = randomUUID();
  await decisionsRepo.insert(trx, {
    id,
    kind: row.type,
    number: row.decision_number,
    decision_date: row.decision_date,
    issuing_unit_kind: unit.kind,
    issuing_unit_code: unit.code,
    issuing_body: row.decision_body,
    authority: row.authority,
    regime_id: row.regime_id,
    basis: JSON.stringify(basis),
    signer: row.decision_signer,
    version: 1,
    created_at: row.created_at,
    created_by: actorId,
    updated_at: row.created_at,
    updated_by: actorId,
  });
  return id;
}
