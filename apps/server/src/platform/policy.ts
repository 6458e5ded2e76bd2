// The policy layer lives in platform/policy/ (small files, as data where it can be); this path stays the one
// modules import.
export * from './policy/index.ts';
