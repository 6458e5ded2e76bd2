import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { audit } from '../../platform/audit.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { strOrNull } from '../../platform/http/schemas.ts';
import { auditScopeOf } from '../../platform/policy.ts';
import { auditRepo } from './audit.repo.ts';

const entryOut = z.object({
  id: z.string(),
  at: z.string(),
  userId: strOrNull,
  username: strOrNull,
  role: strOrNull,
  action: z.string(),
  entityType: z.string(),
  entityId: strOrNull,
  ip: strOrNull,
  reason: strOrNull,
  details: z.unknown().nullable(),
});

export async function auditRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['audit']);
  api.get(
    '/api/audit',
    {
      operationId: 'listAudit',
      requires: 'audit.read',
      summary: 'Nhật ký truy cập / Audit log',
      description:
        "A province auditor reads the entries of its province's users and about its people and users.",
      querystring: z.strictObject({
        username: z.string().max(64).optional(),
        userId: z.string().max(64).optional(),
        entityId: z.string().max(64).optional(),
        action: z.string().max(64).optional(),
        from: z.iso.date().optional(),
        to: z.iso.date().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      ok: z.object({ items: z.array(entryOut), total: z.number() }),
    },
    async ({ actor, query }) => {
      const { db } = deps.database;
      const { rows, total } = await auditRepo.list(db, auditScopeOf(actor), query);
      // Reading the audit log is itself audited: who watched the watchers.
      await audit(db, actor, { action: 'audit.read', entityType: 'audit_log', details: { ...query } });
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          userId: r.user_id,
          username: r.username,
          role: r.role,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          ip: r.ip,
          reason: r.reason,
          details: r.details ? JSON.parse(r.details) : null,
        })),
      };
    },
  );
}
