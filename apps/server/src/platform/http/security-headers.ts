import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

// Security headers (issue 16). Scripts only from this origin, never inline or eval'd; styles need
// 'unsafe-inline' because Mantine writes its CSS variables and component styles in <style> elements and
// style attributes at run time (style-src only: no script can run from it). No framing, no plugins, no
// forms or fetches to other origins.
const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  // Set below only over HTTPS: a commune laptop serves plain HTTP on its own network.
  strictTransportSecurity: false,
};

/**
 * The headers helmet sets with these options, worked out once. They do not depend on the request (no CSP
 * nonces), and @fastify/helmet built the whole helmet middleware again on every request — parsing the CSP
 * directives each time, about 5 % of a search request's CPU (bench/README.md, issue 17).
 */
export function securityHeaders(options: HelmetOptions = HELMET_OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: () => {},
  };
  let called = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    called = true;
  });
  // helmet's middleware is synchronous; if a version ever were not, fail at start rather than send no headers.
  if (!called) throw new Error('helmet did not set its headers synchronously');
  return Object.freeze(headers) as Record<string, string>;
}

/** Every response carries the security headers; API answers are never cached; HSTS only over HTTPS. */
export function registerSecurityHeaders(app: FastifyInstance) {
  const headers = securityHeaders();
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000');
    // Personal records must not stay in shared caches or the browser's disk cache.
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('Cache-Control', 'no-store');
  });
}
