import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './policy.ts';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
};

/**
 * The one place audit rows are written. Call it with the transaction of the change so the
 * change and its audit entry commit or fail together.
 */
export async function audit(db: Kysely<DB>, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: new Date().toISOString(),
      user_id: actor?.userId ?? null,
      username: actor?.username ?? null,
      role: actor?.role ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      ip: actor?.ip ?? null,
      reason: entry.reason ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}

/** Audits a batch of reads (a search result page) in one insert. */
export async function auditMany(db: Kysely<DB>, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const at = new Date().toISOString();
  await db
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        id: randomUUID(),
        at,
        user_id: actor.userId,
        username: actor.username,
        role: actor.role,
        action: e.action,
        entity_type: e.entityType,
        entity_id: e.entityId ?? null,
        ip: actor.ip,
        reason: e.reason ?? null,
        details: e.details ? JSON.stringify(e.details) : null,
      })),
    )
    .execute();
}
