import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { servicesRoutes } from './services.routes.ts';
import { teamsRoutes } from './teams.routes.ts';
import { workRoutes } from './work.routes.ts';

/** All community routes: teams and volunteers, the work (contacts, activities, report), and services. */
export async function communityRoutes(root: FastifyInstance, deps: AppDeps) {
  await teamsRoutes(root, deps);
  await workRoutes(root, deps);
  await servicesRoutes(root, deps);
}
