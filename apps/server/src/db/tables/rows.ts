import type { Selectable } from 'kysely';
import type { DB } from '../schema.ts';

/** A row of a table as a query returns it: `Row<'community_clubs'>`. */
export type Row<T extends keyof DB> = Selectable<DB[T]>;
