import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with the library defaults (m=19 MiB, t=2, p=1: OWASP's recommended minimum).
export const hashPassword = (plain: string) => hash(plain, { algorithm: 2 });
export const verifyPassword = (hashed: string, plain: string) => verify(hashed, plain).catch(() => false);

/** A random password of 16 characters without look-alike letters, for first logins and resets. */
export function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
