import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** One uploaded file: its name as the browser sent it, and its bytes. */
export type UploadedFile = { filename: string; data: Buffer };

/**
 * Enables multipart uploads in this plugin's scope only — one file (form field "file") of at most `maxBytes`,
 * no other field — and returns the reader of that file, which answers 415, 400 or 413 in both languages.
 */
export async function acceptUploads(root: FastifyInstance, maxBytes: number) {
  await root.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1, fieldSize: 1024 },
  });
  return (req: FastifyRequest) => readUpload(req, maxBytes);
}

async function readUpload(req: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!req.isMultipart()) {
    throw new AppError('unsupported_media_type', 415, {
      vi: 'Cần gửi tệp dạng multipart/form-data (trường "file")',
      en: 'Send the file as multipart/form-data (field "file")',
    });
  }
  let part: Awaited<ReturnType<typeof req.file>>;
  try {
    part = await req.file();
  } catch (e) {
    throw uploadError(e, maxBytes);
  }
  if (!part) {
    throw new AppError('file_required', 400, { vi: 'Thiếu tệp tải lên', en: 'No file was uploaded' }, [
      { field: 'file', rule: 'required', messages: { vi: 'Thiếu tệp', en: 'File missing' } },
    ]);
  }
  try {
    return { filename: part.filename, data: await part.toBuffer() };
  } catch (e) {
    throw uploadError(e, maxBytes);
  }
}

function uploadError(e: unknown, maxBytes: number): unknown {
  const code = (e as { code?: string })?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return new AppError('file_too_large', 413, {
      vi: `Tệp quá lớn (tối đa ${maxBytes / 1024 / 1024} MB)`,
      en: `File too large (at most ${maxBytes / 1024 / 1024} MB)`,
    });
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError('too_many_parts', 413, {
      vi: 'Chỉ gửi một tệp, không kèm trường khác',
      en: 'Send exactly one file and no other fields',
    });
  return e;
}
