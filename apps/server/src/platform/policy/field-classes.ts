import type { SensitivityClass } from '@hoanhap/domain/person-schema';
import { Errors } from '../errors.ts';
import type { Actor, Role } from './actions.ts';
import { can, grantedActions } from './roles.ts';

// Role × field class: which sensitivity classes of a person's record each role may read.

// Sensitivity classes each role may read. Health/HIV only for medical staff; volunteers get
// contact details of their own people and nothing else.
const READABLE_CLASSES: Record<Role, SensitivityClass[]> = {
  system_admin: [],
  national_officer: ['contact', 'identity', 'drug_use', 'legal'],
  province_officer: ['contact', 'identity', 'drug_use', 'legal'],
  commune_officer: ['contact', 'identity', 'drug_use', 'legal'],
  commune_police: ['contact', 'identity', 'drug_use', 'legal'],
  facility_staff: ['contact', 'identity', 'drug_use', 'legal'],
  facility_medical: ['contact', 'identity', 'drug_use', 'health', 'legal'],
  volunteer: ['contact'],
  auditor: [],
};

/**
 * Classes the actor may read. For a national or province officer (need-to-know, below) identity and contact
 * fields only with `brokenGlass`: a stated reason for that one person (platform/break-glass.ts).
 */
export function readableClasses(actor: Actor, opts: { brokenGlass?: boolean } = {}): Set<SensitivityClass> {
  const classes = READABLE_CLASSES[actor.role] ?? [];
  if (identityNeedsReason(actor) && !opts.brokenGlass)
    return new Set(classes.filter((c) => !NEED_TO_KNOW_CLASSES.includes(c)));
  return new Set(classes);
}

// Need-to-know (issue 16, "break the glass"): national and province officers see counts and drill-downs, but
// manage no commune; a person's identity (CCCD, birth date, family contacts, permanent address) and contact
// (phone, address detail) are read only with a stated reason, audited, for BREAK_GLASS_MINUTES, that person only.
export const NEED_TO_KNOW_CLASSES: SensitivityClass[] = ['identity', 'contact'];

/** True when reading a person's identity fields needs a stated reason (the actor manages no commune). */
export function identityNeedsReason(actor: Actor): boolean {
  return (
    (actor.role === 'national_officer' || actor.role === 'province_officer') &&
    (actor.scopeKind === 'nation' || actor.scopeKind === 'province')
  );
}

/** Throws 403 unless the actor is one who opens identity with a reason (others read it, or never may). */
export function authorizeBreakGlass(actor: Actor): void {
  if (!can(actor, 'people.read') || !identityNeedsReason(actor)) throw Errors.forbidden();
}

/** 403 unless the role may read the sensitivity class. */
export function requireClass(actor: Actor, cls: SensitivityClass): void {
  if (!readableClasses(actor).has(cls)) throw Errors.forbidden();
}

/** Whether the actor may read health records (class health, and the medical action). */
export function readsHealth(actor: Actor): boolean {
  return can(actor, 'facility.health') && readableClasses(actor).has('health');
}

/** The abilities the web app uses to show or hide actions; the server checks again. */
export function abilitiesOf(actor: Actor) {
  return {
    actions: grantedActions(actor),
    readableClasses: [...readableClasses(actor)],
  };
}

/**
 * Offline copies (issue 15): whether a phone may keep this user's read answers (their work list, the people
 * they opened) for reading without a connection. Only the field roles of a commune, and never a role that reads
 * the health class; the answers themselves are already cut to the role's scope and classes.
 */
export function mayKeepOnDevice(actor: Actor): boolean {
  return actor.scopeKind === 'commune' && !readableClasses(actor).has('health');
}
