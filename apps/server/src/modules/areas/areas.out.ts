import { z } from 'zod';
import { listOf, strOrNull } from '../../platform/http/schemas.ts';

// Answers of the routes in areas.routes.ts (their success schemas in the OpenAPI contract).

export const areaOut = z
  .object({
    id: z.string(),
    unit: z.string(),
    provinceCode: z.string(),
    name: z.string(),
    legacyDistrict: strOrNull,
    notes: strOrNull,
    communes: z.array(z.object({ code: z.string(), name: z.string() })),
    version: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Area' });

export const listAreasOut = listOf(areaOut);

export const listLegacyDistrictsOut = z.object({
  province: z.string(),
  items: z.array(
    z.object({
      name: z.string(),
      oldProvinceName: z.string(),
      communes: z.array(z.object({ code: z.string(), name: z.string(), shared: z.boolean() })),
    }),
  ),
});
