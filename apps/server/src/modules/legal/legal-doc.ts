// docs/LEGAL.md's table of every rule, generated from the regime data (legal-regimes.ts) so the document cannot
// drift from what the product applies: legal-doc.test.ts fails when the file differs from renderRulesTable(),
// and `npx tsx apps/server/src/modules/legal/legal-doc.ts` rewrites the generated part (the rest of the file,
// e.g. the Sources section other engineers append to, is kept as written).

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatBasis } from '@hoanhap/domain/legal-basis';
import { REGIMES, RULE_SHAPES, type Rule, type RuleKey, type RuleValue } from '@hoanhap/domain/legal-regimes';
import { ROLE_NAMES, RULE_LABELS, UNIT_LABELS } from './legal.presenter.ts';

export const BEGIN =
  '<!-- BEGIN GENERATED: rules table (npx tsx apps/server/src/modules/legal/legal-doc.ts) -->';
export const END = '<!-- END GENERATED: rules table -->';

/** Public sources read for a rule (found with the search tool, 12/2026); the article is still "verify" unless noted. */
export const RULE_SOURCES: Partial<Record<RuleKey, readonly string[]>> = {
  userManagementMonths: [
    'https://vnexpress.net/nguoi-nghien-phai-khai-bao-thong-tin-chat-ma-tuy-da-su-dung-4992037.html',
  ],
  userManagementDecisionHours: [
    'https://vnexpress.net/nguoi-nghien-phai-khai-bao-thong-tin-chat-ma-tuy-da-su-dung-4992037.html',
  ],
  rehabFixedTermMonths: [
    'https://tienphong.vn/nghien-cuu-mo-rong-viec-cai-nghien-bat-buoc-doi-voi-nguoi-tu-du-12-tuoi-den-duoi-18-tuoi-post1795220.tpo',
  ],
  voluntaryCommunityMonths: [
    'https://tienphong.vn/nghien-cuu-mo-rong-viec-cai-nghien-bat-buoc-doi-voi-nguoi-tu-du-12-tuoi-den-duoi-18-tuoi-post1795220.tpo',
  ],
  voluntaryFacilityMonths: [
    'https://tienphong.vn/nghien-cuu-mo-rong-viec-cai-nghien-bat-buoc-doi-voi-nguoi-tu-du-12-tuoi-den-duoi-18-tuoi-post1795220.tpo',
  ],
  compulsoryFixedTermMonths: [
    'https://tienphong.vn/nghien-cuu-mo-rong-viec-cai-nghien-bat-buoc-doi-voi-nguoi-tu-du-12-tuoi-den-duoi-18-tuoi-post1795220.tpo',
  ],
  compulsoryJuvenileMonths: [
    'https://tienphong.vn/nghien-cuu-mo-rong-viec-cai-nghien-bat-buoc-doi-voi-nguoi-tu-du-12-tuoi-den-duoi-18-tuoi-post1795220.tpo',
    'https://phongchongmatuy.vn/luat-phong-chong-ma-tuy-sua-doi-2025-nhung-diem-moi-nguoi-dan-can-biet-tin2215',
  ],
  juvenileCompulsoryFacilityKinds: [
    'https://phongchongmatuy.vn/luat-phong-chong-ma-tuy-sua-doi-2025-nhung-diem-moi-nguoi-dan-can-biet-tin2215',
  ],
  moveHandoverHours: [
    'https://vnexpress.net/nguoi-nghien-phai-khai-bao-thong-tin-chat-ma-tuy-da-su-dung-4992037.html',
  ],
  electronicMonitoring: [
    'https://plo.vn/ap-dung-giam-sat-dien-tu-voi-nguoi-nghien-ma-tuy-tu-1-7-2026-post889821.html',
    'https://vnexpress.net/nguoi-nghien-phai-khai-bao-thong-tin-chat-ma-tuy-da-su-dung-4992037.html',
  ],
  substanceDeclarationRequired: [
    'https://vnexpress.net/nguoi-nghien-phai-khai-bao-thong-tin-chat-ma-tuy-da-su-dung-4992037.html',
  ],
  criminal256aWindowYears: [
    'https://plo.vn/tand-toi-cao-ban-hanh-cam-nang-cac-quy-dinh-moi-ve-hinh-su-to-tung-hinh-su-post874757.html',
    'https://nld.com.vn/lan-ranh-nao-khien-nguoi-nghien-ma-tuy-tro-thanh-toi-pham-196251020133815513.htm',
  ],
  communityProviderRegistrar: [
    'https://www.vietnamplus.vn/phan-dinh-ro-trach-nhiem-cua-cac-bo-trong-cong-tac-cai-nghien-ma-tuy-post1048404.vnp',
  ],
  privateFacilityLicenser: [
    'https://congan.phutho.gov.vn/article/thu-tuc-hanh-chinh/Cap-lai-giay-phep-hoat-dong-cai-nghien-ma-tuy-tu-2430-53',
  ],
};

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function formatValue(key: RuleKey, rule: Rule): string {
  const v: RuleValue = rule.value;
  const unit = UNIT_LABELS[rule.unit].vi;
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? 'có' : 'không';
  if (typeof v === 'number') return `${v} ${unit}`;
  if (typeof v === 'string') {
    if (rule.unit === 'role' && v in ROLE_NAMES) return ROLE_NAMES[v as keyof typeof ROLE_NAMES].vi;
    return `\`${v}\``;
  }
  const o = v as Record<string, number>;
  if ('min' in o && 'max' in o) return `${o.min}–${o.max} ${unit}`;
  if ('first' in o && 'repeat' in o) return `${o.first} (lần đầu) / ${o.repeat} (từ lần thứ hai) ${unit}`;
  if ('min' in o && 'maxExclusive' in o) return `từ đủ ${o.min} đến dưới ${o.maxExclusive} tuổi`;
  const keys = RULE_SHAPES[key].keys ?? Object.keys(o);
  return keys.map((k) => `${k}=${o[k]}`).join(', ');
}

function cell(key: RuleKey, rule: Rule): string {
  const parts = [`**${formatValue(key, rule)}**`];
  if (rule.authority) parts.push(`quyết định: ${ROLE_NAMES[rule.authority].vi}`);
  parts.push(rule.basis.map((b) => formatBasis(b, 'vi')).join('; '));
  if (rule.note) parts.push(`_${rule.note.vi}_`);
  parts.push(rule.verify ? '⚠ cần kiểm tra (verify)' : '✔ không đánh dấu cần kiểm tra');
  return esc(parts.join('<br>'));
}

/** The generated part of docs/LEGAL.md: one row per rule key, one column per regime, then the sources read. */
export function renderRulesTable(): string {
  const keys = Object.keys(RULE_SHAPES) as RuleKey[];
  const head = [
    '| Quy định (rule key) | ' +
      REGIMES.map((r) => `${esc(r.name.vi)}<br>${r.from} → ${r.to ?? 'nay'} (\`${r.id}\`)`).join(' | ') +
      ' | Nguồn đã đọc |',
    `|---|${REGIMES.map(() => '---').join('|')}|---|`,
  ];
  const rows = keys.map((k) => {
    const label = `${esc(RULE_LABELS[k].vi)}<br>\`${k}\``;
    const cells = REGIMES.map((r) => cell(k, r.rules[k] as Rule));
    const sources = (RULE_SOURCES[k] ?? []).map((u) => `<${u}>`).join('<br>') || '—';
    return `| ${label} | ${cells.join(' | ')} | ${sources} |`;
  });
  return [BEGIN, ...head, ...rows, END].join('\n');
}

export const LEGAL_MD = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../docs/LEGAL.md',
);

/** The file with its generated part replaced by the current table (other sections kept). */
export function withCurrentTable(file: string): string {
  const start = file.indexOf(BEGIN);
  const end = file.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/LEGAL.md has no ${BEGIN} … ${END} section`);
  return file.slice(0, start) + renderRulesTable() + file.slice(end + END.length);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(LEGAL_MD, withCurrentTable(readFileSync(LEGAL_MD, 'utf8')));
  console.log(`docs/LEGAL.md: rules table rewritten from legal-regimes.ts`);
}
