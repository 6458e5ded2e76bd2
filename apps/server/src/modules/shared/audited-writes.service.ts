import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type AuditEntry, audit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/policy.ts';

/**
 * Inserts a record someone created and writes its audit entry in the same transaction (so both commit or
 * neither): the last step of every "create" in the services. The entry names the new record unless it names
 * another entity (a record about a person is audited on the person, with the record's id in details).
 */
export async function insertAudited<R extends { id: string }>(
  db: Kysely<DB>,
  actor: Actor,
  insert: (db: Kysely<DB>, row: R) => Promise<unknown>,
  row: R,
  entry: Omit<AuditEntry, 'entityId'> & { entityId?: string },
): Promise<R> {
  await insert(db, row);
  await audit(db, actor, { entityId: row.id, ...entry });
  return row;
}
