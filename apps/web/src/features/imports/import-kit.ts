import { ApiError } from '../../api/client.ts';
import type { RowResult } from './imports-api.ts';
import './imports-i18n.ts';

// What the steps of the import page share: row results and their colours, limits, the server's errors.

export const RESULTS: RowResult[] = ['new', 'existing', 'possible_duplicate', 'duplicate_in_file', 'error'];

export const RESULT_COLOR: Record<RowResult, string> = {
  new: 'teal.9',
  existing: 'blue.9',
  possible_duplicate: 'pink.9',
  duplicate_in_file: 'grape.9',
  error: 'red.9',
};

export const SHOWN_ROWS = 200;

export const UNDO_DAYS = 7;

export const fieldError = (e: unknown, name: string) =>
  e instanceof ApiError ? e.errors.find((x) => x.field === name)?.message : undefined;

/** The server's message when it names no field of the form (those are shown next to their field). */
export const problem = (e: unknown, fields: string[]) =>
  e instanceof ApiError
    ? e.errors.some((x) => fields.includes(x.field))
      ? null
      : e.detail
    : e
      ? String((e as Error).message ?? e)
      : null;
