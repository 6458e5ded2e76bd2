// Response shapes, from the API contract's generated types (api/schema.gen.ts), so that the web app breaks at
// type-check time when the API changes.
import type { ResponseOf, Schemas } from './schema.ts';

export type Me = Schemas['Me'];
export type User = Schemas['User'];
export type Role = User['role'];
export type ScopeKind = User['scopeKind'];
export type Person = Schemas['Person'];
export type PersonList = ResponseOf<'searchPeople'>;

/** Duplicate candidate as listed in a 409 possible_duplicate answer. */
export type DuplicateCandidate = {
  id: string;
  fullName: string;
  birthYear: number;
  communeName: string | null;
};
