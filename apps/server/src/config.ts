import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

// Environment, parsed once; every setting has a default that runs a commune laptop.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Server processes sharing the port (node:cluster); 0 or unset: one per core. WEB_CONCURRENCY is the same.
  PROCESSES: z.coerce.number().int().min(0).max(256).optional(),
  WEB_CONCURRENCY: z.coerce.number().int().min(0).max(256).optional(),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  // At most 1 s: a logout or a deactivated account must be refused by every process and server within 1 s.
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(1000).default(500),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_ADMIN_LOCK_FAILURES: z.coerce.number().int().min(2).default(10),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  // Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDRs); none by default.
  TRUST_PROXY: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  REPORTS_WARMUP: z.enum(['true', 'false']).default('true'),
  PG_PREPARE: z.enum(['true', 'false']).default('true'),
  REPORTS_STALE_AFTER_MS: z.coerce.number().int().min(0).default(100),
  REPORTS_MAX_STALE_MINUTES: z.coerce.number().min(0).default(15),
  REPORTS_CACHE_MINUTES: z.coerce.number().min(0).default(60),
  REPORTS_REFRESH_GAP_SECONDS: z.coerce.number().min(0).default(10),
  REPORTS_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).default(4000),
  REPORTS_CACHE_MAX_ROWS: z.coerce.number().int().min(1).default(1_500_000),
  // Second factor and need-to-know (issue 16)
  TOTP_KEY: z.string().optional(),
  TOTP_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  REMEMBER_DEVICE_DAYS: z.coerce.number().int().min(0).default(30),
  BREAK_GLASS_MINUTES: z.coerce.number().int().min(1).default(30),
  REPORT_CONCURRENCY: z.coerce.number().int().min(0).optional(),
  SQLITE_MMAP_MB: z.coerce.number().int().min(0).default(0),
  AUDIT_FLUSH_MS: z.coerce.number().int().min(0).default(200),
  AUDIT_QUEUE_MAX: z.coerce.number().int().min(1).default(20_000),
});

export type Config = {
  port: number;
  /** Server processes `npm start` runs on the port (main.ts): all cores by default, 1 for a single process. */
  processes: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  sessionIdleMinutes: number;
  /**
   * How long a process answers a session from memory without reading it again (0: every request reads it). A
   * write through this process forgets at once; one through another process or server is seen after this.
   */
  sessionCacheMs: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Failed logins in a row after which only an administrator can unlock the account (waits grow before). */
  loginAdminLockFailures: number;
  /** Login attempts per minute from one address (all usernames together). */
  loginRateLimit: number;
  /**
   * Addresses/CIDRs of the reverse proxies whose X-Forwarded-For is believed (the client address of the rate
   * limit and of the audit log). Empty: the peer's address is the client's, whatever header it sends.
   */
  trustProxy: string[];
  logLevel: string;
  webDist: string;
  /** Compute the nation's figures of the recent periods ahead (after start, then every 10 minutes). */
  reportsWarmup: boolean;
  /** PostgreSQL: send the parameterised statements as named prepared statements (db/statement-cache.ts). */
  pgPrepare: boolean;
  /** A dashboard figure that took this long to compute may be shown stale (marked) while recomputed… */
  reportsStaleAfterMs: number;
  /** …for at most this long (0: dashboards always wait for current figures). */
  reportsMaxStaleMinutes: number;
  /** A kept figure is recomputed after this long even if this process saw no write (another instance's). */
  reportsCacheMinutes: number;
  /**
   * A figure shown stale is recomputed in the background at once after a write, but not sooner than this after
   * its previous background recomputation (writes never stop at national scale).
   */
  reportsRefreshGapSeconds: number;
  /** Figures kept in memory, and rows in all (~70 bytes a row): what bounds the figure store's memory. */
  reportsCacheMaxEntries: number;
  reportsCacheMaxRows: number;
  /**
   * Key (32 bytes, base64 or hex) that encrypts TOTP secrets in the database; when absent, one is generated
   * into DATA_DIR/totp.key (0600) at first use. Several servers on one PostgreSQL must share it.
   */
  totpKey?: string;
  /** Wrong codes in a row before the second factor locks for LOGIN_LOCK_MINUTES (the session must restart). */
  totpMaxFailures: number;
  /** How long "remember this device" skips the code step (0: never offered). */
  rememberDeviceDays: number;
  /** How long a stated reason opens one person's identity to a national or province officer. */
  breakGlassMinutes: number;
  /**
   * Report and dashboard statements run at once off the request path (worker threads with read-only
   * connections on SQLite, a pool of its own on PostgreSQL); default half the cores, at least 1; 0: inline.
   */
  reportConcurrency?: number;
  /** SQLite: how much of the file each connection reads through memory-mapped I/O (MB; 0: none). */
  sqliteMmapMb: number;
  /** Read audit entries are written in batches at most this often (ms); 0: each with its read, at once. */
  auditFlushMs: number;
  /** Read audit entries waiting at most; a read finding the queue full waits for the next batch. */
  auditQueueMax: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = envSchema.parse(env);
  return {
    port: e.PORT,
    processes: e.PROCESSES || e.WEB_CONCURRENCY || os.availableParallelism(),
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionCacheMs: e.SESSION_CACHE_MS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginAdminLockFailures: e.LOGIN_ADMIN_LOCK_FAILURES,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    trustProxy: e.TRUST_PROXY.split(',')
      .map((x) => x.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.WEB_DIST ?? path.join(import.meta.dirname, '../../web/dist')),
    reportsWarmup: e.REPORTS_WARMUP === 'true',
    pgPrepare: e.PG_PREPARE === 'true',
    reportsStaleAfterMs: e.REPORTS_STALE_AFTER_MS,
    reportsMaxStaleMinutes: e.REPORTS_MAX_STALE_MINUTES,
    reportsCacheMinutes: e.REPORTS_CACHE_MINUTES,
    reportsRefreshGapSeconds: e.REPORTS_REFRESH_GAP_SECONDS,
    reportsCacheMaxEntries: e.REPORTS_CACHE_MAX_ENTRIES,
    reportsCacheMaxRows: e.REPORTS_CACHE_MAX_ROWS,
    totpKey: e.TOTP_KEY || undefined,
    totpMaxFailures: e.TOTP_MAX_FAILURES,
    rememberDeviceDays: e.REMEMBER_DEVICE_DAYS,
    breakGlassMinutes: e.BREAK_GLASS_MINUTES,
    reportConcurrency: e.REPORT_CONCURRENCY,
    sqliteMmapMb: e.SQLITE_MMAP_MB,
    auditFlushMs: e.AUDIT_FLUSH_MS,
    auditQueueMax: e.AUDIT_QUEUE_MAX,
  };
}
