import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { basedOnDetails, checkBasedOn } from './based-on.ts';
import { claimIdempotencyKey } from './idempotency.ts';
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
  // A write sent with an Idempotency-Key records it here, in the write's own transaction.
  await claimIdempotencyKey(db, actor);
  // An offline entry based on an older version of the person is refused here, in the same transaction.
  await checkBasedOn(db, actor);
  const offline = basedOnDetails(actor);
  const details = offline ? { ...entry.details, offline } : entry.details;
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
      details: details ? JSON.stringify(details) : null,
    })
    .execute();
}

/**
 * Rows per INSERT of `auditMany`: 11 values a row, so 1,000 rows stay far below SQLite's limit of 32,766
 * bound variables (and PostgreSQL's 65,535) — one INSERT of a national drill-down's 50,000 people would not.
 */
export const AUDIT_BATCH_ROWS = 1000;

/**
 * Audits a batch of reads (a search result page, the people of a drill-down or its export) in as few inserts
 * as the databases allow, in the caller's transaction. A null actor is the command line (as in `audit`).
 */
export async function auditMany(db: Kysely<DB>, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await claimIdempotencyKey(db, actor);
  await checkBasedOn(db, actor);
  const at = new Date().toISOString();
  for (let i = 0; i < entries.length; i += AUDIT_BATCH_ROWS) {
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + AUDIT_BATCH_ROWS).map((e) => ({
          id: randomUUID(),
          at,
          user_id: actor?.userId ?? null,
          username: actor?.username ?? null,
          role: actor?.role ?? null,
          action: e.action,
          entity_type: e.entityType,
          entity_id: e.entityId ?? null,
          ip: actor?.ip ?? null,
          reason: e.reason ?? null,
          details: e.details ? JSON.stringify(e.details) : null,
        })),
      )
      .execute();
  }
}
