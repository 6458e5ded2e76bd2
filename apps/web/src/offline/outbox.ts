import { useSyncExternalStore } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { Me } from '../api/types.ts';
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

export type NewEntry = Omit<OutboxEntry, 'id' | 'createdAt' | 'state' | 'problem'> & { id?: string };

export async function addToOutbox(e: NewEntry): Promise<OutboxEntry> {
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

/** The headers that tell the server which version of the person the entry was based on (platform/based-on.ts). */
function versionHeaders(e: Pick<OutboxEntry, 'basedOn' | 'appliedOver'>): Record<string, string> {
  if (!e.basedOn) return {};
  const h: Record<string, string> = { 'Based-On': `person:${e.basedOn.id}:${e.basedOn.version}` };
  if (e.appliedOver !== undefined && e.appliedOver !== null) h['Applied-Over'] = String(e.appliedOver);
  return h;
}

const currentVersionOf = (err: ApiError): number | null => {
  const current = err.body.current as { version?: unknown } | undefined;
  return typeof current?.version === 'number' ? current.version : null;
};

/** Sends one entry; true when the server has it (now or from an earlier attempt). */
async function sendOne(e: OutboxEntry): Promise<'sent' | 'offline' | 'later' | 'conflict'> {
  try {
    // Raw by design: the outbox replays any kept write by its method and path, with its idempotency key.
    await api.send(e.method, e.path, e.body, e.id, versionHeaders(e));
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
        currentVersion: err.code === 'stale_version' ? currentVersionOf(err) : null,
      },
    });
    return 'conflict';
  }
}

/**
 * Whether this user's entries may wait on the device: the field roles of a commune that never read the health
 * class (the server's rule for offline copies, policy.ts `mayKeepOnDevice`). Others send online only.
 */
export const mayKeepOnDevice = (me: Me) =>
  me.user.scopeKind === 'commune' && !me.abilities.readableClasses.includes('health');

/** What `sendOrKeep` answers when the write was kept on the device instead of sent. */
export const KEPT = Object.freeze({ keptOnDevice: true as const });
export const wasKept = (r: unknown): r is typeof KEPT => r === KEPT;

/**
 * A write that works offline (record a drug test, a management contact): sent now with its idempotency key and
 * the version it is based on when there is a connection; kept in the outbox when there is none, or when the
 * connection drops while sending (the same key then: a write that did reach the server is not applied twice).
 * Answers the server's answer, or KEPT. A refusal by the server is thrown as usual (shown in the form).
 */
export async function sendOrKeep<T>(entry: NewEntry, keep = true): Promise<T | typeof KEPT> {
  const e = { ...entry, id: entry.id ?? crypto.randomUUID() };
  // `keep` false (not a field role): sent online only, a missing connection is an error shown in the form.
  if (navigator.onLine || !keep) {
    try {
      // Raw by design, as in sendOne: the entry names its method and path, and carries its idempotency key.
      return await api.send<T>(e.method, e.path, e.body, e.id, versionHeaders(e));
    } catch (err) {
      if (!keep || !isNetworkFailure(err)) throw err;
    }
  }
  await addToOutbox(e);
  return KEPT;
}

let flushing: Promise<number> | null = null;
// An entry the server asked to send again later (its first attempt still finishing, a 5xx, 429) is retried on
// its own, sooner first: it converges without waiting for the next `online` event (the server answers a key
// whose first answer was lost after a grace, platform/idempotency.ts).
const RETRY_MS = [5_000, 15_000, 30_000, 60_000];
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retries = 0;

/** Sends every waiting entry of this user, oldest first; returns how many reached the server. */
export function flushOutbox(userId: string): Promise<number> {
  flushing ??= (async () => {
    let sent = 0;
    let later = false;
    try {
      for (const e of await outboxStore.all()) {
        if (e.state !== 'waiting' || e.userId !== userId) continue;
        const r = await sendOne(e);
        if (r === 'sent') sent++;
        if (r === 'later') later = true;
        if (r === 'offline') break;
      }
    } finally {
      await reloadOutbox();
      flushing = null;
    }
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (later && navigator.onLine) {
      retryTimer = setTimeout(
        () => void flushOutbox(userId),
        RETRY_MS[Math.min(retries, RETRY_MS.length - 1)],
      );
      retries++;
    } else retries = 0;
    return sent;
  })();
  return flushing;
}

/** True when the user may apply a refused entry anyway: the person only changed meanwhile (stale version). */
export const canApplyAnyway = (e: OutboxEntry) =>
  e.state === 'conflict' &&
  e.problem?.code === 'stale_version' &&
  !!e.basedOn &&
  typeof e.problem.currentVersion === 'number';

/**
 * The user's decision "apply anyway" on a stale entry: the same entry (same key), based on the person's current
 * version, sent with the version it was first based on so that the server audits it as applied over a conflict.
 */
export async function applyAnyway(e: OutboxEntry): Promise<void> {
  if (!canApplyAnyway(e) || !e.basedOn) return;
  await outboxStore.put({
    ...e,
    basedOn: { ...e.basedOn, version: e.problem!.currentVersion! },
    appliedOver: e.appliedOver ?? e.basedOn.version,
    state: 'waiting',
    problem: null,
  });
  await reloadOutbox();
}

/** The user's decision on a conflict: send it again as it is or edited (a new attempt), or discard it. */
export async function retryEntry(e: OutboxEntry, body: Record<string, unknown> = e.body): Promise<void> {
  // An edited entry is a different request: it gets a new key so the server does not refuse it as reused.
  const changed = JSON.stringify(body) !== JSON.stringify(e.body);
  // Edited after reading the record as it is now: the new entry is based on the person's current version.
  const current = e.problem?.currentVersion;
  const basedOn =
    changed && e.basedOn && typeof current === 'number' ? { ...e.basedOn, version: current } : e.basedOn;
  await outboxStore.remove(e.id);
  await outboxStore.put({
    ...e,
    id: changed ? crypto.randomUUID() : e.id,
    body,
    basedOn,
    appliedOver: changed ? null : e.appliedOver,
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
