// The device's outbox (issue 15): writes made without a connection, kept in IndexedDB so that they survive a
// reload and the browser being closed, until the server has them or the user decides otherwise. Each entry's id
// is its idempotency key: sending it again never writes twice.

export type OutboxEntry = {
  id: string;
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
  /** What the user sees: e.g. "Liên hệ với Trần Văn An, 05/12/2026". */
  label: string;
  /** Whose entry: only that user's entries are sent. */
  userId: string;
  /** Where the person the entry is about can be read again (shown beside a conflict). */
  subjectPath: string | null;
  createdAt: string;
  /**
   * The version of the person the user saw when making the entry (sent as `Based-On`): the server refuses the
   * entry when the person changed meanwhile (409 stale_version → the conflict inbox). Absent: not checked.
   */
  basedOn?: { kind: 'person'; id: string; version: number } | null;
  /** Set when the user chose "apply anyway": the version the entry was first based on (sent as `Applied-Over`). */
  appliedOver?: number | null;
  state: 'waiting' | 'conflict';
  /** The server's refusal (problem+json) when state is 'conflict'. */
  problem: {
    status: number;
    code: string;
    detail: string;
    errors: { field: string; message: string }[];
    /** For a stale version: the person's version on the server now (what "apply anyway" is based on). */
    currentVersion?: number | null;
  } | null;
};

const DB_NAME = 'hoanhap-offline';
const STORE = 'outbox';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE))
        req.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const outboxStore = {
  all: async (): Promise<OutboxEntry[]> =>
    ((await withStore('readonly', (s) => s.getAll())) as OutboxEntry[]).sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    ),
  put: (e: OutboxEntry) => withStore('readwrite', (s) => s.put(e)).then(() => undefined),
  remove: (id: string) => withStore('readwrite', (s) => s.delete(id)).then(() => undefined),
  /** Everything the app kept on the device: the outbox database and the offline copies of pages and data. */
  async clearDevice(): Promise<void> {
    await new Promise<void>((resolve) => {
      const req = indexedDB.deleteDatabase(DB_NAME);
      req.onsuccess = req.onerror = req.onblocked = () => resolve();
    });
    if ('caches' in window) for (const k of await caches.keys()) await caches.delete(k);
  },
};
