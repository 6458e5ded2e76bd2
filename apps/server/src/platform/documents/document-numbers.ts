import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { incrementSeries, lastInSeries } from './document-numbers.repo.ts';
import { formatDocumentNumber } from './official-document.ts';

// Numbers of issued documents. Decree 30/2020/NĐ-CP: each issuing unit numbers its documents from 01 on
// 1 January to 31 December; the unit registers them jointly or per kind. By default each kind symbol is its
// own series ('12/QĐ-UBND', '05/QĐ-CAX'); a unit with one joint register passes the same `series` for all.

export interface DocumentNumberRequest {
  /** The issuing unit, e.g. the commune code '00004' or a facility id. */
  unitCode: string;
  year: number;
  /** Kind symbol after the slash: 'QĐ-UBND', 'GCN-UBND', 'QĐ-CAX'. */
  symbol: string;
  /** Numbering series; defaults to the symbol. */
  series?: string;
}

export interface DocumentNumber {
  sequence: number;
  symbol: string;
  /** '12/QĐ-UBND' — what goes after "Số: ". */
  text: string;
}

/**
 * Allocates the next number for a unit, year and series inside the caller's transaction (pass the
 * transaction, so that the number is given back if the document is not saved). Safe under concurrency on
 * SQLite and PostgreSQL.
 */
export async function nextDocumentNumber(
  trx: Kysely<DB>,
  req: DocumentNumberRequest,
  now: Date = new Date(),
): Promise<DocumentNumber> {
  const { key, symbol } = normalize(req);
  const sequence = await incrementSeries(trx, key, now.toISOString());
  return { sequence, symbol, text: formatDocumentNumber(sequence, symbol) };
}

/** The last number allocated in a series (0 when none), for display; never use it to number a document. */
export async function lastDocumentNumber(db: Kysely<DB>, req: DocumentNumberRequest): Promise<number> {
  return lastInSeries(db, normalize(req).key);
}

function normalize(req: DocumentNumberRequest) {
  // Vietnamese symbols arrive in NFC or NFD depending on the keyboard; both must land in one series.
  const symbol = req.symbol.normalize('NFC').trim();
  const series = (req.series ?? symbol).normalize('NFC').trim();
  const unitCode = req.unitCode.trim();
  if (!unitCode) throw new TypeError('unitCode is required');
  if (!symbol || symbol.includes('/')) throw new TypeError(`invalid document symbol '${req.symbol}'`);
  if (!Number.isInteger(req.year) || req.year < 1900 || req.year > 9999)
    throw new RangeError(`invalid year ${req.year}`);
  return { key: { unitCode, year: req.year, series }, symbol };
}
