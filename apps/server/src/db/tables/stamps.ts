// The columns of a row edited with optimistic concurrency (migrations/columns.ts `editStamps` creates them).
export type EditStamps = {
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
};
