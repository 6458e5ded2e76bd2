import { ROLE_SCOPES as DOMAIN_ROLE_SCOPES } from '@hoanhap/domain/role-scopes';
import type { Role, ScopeKind } from '../../api/types.ts';

// The scope kinds each role takes (the domain's list; the server's policy layer checks again).
export const ROLE_SCOPES: Readonly<Record<Role, readonly ScopeKind[]>> = DOMAIN_ROLE_SCOPES;

export const ROLES = Object.keys(ROLE_SCOPES) as Role[];
