import { normalizeVi } from '../normalize.ts';

/**
 * Finding the old commune (before 01/07/2025) named in a free-text address: "Thôn 3, xã Minh Quang,
 * huyện Ba Vì, TP Hà Nội", "X.Minh Quang - H.Ba Vì", "minh quang ba vi ha noi", "P.3, Q.3",
 * "p3 q3", "phường 03, quận 3". The old units are given (from the legacy mapping), keyed like
 * legacy_unit_mappings: no diacritics, no type word, no leading zeros.
 */

export type OldCommune = {
  code: string;
  name: string;
  communeKey: string;
  districtKey: string;
  provinceKey: string;
  /** Today's communes it went to (more than one: the old commune was split). */
  newCodes: string[];
};

const COMMUNE_TYPE = /(?:^| )(xa|phuong|thi tran|tt|x|p|dac khu)$/;
const DISTRICT_TYPE = /(?:^| )(huyen|quan|thi xa|thanh pho|tp|tx|h|q)$/;

/** normalizeVi, with numbered wards/districts made explicit: "P.03" → "p#3", "q3" → "q#3". */
export function addressWords(text: string): string {
  return normalizeVi(text)
    .replace(/\b(?:p|phuong)\s*0*(\d{1,2})\b/g, ' p#$1 ')
    .replace(/\b(?:q|quan)\s*0*(\d{1,2})\b/g, ' q#$1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

export class OldCommuneIndex {
  private byKey = new Map<string, OldCommune[]>();
  private maxWords = 1;
  constructor(readonly communes: OldCommune[]) {
    for (const c of communes) {
      const key = /^\d+$/.test(c.communeKey) ? `p#${c.communeKey}` : c.communeKey;
      if (!key) continue;
      const list = this.byKey.get(key) ?? [];
      list.push(c);
      this.byKey.set(key, list);
      this.maxWords = Math.max(this.maxWords, key.split(' ').length);
    }
  }

  /**
   * The old commune(s) an address names: every span of words equal to an old commune's key, scored
   * by its district and province also written in the address (outside that span), a type word
   * before it, and its length ("Đức Ninh Đông" beats "Đức Ninh"). A span right after a district type
   * word ("huyện Quảng Trạch") is a district, not a commune. Returns the best-scoring communes.
   */
  find(address: string, hint?: { districtKey?: string; provinceKey?: string }): OldCommune[] {
    const a = addressWords(address);
    if (!a) return [];
    const words = a.split(' ');
    let best: { score: number; list: OldCommune[] } = { score: 0, list: [] };
    for (let i = 0; i < words.length; i++) {
      for (let n = Math.min(this.maxWords, words.length - i); n >= 1; n--) {
        const key = words.slice(i, i + n).join(' ');
        const hits = this.byKey.get(key);
        if (!hits) continue;
        const before = words.slice(Math.max(0, i - 3), i).join(' ');
        if (DISTRICT_TYPE.test(before) && !COMMUNE_TYPE.test(before)) continue;
        const rest = ` ${[...words.slice(0, i), '|', ...words.slice(i + n)].join(' ')} `;
        for (const c of hits) {
          const dk = /^\d+$/.test(c.districtKey) ? `q#${c.districtKey}` : c.districtKey;
          let score = 10 + n;
          if (COMMUNE_TYPE.test(before) || key.startsWith('p#')) score += 5;
          if (dk && rest.includes(` ${dk} `)) score += 20;
          else if (hint?.districtKey && hint.districtKey === c.districtKey) score += 8;
          if (c.provinceKey && rest.includes(` ${c.provinceKey} `)) score += 4;
          else if (hint?.provinceKey && hint.provinceKey === c.provinceKey) score += 2;
          if (score > best.score) best = { score, list: [c] };
          else if (score === best.score && !best.list.some((b) => b.code === c.code)) best.list.push(c);
        }
      }
    }
    return best.list;
  }
}
