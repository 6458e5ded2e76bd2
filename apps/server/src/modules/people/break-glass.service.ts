import { randomUUID } from 'node:crypto';
import { addDays } from '@hoanhap/domain/iso-date';
import type { AppDeps } from '../../app-deps.ts';
import { audit } from '../../platform/audit.ts';
import { openIdentities } from '../../platform/break-glass.ts';
import { AppError, Errors } from '../../platform/errors.ts';
import {
  type Actor,
  authorizeBreakGlass,
  breakGlassListScopeOf,
  personScopeOf,
} from '../../platform/policy.ts';
import { vietnamDayStart } from '../audit/audit.repo.ts';
import { writeStep } from '../shared/write-step.service.ts';
import { breakGlassRepo } from './break-glass.repo.ts';
import { peopleRepo } from './people.repo.ts';
import { presentOne } from './people.service.ts';

const personWord = { vi: 'hồ sơ người này', en: 'Person' };

/**
 * "Break the glass": a national or province officer states why they need one person's identity; the reason is
 * kept and audited (action person.break_glass), and the identity stays open to them for BREAK_GLASS_MINUTES.
 */
export async function breakGlass(deps: AppDeps, actor: Actor, personId: string, reason: string) {
  authorizeBreakGlass(actor);
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.config.breakGlassMinutes * 60_000).toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await peopleRepo.findInScope(trx, personScopeOf(actor), personId);
    if (!row) throw Errors.notFound(personWord);
    await breakGlassRepo.insert(trx, {
      id: randomUUID(),
      user_id: actor.userId,
      username: actor.username,
      role: actor.role,
      person_id: personId,
      province_code: row.province_code,
      reason,
      ip: actor.ip,
      granted_at: now.toISOString(),
      expires_at: expiresAt,
    });
    await audit(trx, actor, {
      action: 'person.break_glass',
      entityType: 'person',
      entityId: personId,
      reason,
      details: { until: expiresAt, minutes: deps.config.breakGlassMinutes },
    });
    return { person: await presentOne(trx, actor, row, now), expiresAt };
  });
}

/**
 * The person's identity read on its own: refused (403 break_glass_required) to an officer who needs a reason
 * and has not given one for this person, or whose reason has run out.
 */
export async function readIdentity(deps: AppDeps, actor: Actor, personId: string) {
  return writeStep(deps, actor, 'people.read', async ({ trx }) => {
    const row = await peopleRepo.findInScope(trx, personScopeOf(actor), personId);
    if (!row) throw Errors.notFound(personWord);
    const open = await openIdentities(trx, actor, [personId], deps.now());
    if (open && !open.has(personId)) {
      throw new AppError('break_glass_required', 403, {
        vi: 'Cần nêu lý do để xem thông tin định danh của người này',
        en: "State a reason to read this person's identity",
      });
    }
    await audit(trx, actor, { action: 'person.read_identity', entityType: 'person', entityId: personId });
    return presentOne(trx, actor, row, deps.now());
  });
}

/** The auditor's list of break-the-glass reads (a province auditor: people of the province). Audited. */
export async function listBreakGlass(
  deps: AppDeps,
  actor: Actor,
  q: { username?: string; from?: string; to?: string; limit: number; offset: number },
) {
  const scope = breakGlassListScopeOf(actor);
  const { db } = deps.database;
  const { rows, total } = await breakGlassRepo.list(db, {
    provinceCode: scope.kind === 'province' ? scope.code : undefined,
    username: q.username,
    // days in Vietnam, `to` inclusive (as the audit log)
    from: q.from ? vietnamDayStart(q.from) : undefined,
    to: q.to ? vietnamDayStart(addDays(q.to, 1)) : undefined,
    limit: q.limit,
    offset: q.offset,
  });
  await audit(db, actor, { action: 'audit.read', entityType: 'break_glass', details: { ...q } });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      username: r.username,
      role: r.role,
      personId: r.person_id,
      personName: r.full_name ?? null,
      provinceCode: r.province_code,
      reason: r.reason,
      ip: r.ip,
      grantedAt: r.granted_at,
      expiresAt: r.expires_at,
    })),
  };
}
