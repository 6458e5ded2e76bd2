// The columns of a row edited with optimistic concurrency (migrations/columns.ts `editStamps` creates them).
export type EditStamps = {
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
};

/** The stamps of a row someone creates: its first version, created and last updated by them at `at`. */
export function createdStamps(actor: { userId: string }, at: string) {
  return { version: 1, created_at: at, created_by: actor.userId, updated_at: at, updated_by: actor.userId };
}

/** Who changed a row and when; the repository's versioned update raises `version` itself. */
export function updatedStamps(actor: { userId: string }, at: Date | string) {
  return { updated_at: typeof at === 'string' ? at : at.toISOString(), updated_by: actor.userId };
}
