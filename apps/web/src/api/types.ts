// Response shapes, from the API contract's generated types (api/schema.gen.ts), so that the web app breaks at
// type-check time when the API changes.
import type { ResponseOf, Schemas } from './schema.ts';

export type Me = Schemas['Me'];
export type User = Schemas['User'];
export type Role = User['role'];
export type ScopeKind = User['scopeKind'];
export type Person = Schemas['Person'];
export type PersonList = ResponseOf<'searchPeople'>;

export type Unit = { code: string; name: string; type: string; level: string; provinceCode: string | null };

export type AuditEntry = {
  id: string;
  at: string;
  userId: string | null;
  username: string | null;
  role: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  reason: string | null;
  details: unknown;
};

/** Duplicate candidate as listed in a 409 possible_duplicate answer. */
export type DuplicateCandidate = {
  id: string;
  fullName: string;
  birthYear: number;
  communeName: string | null;
};
