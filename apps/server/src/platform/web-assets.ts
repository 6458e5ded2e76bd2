import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * How the server speaks over a slow mobile link (400 kbit/s, 400 ms in the villages):
 * - API responses are compressed (brotli, gzip fallback). Brotli at quality 4: as small as gzip -9 for JSON at a
 *   fraction of the CPU; the default (11) costs tens of milliseconds per response.
 * - The web app's files are compressed once at build time (`.br`, `.gz` beside each file, see
 *   apps/web/vite.config.ts) and served as they are: no per-request compression of static files.
 * - Hashed files under /assets/ never change: cached for a year, `immutable`. index.html (and anything else not
 *   hashed) is revalidated each time, so a new version is picked up at the next visit.
 */
export const COMPRESS_THRESHOLD_BYTES = 1024;
const YEAR_SECONDS = 365 * 24 * 3600;

export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, {
    global: true,
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}

export const cacheControlFor = (urlPath: string) =>
  urlPath.startsWith('/assets/') ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache';

/** The web app: static files, and index.html for every client-side route. */
export async function registerWebApp(app: FastifyInstance, webDist: string) {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, filePath) => {
      const rel = `/${path.relative(webDist, filePath).split(path.sep).join('/')}`;
      res.setHeader('Cache-Control', cacheControlFor(rel.replace(/\.(br|gz)$/, '')));
    },
  });
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
