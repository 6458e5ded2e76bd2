import { normalizeVi } from '@hoanhap/domain/normalize';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';

const unitOut = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  level: z.string(),
  provinceCode: z.string().nullable(),
});

export async function orgRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/units',
    {
      schema: {
        tags: ['org'],
        summary: 'Đơn vị hành chính / Administrative units',
        querystring: z.strictObject({
          level: z.enum(['province', 'commune']).default('province'),
          provinceCode: z
            .string()
            .regex(/^\d{2}$/)
            .optional(),
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(5000).default(100),
        }),
        response: { 200: z.object({ items: z.array(unitOut) }) },
      },
    },
    async (req) => {
      requireActor(req);
      let q = deps.database.db
        .selectFrom('units')
        .select(['code', 'name', 'type', 'level', 'province_code'])
        .where('valid_to', 'is', null)
        .where('level', '=', req.query.level);
      if (req.query.provinceCode) q = q.where('province_code', '=', req.query.provinceCode);
      if (req.query.q)
        for (const t of normalizeVi(req.query.q).split(' ').filter(Boolean))
          q = q.where('name_search', 'like', `%${t}%`);
      const rows = await q.orderBy('name_search').limit(req.query.limit).execute();
      return {
        items: rows.map((r) => ({
          code: r.code,
          name: r.name,
          type: r.type,
          level: r.level,
          provinceCode: r.province_code,
        })),
      };
    },
  );
}
