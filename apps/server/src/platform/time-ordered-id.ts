import { randomFillSync } from 'node:crypto';

// The audit log's rows are appended all day long (every read of a person is one), and its primary key is an
// index. A random UUID (version 4) puts each new row on a random page of that index, so a batch of 500 reads
// dirtied hundreds of pages; a time-ordered UUID (version 7, RFC 9562 §5.7: the Unix time in milliseconds first,
// then random bits) puts them side by side at the end. On the national SQLite data set a 500-row batch of
// searches' entries cost 10–14 ms of CPU with random ids and 4.4–6.9 ms with these (bench/README.md, "Fifth
// day"). The ids stay unique, random beyond the millisecond, and valid UUIDs.

const POOL = 4096;
const pool = Buffer.alloc(POOL);
let used = POOL;

/** Ten random bytes from a pool refilled 4 KB at a time (one system call per ~400 ids, not one per id). */
function randomTen(): Buffer {
  if (used + 10 > POOL) {
    randomFillSync(pool);
    used = 0;
  }
  used += 10;
  return pool.subarray(used - 10, used);
}

/** A UUID version 7 for `ms` (default now): ids of a later millisecond sort after earlier ones, as text too. */
export function timeOrderedId(ms = Date.now()): string {
  const b = Buffer.allocUnsafe(16);
  // 48 bits of milliseconds, big-endian (Math.floor keeps it exact: 2^48 ms is the year 10889)
  let t = Math.floor(ms);
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  b.set(randomTen(), 6);
  b[6] = (b[6]! & 0x0f) | 0x70; // version 7
  b[8] = (b[8]! & 0x3f) | 0x80; // variant 10 (RFC 9562)
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
