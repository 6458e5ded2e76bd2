import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every role and scope check goes through the policy layer (platform/policy/): a module that compares an
// actor's role or scope kind itself is a check the route × role walk and the policy tables cannot see.

const SRC = join(import.meta.dirname, '..');
const POLICY = join(SRC, 'platform', 'policy');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path === POLICY ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

// actor.role === 'x', actor.role !== y, switch (actor.role), the same for scopeKind (also `a.actor.role`).
const CHECK =
  /\bactor\??\.(role|scopeKind)\s*(===|!==|==|!=)|(===|!==|==|!=)\s*actor\??\.(role|scopeKind)\b|switch\s*\(\s*actor\??\.(role|scopeKind)\s*\)/;

function roleChecksOutsidePolicy(files = sourceFiles(SRC)): string[] {
  const found: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (CHECK.test(line)) found.push(`${relative(SRC, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe('one policy layer', () => {
  it('no module outside platform/policy compares an actor’s role or scope kind', () => {
    expect(roleChecksOutsidePolicy()).toEqual([]);
  });

  it('the scan recognises such a comparison', () => {
    expect(CHECK.test("if (actor.role === 'volunteer') return;")).toBe(true);
    expect(CHECK.test("if ('nation' !== actor.scopeKind) throw x;")).toBe(true);
    expect(CHECK.test('switch (actor.scopeKind) {')).toBe(true);
    expect(CHECK.test('if (isVolunteer(actor)) return;')).toBe(false);
  });
});
