// The one policy layer (imported as platform/policy.ts): role × action (roles.ts), role × field class
// (field-classes.ts), the rows a scope reaches (scope.ts; as SQL, scope-sql.ts) and the checks against the
// actor's own unit (own-unit.ts). Deny by default; modules never compare an actor's role or scope themselves.
export * from './actions.ts';
export * from './field-classes.ts';
export * from './own-unit.ts';
export * from './roles.ts';
export * from './scope.ts';
export * from './scope-sql.ts';
