import { HttpException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart'; // its types add parts() and isMultipart() to FastifyRequest
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Problem } from '../problem';
import { inputProblems } from '../validation';
import type { RosterProblem, RosterSource } from './roster-reader';

/** An uploaded roster, streamed to a temporary file: whoever ends up owning it removes it (`discardRoster`). */
export interface UploadedRoster {
  path: string;
  fileName: string;
}

export const openUploadedRoster = (file: UploadedRoster): RosterSource => () => createReadStream(file.path);

export const discardRoster = (file: UploadedRoster | undefined): Promise<void> => (file ? rm(file.path, { force: true }).catch(() => undefined) : Promise.resolve());

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** 413 `roster-too-large`, naming the limit. */
export function rosterTooLarge(maxBytes: number, field = 'file'): Problem {
  const mb = megabytes(maxBytes);
  return new Problem(413, 'roster-too-large', '文件过大 / File too large', `名单不能超过 ${mb} / A roster may be at most ${mb}`, [{ field, message: `文件超过 ${mb} / larger than ${mb}` }]);
}

/**
 * The HTTP answer to a refused roster file, the same in every service: 415 for a file that is not
 * CSV or XLSX, 413 too large, and a 400 naming the problem otherwise (`wrong-roster-header`,
 * `empty-roster`, `roster-mixed-encoding`, `roster-malformed`), the detail on `field`.
 */
export function rosterProblem(problem: RosterProblem, field = 'file', maxBytes?: number): Problem {
  const errors = [{ field, message: problem.detail }];
  switch (problem.kind) {
    case 'unsupported-type':
      return new Problem(415, 'unsupported-roster-type', '不支持的文件类型 / Unsupported file type', problem.detail, errors);
    case 'too-large':
      return maxBytes !== undefined ? rosterTooLarge(maxBytes, field) : new Problem(413, 'roster-too-large', '文件过大 / File too large', problem.detail, errors);
    case 'wrong-header':
      return new Problem(400, 'wrong-roster-header', '名单表头有误 / The roster header is wrong', problem.detail, errors);
    case 'empty':
      return new Problem(400, 'empty-roster', '名单文件无法使用 / The roster is not usable', problem.detail, errors);
    default:
      return new Problem(400, `roster-${problem.kind}`, '名单文件无法使用 / The roster is not usable', problem.detail, errors);
  }
}

/**
 * The multipart form of a roster upload: its text fields (as sent, unchecked) and the `file`,
 * streamed to a temporary file as it arrives (never held in memory whole). A file over `maxBytes`
 * is a 413, an unreadable body or a file name that cannot be stored a 400; nothing is left behind
 * on a refusal. The caller checks the fields and that a file came, and owns the file after that.
 */
export async function receiveRosterUpload(request: FastifyRequest, maxBytes: number): Promise<{ fields: Record<string, string>; file: UploadedRoster | undefined }> {
  if (!request.isMultipart()) throw Problem.badRequest('须为 multipart/form-data / Expected multipart/form-data', [{ field: 'file', message: '缺少文件 / file is missing' }]);
  const fields: Record<string, string> = {};
  let file: UploadedRoster | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 5 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          continue;
        }
        // The file name is kept with the job (Postgres text): a NUL or a broken surrogate in it is the sender's error, refused before anything is written.
        const nameProblems = inputProblems(part.filename ?? '', 'file');
        if (nameProblems.length > 0) {
          part.file.resume();
          throw Problem.badRequest('文件名无效 / The file name is not valid', nameProblems);
        }
        file = { path: join(tmpdir(), `gonghui-roster-${randomUUID()}`), fileName: part.filename || 'roster' };
        await pipeline(part.file, createWriteStream(file.path));
        if (part.file.truncated) throw rosterTooLarge(maxBytes);
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    await discardRoster(file);
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || (error as { statusCode?: number }).statusCode === 413) throw rosterTooLarge(maxBytes);
    // A body the multipart parser could not read (cut short, malformed part headers) is the sender's, not ours.
    if (!(error instanceof HttpException) && typeof (error as { statusCode?: unknown }).statusCode !== 'number') {
      throw Problem.badRequest('multipart 请求体无法读取 / The multipart body could not be read', [{ field: 'file', message: (error as Error).message }]);
    }
    throw error;
  }
  return { fields, file };
}
