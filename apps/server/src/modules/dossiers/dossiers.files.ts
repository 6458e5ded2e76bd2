import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError, Errors } from '../../platform/errors.ts';

// Files of the dossier checklist: stored under <dataDir>/uploads with a random name, never the client's
// name; the original name, size, SHA-256 and type live in the database. The type is decided by the file's
// own bytes and its extension together, not by the Content-Type the browser claims.

/** Largest file accepted (a scanned multi-page record fits comfortably). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

type FileType = { mime: string; extensions: readonly string[]; matches: (b: Buffer) => boolean };

const startsWith = (b: Buffer, bytes: number[]) => bytes.every((x, i) => b[i] === x);

const FILE_TYPES: readonly FileType[] = [
  {
    mime: 'application/pdf',
    extensions: ['.pdf'],
    matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  },
  { mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'], matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  {
    mime: 'image/png',
    extensions: ['.png'],
    matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
    // A zip whose entries include the Word document part (entry names are stored uncompressed).
    matches: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) && b.includes('word/'),
  },
];

export const ALLOWED_EXTENSIONS = FILE_TYPES.flatMap((t) => t.extensions);

/** The client's file name without any path, control characters or excess length. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (cleaned || 'tai-lieu').slice(-200);
}

/** The canonical MIME type of an allowed file, or 415 naming what is allowed. */
export function detectType(fileName: string, data: Buffer): string {
  const ext = path.extname(fileName).toLowerCase();
  const type = FILE_TYPES.find((t) => t.extensions.includes(ext) && t.matches(data));
  if (!type) {
    throw new AppError('unsupported_file_type', 415, {
      vi: `Chỉ nhận tệp ${ALLOWED_EXTENSIONS.join(', ')} có nội dung đúng định dạng`,
      en: `Only ${ALLOWED_EXTENSIONS.join(', ')} files whose content matches their type are accepted`,
    });
  }
  return type.mime;
}

export const sha256Of = (data: Buffer) => createHash('sha256').update(data).digest('hex');

const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');

/** Writes the bytes under a new random name and returns that name. */
export async function storeFile(dataDir: string, data: Buffer): Promise<string> {
  const dir = uploadsDir(dataDir);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const name = randomBytes(16).toString('hex');
  await fs.writeFile(path.join(dir, name), data, { mode: 0o600, flag: 'wx' });
  return name;
}

/** Removes a stored file after a failed save; a missing file is fine. */
export async function discardFile(dataDir: string, storedName: string): Promise<void> {
  await fs.rm(path.join(uploadsDir(dataDir), storedName), { force: true });
}

/** Reads a stored file; 404 when it is gone from the disk. */
export async function readStoredFile(dataDir: string, storedName: string): Promise<Buffer> {
  if (!/^[0-9a-f]{32}$/.test(storedName)) throw Errors.notFound({ vi: 'tệp', en: 'File' });
  try {
    return await fs.readFile(path.join(uploadsDir(dataDir), storedName));
  } catch {
    throw Errors.notFound({ vi: 'tệp trên máy chủ', en: 'Stored file' });
  }
}

/** Content-Disposition for a download with a Vietnamese file name (RFC 6266 / 5987). */
export function attachmentHeader(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
