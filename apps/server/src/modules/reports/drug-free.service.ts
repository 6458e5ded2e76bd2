import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../app-deps.ts';
import { createdStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { vietnamDate } from '../../platform/documents/official-document.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, authorize, coversProvince, unitScopeOf } from '../../platform/policy.ts';
import { insertAudited } from '../shared/audited-writes.service.ts';
import { type DrugFreeRow, drugFreeRepo } from './drug-free.repo.ts';
import { unitsRepo } from './units.repo.ts';

// Communes recognised as drug-free (Decision 28/2025/QĐ-TTg): the province records the recognition decision
// and, when the commune loses it, the revocation. The drug-free share of communes counts those in force.

// Today in Vietnam (a revocation entered at 06:00 on the 5th is not "in the future" while UTC is on the 4th).
const today = (deps: AppDeps) => vietnamDate(deps.now());
const field = (name: string, rule: string, vi: string, en: string) =>
  Errors.validation([{ field: name, rule, messages: { vi, en } }]);

function present(r: DrugFreeRow & { commune_name?: string | null }, on: string) {
  const status = r.revoked_on
    ? 'revoked'
    : r.valid_until && r.valid_until < on
      ? 'expired'
      : r.recognised_on > on
        ? 'future'
        : 'in_force';
  return {
    id: r.id,
    communeCode: r.commune_code,
    communeName: r.commune_name ?? null,
    provinceCode: r.province_code,
    recognisedOn: r.recognised_on,
    decisionNumber: r.decision_number,
    decidedBy: r.decided_by,
    validUntil: r.valid_until,
    revokedOn: r.revoked_on,
    revokeReason: r.revoke_reason,
    notes: r.notes,
    status,
    version: r.version,
  };
}

/** Recognitions within the viewer's scope (a province's communes, or the commune's own). */
export async function listDrugFree(deps: AppDeps, actor: Actor, q: { province?: string }) {
  authorize(actor, 'reports.read');
  const scope = unitScopeOf(actor, 'reports.read');
  if (scope.kind === 'none') return { items: [] };
  const filter =
    scope.kind === 'all'
      ? { provinceCode: q.province }
      : scope.kind === 'province'
        ? { provinceCode: scope.code }
        : { communeCode: scope.code };
  const on = today(deps);
  return { items: (await drugFreeRepo.list(deps.database.db, filter)).map((r) => present(r, on)) };
}

/** Who records recognitions: the province (for its communes) or the nation. */
function assertRecorder(actor: Actor, provinceCode: string | null) {
  authorize(actor, 'reports.approve');
  if (!coversProvince(actor, provinceCode))
    throw Errors.forbidden({
      vi: 'Chỉ cấp tỉnh của xã, phường này ghi nhận được',
      en: "Only the commune's province may record this",
    });
}

export async function recordDrugFree(
  deps: AppDeps,
  actor: Actor,
  input: {
    communeCode: string;
    recognisedOn: string;
    decisionNumber: string;
    decidedBy: string;
    validUntil?: string;
    notes?: string;
  },
) {
  authorize(actor, 'reports.approve');
  const on = today(deps);
  if (input.recognisedOn > on)
    throw field(
      'recognisedOn',
      'future',
      'Ngày công nhận không được ở tương lai',
      'The recognition date cannot be in the future',
    );
  if (input.validUntil && input.validUntil < input.recognisedOn)
    throw field(
      'validUntil',
      'before_start',
      'Ngày hết hiệu lực phải sau ngày công nhận',
      'The end of validity must follow the recognition date',
    );
  return deps.database.db.transaction().execute(async (trx) => {
    const commune = await unitsRepo.commune(trx, input.communeCode, on);
    if (!commune) throw field('communeCode', 'unknown', 'Không có xã, phường này', 'No such commune');
    assertRecorder(actor, commune.province_code);
    if (await drugFreeRepo.inForce(trx, input.communeCode, input.recognisedOn))
      throw Errors.conflict('drug_free_exists', {
        vi: 'Xã, phường này đang có quyết định công nhận còn hiệu lực',
        en: 'This commune already has a recognition in force',
      });
    const at = deps.now().toISOString();
    const row: DrugFreeRow = {
      id: randomUUID(),
      commune_code: input.communeCode,
      province_code: commune.province_code!,
      recognised_on: input.recognisedOn,
      decision_number: input.decisionNumber,
      decided_by: input.decidedBy,
      valid_until: input.validUntil ?? null,
      revoked_on: null,
      revoke_reason: null,
      notes: input.notes ?? null,
      ...createdStamps(actor, at),
    };
    await insertAudited(trx, actor, drugFreeRepo.insert, row, {
      action: 'drug_free.create',
      entityType: 'drug_free_commune',
      details: { commune: row.commune_code, recognisedOn: row.recognised_on },
    });
    return present({ ...row, commune_name: commune.name }, on);
  });
}

export async function revokeDrugFree(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; revokedOn: string; reason: string },
) {
  authorize(actor, 'reports.approve');
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await drugFreeRepo.find(trx, id);
    if (!row) throw Errors.notFound({ vi: 'quyết định công nhận', en: 'Recognition' });
    assertRecorder(actor, row.province_code);
    if (row.version !== input.version) throw Errors.staleVersion({ version: row.version });
    if (row.revoked_on)
      throw Errors.conflict('drug_free_revoked', {
        vi: 'Quyết định công nhận đã bị thu hồi',
        en: 'The recognition is already revoked',
      });
    if (input.revokedOn < row.recognised_on || input.revokedOn > today(deps))
      throw field(
        'revokedOn',
        'range',
        'Ngày thu hồi phải từ ngày công nhận đến hôm nay',
        'The revocation date must be between the recognition date and today',
      );
    const at = deps.now().toISOString();
    const patch = {
      revoked_on: input.revokedOn,
      revoke_reason: input.reason,
      updated_at: at,
      updated_by: actor.userId,
    };
    if (!(await drugFreeRepo.updateVersioned(trx, id, input.version, patch)))
      throw Errors.staleVersion({ version: row.version });
    await audit(trx, actor, {
      action: 'drug_free.revoke',
      entityType: 'drug_free_commune',
      entityId: id,
      reason: input.reason,
    });
    return present({ ...row, ...patch, version: row.version + 1 }, today(deps));
  });
}
