import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/errors.ts';

// TOTP secrets are stored encrypted (AES-256-GCM) with a key that lives outside the database: TOTP_KEY, or a
// key generated once into DATA_DIR/totp.key (0600). A database dump alone then gives no usable secret.
const keys = new Map<string, Buffer>();

function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) {
    throw new AppError('totp_key_invalid', 500, {
      vi: 'TOTP_KEY phải là 32 byte (base64 hoặc 64 ký tự hex)',
      en: 'TOTP_KEY must be 32 bytes (base64 or 64 hex characters)',
    });
  }
  return key;
}

/** The key of this configuration: TOTP_KEY, or DATA_DIR/totp.key, generated on first use when missing. */
export function totpKeyOf(config: Pick<Config, 'totpKey' | 'dataDir'>): Buffer {
  if (config.totpKey) return parseKey(config.totpKey);
  const file = path.join(config.dataDir, 'totp.key');
  const cached = keys.get(file);
  if (cached) return cached;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      // 'wx': two processes starting together never overwrite each other's key.
      fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
    }
  }
  const key = parseKey(fs.readFileSync(file, 'utf8'));
  keys.set(file, key);
  return key;
}

/** iv.tag.ciphertext, each base64url. */
export function encryptSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return [iv, c.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

export function decryptSecret(key: Buffer, stored: string): string {
  const [iv, tag, data] = stored.split('.').map((p) => Buffer.from(p, 'base64url'));
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(data), d.final()]).toString('utf8');
}
