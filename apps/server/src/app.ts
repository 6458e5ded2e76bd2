import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from './app-deps.ts';
import { pingDatabase } from './db/health.repo.ts';
import { areasRoutes } from './modules/areas/areas.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { communityRoutes } from './modules/community/community.routes.ts';
import { declarationsRoutes } from './modules/declarations/declarations.routes.ts';
import { dossierRoutes } from './modules/dossiers/dossiers.routes.ts';
import { decisionsRoutes } from './modules/episodes/decisions.routes.ts';
import { episodesRoutes } from './modules/episodes/episodes.routes.ts';
import { registerStatusRefresh } from './modules/episodes/status-refresh.job.ts';
import { facilityRoutes } from './modules/facility/facility.routes.ts';
import { residentsRoutes } from './modules/facility/residents.routes.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { totpRoutes } from './modules/identity/totp.routes.ts';
import { usersImportRoutes } from './modules/identity/users-import.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { legalRoutes } from './modules/legal/legal.routes.ts';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes.ts';
import { registerMonitoringEnds } from './modules/monitoring/monitoring-end.job.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { breakGlassRoutes } from './modules/people/break-glass.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { configureFigureStore } from './modules/reports/figure-store.ts';
import { registerFiguresWarmup } from './modules/reports/figures-warmup.job.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { screeningRoutes } from './modules/screening/screening.routes.ts';
import { jobRunsRoutes } from './modules/system/job-runs.routes.ts';
import { tasksRoutes } from './modules/tasks/tasks.routes.ts';
import { registerAuth } from './platform/auth.ts';
import { registerBasedOn } from './platform/based-on.ts';
import { registerInputCleaning } from './platform/clean-input.ts';
import { registerErrorHandler } from './platform/error-handler.ts';
import { registerRequestsInFlight } from './platform/http/requests-in-flight.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { registerIdempotency } from './platform/idempotency.ts';
import { registerJobRunsPruning } from './platform/jobs.ts';
import { registerOfflineKeep } from './platform/offline-keep.ts';
import { registerOpenApi } from './platform/openapi.ts';
import { DatabaseRateLimitStore } from './platform/rate-limit-store.ts';
import { registerSecondFactor } from './platform/second-factor.ts';
import { registerCompression, registerWebApp } from './platform/web-assets.ts';

/** The whole HTTP application; tests drive it through inject(), main.ts through listen(). */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    // Only the configured proxies' X-Forwarded-For is believed: anyone else could forge the address the login
    // limit counts and the audit log records.
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy : false,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerSecurityHeaders(app);
  await registerCompression(app);
  registerRequestsInFlight(app);
  await app.register(cookie);
  // Counted in the database: one limit across every process and server (issue 17).
  await app.register(rateLimit, { global: false, store: DatabaseRateLimitStore.for(deps.database.db) });
  await registerOpenApi(app, deps.version);
  registerErrorHandler(app);
  // Order matters: who is asking (session, CSRF), whether their second factor is done, clean input, and only
  // then may a retried write be answered from its idempotency key.
  registerAuth(app, deps);
  registerSecondFactor(app);
  registerInputCleaning(app);
  registerIdempotency(app, deps);
  registerBasedOn(app);
  registerOfflineKeep(app);

  app.get(
    '/api/health',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['system'],
        summary: 'Tình trạng hệ thống / Health',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['sqlite', 'postgres']),
            version: z.string(),
          }),
        },
      },
    },
    async () => {
      await pingDatabase(deps.database.db);
      return { status: 'ok' as const, database: deps.database.dialect, version: deps.version };
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(async (s) => identityRoutes(s, deps));
  await app.register(async (s) => totpRoutes(s, deps));
  await app.register(async (s) => breakGlassRoutes(s, deps));
  await app.register(async (s) => usersImportRoutes(s, deps));
  await app.register(async (s) => orgRoutes(s, deps));
  await app.register(async (s) => peopleRoutes(s, deps));
  await app.register(async (s) => screeningRoutes(s, deps));
  await app.register(async (s) => declarationsRoutes(s, deps));
  await app.register(async (s) => episodesRoutes(s, deps));
  await app.register(async (s) => decisionsRoutes(s, deps));
  await app.register(async (s) => monitoringRoutes(s, deps));
  await app.register(async (s) => tasksRoutes(s, deps));
  const statusCatchUp = registerStatusRefresh(app, deps);
  registerMonitoringEnds(app, deps);
  await app.register(async (s) => auditRoutes(s, deps));
  await app.register(async (s) => importsRoutes(s, deps));
  await app.register(async (s) => legalRoutes(s, deps));
  await app.register(async (s) => dossierRoutes(s, deps));
  await app.register(async (s) => facilityRoutes(s, deps));
  await app.register(async (s) => residentsRoutes(s, deps));
  await app.register(async (s) => communityRoutes(s, deps));

  await app.register(async (s) => reportsRoutes(s, deps));
  await app.register(async (s) => areasRoutes(s, deps));
  await app.register(async (s) => jobRunsRoutes(s, deps));
  registerJobRunsPruning(app, deps);
  configureFigureStore(app, deps);
  registerFiguresWarmup(app, deps, statusCatchUp);

  await registerWebApp(app, deps.config.webDist);
  return app;
}
