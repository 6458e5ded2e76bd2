import { useSyncExternalStore } from 'react';
import { ApiError, api } from '../api/client.ts';
import { type OutboxEntry, outboxStore } from './outbox-store.ts';

// The outbox's life: an entry is added when a write cannot reach the server, shown as "chờ gửi" with a count in
// the header, and sent when the connection returns (the `online` event, the app starting, or "Gửi ngay"). An
// entry the server refuses for a reason other than the connection (the person changed or moved out of the
// user's scope, a rule refuses it) becomes a conflict: it stays, beside the server's message, until the user
// sends it again, edits it or discards it. Nothing is dropped without the user's decision.

let entries: OutboxEntry[] = [];
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};

export async function reloadOutbox(): Promise<OutboxEntry[]> {
  try {
    entries = await outboxStore.all();
  } catch {
    entries = [];
  }
  emit();
  return entries;
}

export function useOutbox(): OutboxEntry[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => entries,
  );
}

export const isNetworkFailure = (e: unknown) => e instanceof ApiError && e.status === 0;

export async function addToOutbox(
  e: Omit<OutboxEntry, 'id' | 'createdAt' | 'state' | 'problem'> & { id?: string },
): Promise<OutboxEntry> {
  const entry: OutboxEntry = {
    ...e,
    id: e.id ?? crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    state: 'waiting',
    problem: null,
  };
  await outboxStore.put(entry);
  await reloadOutbox();
  return entry;
}

/** Sends one entry; true when the server has it (now or from an earlier attempt). */
async function sendOne(e: OutboxEntry): Promise<'sent' | 'offline' | 'later' | 'conflict'> {
  try {
    await api.send(e.method, e.path, e.body, e.id);
    await outboxStore.remove(e.id);
    return 'sent';
  } catch (err) {
    if (isNetworkFailure(err)) return 'offline';
    if (!(err instanceof ApiError)) return 'later';
    // The first attempt is still being applied (or its answer was lost): the write is there; ask again later.
    if (err.code === 'idempotency_in_progress' || err.status >= 500 || err.status === 429) return 'later';
    // Signed out meanwhile: keep the entry for when the user signs in again.
    if (err.status === 401) return 'offline';
    await outboxStore.put({
      ...e,
      state: 'conflict',
      problem: {
        status: err.status,
        code: err.code,
        detail: err.detail,
        errors: err.errors.map((f) => ({ field: f.field, message: f.message })),
      },
    });
    return 'conflict';
  }
}

let flushing: Promise<number> | null = null;

/** Sends every waiting entry of this user, oldest first; returns how many reached the server. */
export function flushOutbox(userId: string): Promise<number> {
  flushing ??= (async () => {
    let sent = 0;
    try {
      for (const e of await outboxStore.all()) {
        if (e.state !== 'waiting' || e.userId !== userId) continue;
        const r = await sendOne(e);
        if (r === 'sent') sent++;
        if (r === 'offline') break;
      }
    } finally {
      await reloadOutbox();
      flushing = null;
    }
    return sent;
  })();
  return flushing;
}

/** The user's decision on a conflict: send it again as it is or edited (a new attempt), or discard it. */
export async function retryEntry(e: OutboxEntry, body: Record<string, unknown> = e.body): Promise<void> {
  // An edited entry is a different request: it gets a new key so the server does not refuse it as reused.
  const changed = JSON.stringify(body) !== JSON.stringify(e.body);
  await outboxStore.remove(e.id);
  await outboxStore.put({
    ...e,
    id: changed ? crypto.randomUUID() : e.id,
    body,
    state: 'waiting',
    problem: null,
  });
  await reloadOutbox();
}

export async function discardEntry(id: string): Promise<void> {
  await outboxStore.remove(id);
  await reloadOutbox();
}

/**
 * The offline copies of a user's data (not the app's own files, not the outbox: the user's unsent entries wait
 * for them). Called when a session ends and when someone signs in, so nobody reads another's copies offline.
 */
export async function clearOfflineCopies(): Promise<void> {
  if (!('caches' in window)) return;
  for (const k of await caches.keys()) if (k.startsWith('hn-data')) await caches.delete(k);
}

export async function clearDeviceData(): Promise<void> {
  await outboxStore.clearDevice();
  entries = [];
  emit();
}
