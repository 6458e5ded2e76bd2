// Validation of an indicator definition against the building blocks: used by the server when a national
// administrator adds an indicator (400 naming the field).

import { BLOCK_BY_ID, type BlockRef } from './indicator-blocks.ts';
import { blocksOf, type IndicatorDef } from './indicators.ts';

export type FieldIssue = { field: string; vi: string; en: string };

function checkRef(ref: BlockRef | undefined, field: string, out: FieldIssue[]): void {
  if (!ref) return;
  const b = BLOCK_BY_ID.get(ref.block);
  if (!b) {
    out.push({
      field: `${field}.block`,
      vi: `Khối dữ liệu không tồn tại: ${ref.block}`,
      en: `Unknown block: ${ref.block}`,
    });
    return;
  }
  const params = ref.params ?? {};
  for (const key of Object.keys(params)) {
    if (!b.params.some((p) => p.name === key))
      out.push({
        field: `${field}.params.${key}`,
        vi: `Tham số không có: ${key}`,
        en: `Unknown parameter: ${key}`,
      });
  }
  for (const p of b.params) {
    const v = params[p.name];
    if (v == null)
      out.push({
        field: `${field}.params.${p.name}`,
        vi: `Thiếu tham số ${p.name}`,
        en: `Missing parameter ${p.name}`,
      });
    else if (!p.values.includes(v))
      out.push({
        field: `${field}.params.${p.name}`,
        vi: `Giá trị không hợp lệ: ${v}`,
        en: `Invalid value ${v}; one of ${p.values.join(', ')}`,
      });
  }
}

/** Checks an indicator definition against the blocks; an empty list means it is valid. */
export function validateIndicator(def: IndicatorDef): FieldIssue[] {
  const out: FieldIssue[] = [];
  checkRef(def.numerator, 'numerator', out);
  if (def.kind === 'ratio' && !def.denominator)
    out.push({ field: 'denominator', vi: 'Tỷ lệ cần mẫu số', en: 'A ratio needs a denominator' });
  if (def.kind === 'count' && def.denominator)
    out.push({ field: 'denominator', vi: 'Chỉ tiêu đếm không có mẫu số', en: 'A count has no denominator' });
  checkRef(def.denominator, 'denominator', out);
  for (const d of def.disaggregations)
    if (!blocksOf(def).every((r) => BLOCK_BY_ID.get(r.block)?.disaggregations.includes(d) ?? true))
      out.push({
        field: 'disaggregations',
        vi: `Khối dữ liệu không phân tổ theo ${d}`,
        en: `The blocks cannot be disaggregated by ${d}`,
      });
  return out;
}
