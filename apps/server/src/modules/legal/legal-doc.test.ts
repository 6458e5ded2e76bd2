import { readFileSync } from 'node:fs';
import { INSTRUMENTS } from '@hoanhap/domain/legal-basis';
import { REGIMES, RULE_SHAPES } from '@hoanhap/domain/legal-regimes';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, LEGAL_MD, renderRulesTable, withCurrentTable } from './legal-doc.ts';

// docs/LEGAL.md must say what the product applies: its rules table is the regime data, rendered.

describe('docs/LEGAL.md', () => {
  const file = readFileSync(LEGAL_MD, 'utf8');

  it('is current with legal-regimes.ts (else run: npx tsx apps/server/src/modules/legal/legal-doc.ts)', () => {
    expect(file).toContain(BEGIN);
    expect(file).toContain(END);
    expect(withCurrentTable(file) === file, 'docs/LEGAL.md is out of date with the rule data').toBe(true);
  });

  it('has one row per rule key and one column per regime, and keeps a Sources section', () => {
    const table = renderRulesTable();
    for (const key of Object.keys(RULE_SHAPES)) expect(table).toContain(`\`${key}\``);
    for (const r of REGIMES) expect(table).toContain(`(\`${r.id}\`)`);
    const rows = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Quy định'));
    expect(rows).toHaveLength(Object.keys(RULE_SHAPES).length);
    for (const row of rows) expect(row.split(' | ').length).toBeGreaterThanOrEqual(REGIMES.length + 2);
    expect(file).toMatch(/\n## Sources\n/);
  });

  it('shows no Law 73 citation in the Law 120 column', () => {
    const rows = renderRulesTable()
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Quy định') && !l.startsWith('|---'));
    const law120Column = REGIMES.findIndex((r) => r.id === 'law120-2026') + 1;
    for (const row of rows) {
      const cells = row.split(/(?<!\\)\|/).map((c) => c.trim());
      expect(cells[law120Column + 1], row.slice(0, 80)).not.toContain(INSTRUMENTS.law73.vi);
    }
  });

  it('fails when the data changes and the file does not (the check can fail)', () => {
    const stale = file.replace('**24 giờ**', '**48 giờ**');
    expect(stale).not.toBe(file);
    expect(withCurrentTable(stale)).toBe(file);
  });
});
