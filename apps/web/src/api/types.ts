// Response shapes, taken from the server's own zod schemas (type-only imports: nothing of the
// server reaches the bundle) so that the web app breaks at type-check time when the API changes.
import type { z } from 'zod';
import type { meOut, userOut } from '../../../server/src/modules/identity/identity.schema.ts';
import type { PersonOut } from '../../../server/src/modules/people/people.presenter.ts';
import type { Role } from '../../../server/src/platform/policy.ts';

export type { Role };
export type Me = z.infer<typeof meOut>;
export type User = z.infer<typeof userOut>;
export type ScopeKind = User['scopeKind'];
export type Person = PersonOut;
export type PersonList = {
  items: Person[];
  total: number;
  /** A name search counts at most 1,000 matches: true when there are more. */
  totalCapped?: boolean;
  limit: number;
  offset: number;
};

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
