// Where a person may be placed: which kind of facility may take which pathway, for whom, on a date. The kinds
// allowed are dated rules of legal-regimes.ts (compulsoryFacilityKinds, juvenileCompulsoryFacilityKinds,
// voluntaryFacilityKinds, substitutionFacilityKinds), so an administrator corrects them with a RuleOverride;
// a private facility takes a person only while one of its licences covers the date.

import { safeAgeOn } from './episode-terms.ts';
import type { EpisodeType, RuleCheck } from './episode-types.ts';
import type { LegalBasis, Text } from './legal-basis.ts';
import { formatBasis } from './legal-basis.ts';
import { type RegimeRules, type Rule, type RuleOverride, rulesOn } from './legal-regimes.ts';
import { normalizeVi } from './normalize.ts';
import { vocabulary } from './vocabulary.ts';

/** Kinds of facility (Law 120/2025/QH15 Art. 2: public, reform school, private; Decree 90/2016: methadone). */
const facilityKindVocabulary = vocabulary({
  rehab_public: ['Cơ sở cai nghiện ma túy công lập', 'Public rehab facility'], // cơ sở cai nghiện ma túy công lập
  reform_school: ['Trường giáo dưỡng', 'Reform school'], // trường giáo dưỡng (Law 120/2025: juveniles)
  rehab_private: ['Cơ sở cai nghiện ma túy tư nhân', 'Private rehab facility'], // cơ sở cai nghiện ma túy tư nhân (ngoài công lập), with an operating licence
  community_rehab: ['Cơ sở dịch vụ cai nghiện tại gia đình, cộng đồng', 'Family/community rehab provider'], // cơ sở cung cấp dịch vụ cai nghiện tự nguyện tại gia đình, cộng đồng
  methadone_clinic: ['Cơ sở điều trị thay thế (methadone)', 'Substitution therapy (methadone) clinic'], // cơ sở điều trị thay thế (methadone)
  health_station: ['Trạm y tế xã/phường', 'Commune health station'], // trạm y tế xã/phường
});
export const FACILITY_KINDS = facilityKindVocabulary.values;
export type FacilityKind = (typeof FACILITY_KINDS)[number];
export const facilityKindLabels = facilityKindVocabulary.labels;

/** A facility's licence as far as placement needs it: the days it covers (both inclusive). */
export interface LicencePeriod {
  number: string;
  issuedOn: string;
  validUntil: string;
}

export interface PlacementInput {
  episodeType: EpisodeType;
  facility: { kind: string; name: string; licences?: readonly LicencePeriod[] };
  /** Date of the act (decision, contract or start): it chooses the rules and the person's age. */
  date: string;
  birthDate?: string | null;
  /** Rules in force on `date`; computed from the regimes (with `overrides`) when absent. */
  rules?: RegimeRules;
  overrides?: readonly RuleOverride[];
}

/** The facility kinds a comma-separated rule value lists (unknown words are ignored). */
export function kindsOf(rule: Rule<string>): FacilityKind[] {
  return rule.value
    .split(',')
    .map((k) => k.trim())
    .filter((k): k is FacilityKind => (FACILITY_KINDS as readonly string[]).includes(k));
}

/** Whether the person is 12 to under 18 on the date (by the compulsoryJuvenileAge rule); false when unknown. */
export function isJuvenileOn(
  birthDate: string | null | undefined,
  date: string,
  rules: RegimeRules,
): boolean {
  if (!birthDate) return false;
  const age = safeAgeOn(birthDate, date);
  const ages = rules.compulsoryJuvenileAge.value;
  return age !== null && age >= ages.min && age < ages.maxExclusive;
}

/** The rule that says where this pathway may be served, or null when it is not served in a facility. */
export function placementRule(
  type: EpisodeType,
  juvenile: boolean,
  rules: RegimeRules,
): { key: string; rule: Rule<string> } | null {
  switch (type) {
    case 'compulsory':
    case 'compulsory_pending':
      return juvenile
        ? { key: 'juvenileCompulsoryFacilityKinds', rule: rules.juvenileCompulsoryFacilityKinds }
        : { key: 'compulsoryFacilityKinds', rule: rules.compulsoryFacilityKinds };
    case 'voluntary_facility':
      return { key: 'voluntaryFacilityKinds', rule: rules.voluntaryFacilityKinds };
    case 'substitution_therapy':
      return { key: 'substitutionFacilityKinds', rule: rules.substitutionFacilityKinds };
    default:
      return null;
  }
}

/** The licence covering a date, if any (the latest issued when several do). */
export function licenceOn(licences: readonly LicencePeriod[], date: string): LicencePeriod | null {
  return (
    [...licences]
      .filter((l) => l.issuedOn <= date && date <= l.validUntil)
      .sort((a, b) => (a.issuedOn < b.issuedOn ? 1 : -1))[0] ?? null
  );
}

const cite = (basis: readonly LegalBasis[], lang: keyof Text) =>
  basis.length ? ` (${basis.map((b) => formatBasis(b, lang)).join('; ')})` : '';
const vnDate = (d: string) => d.split('-').reverse().join('/');
const list = (kinds: FacilityKind[], lang: keyof Text) =>
  kinds.length ? kinds.map((k) => facilityKindLabels[lang][k].toLowerCase()).join(', ') : '—';
const kindLabel = (kind: string, lang: keyof Text) => facilityKindLabels[lang][kind as FacilityKind] ?? kind;

/**
 * Checks that the facility may take this pathway for this person on the date: its kind is one the rule in force
 * allows (compulsory only in public facilities, juveniles also in reform schools under Law 120, substitution
 * therapy only in a methadone clinic), and a private facility holds a licence valid on that date.
 */
export function checkPlacement(input: PlacementInput): RuleCheck {
  const rules = input.rules ?? rulesOn(input.date, input.overrides);
  const juvenile = isJuvenileOn(input.birthDate, input.date, rules);
  const found = placementRule(input.episodeType, juvenile, rules);
  if (!found) return { ok: true };
  const { rule } = found;
  const allowed = kindsOf(rule);
  const { kind, name } = input.facility;
  if (!allowed.includes(kind as FacilityKind)) {
    const adultInReformSchool = kind === 'reform_school' && !juvenile;
    const ages = rules.compulsoryJuvenileAge.value;
    const basis = adultInReformSchool
      ? [...rules.juvenileCompulsoryFacilityKinds.basis, ...rules.compulsoryJuvenileAge.basis]
      : rule.basis;
    const who = {
      vi: juvenile ? ` đối với người từ đủ ${ages.min} đến dưới ${ages.maxExclusive} tuổi` : '',
      en: juvenile ? ` for a person aged ${ages.min} to under ${ages.maxExclusive}` : '',
    };
    return {
      ok: false,
      error: adultInReformSchool
        ? {
            code: 'REFORM_SCHOOL_JUVENILES_ONLY',
            vi: `"${name}" là trường giáo dưỡng: chỉ nhận người từ đủ ${ages.min} đến dưới ${ages.maxExclusive} tuổi; người đã đủ ${ages.maxExclusive} tuổi vào ngày ${vnDate(input.date)} được đưa vào: ${list(kindsOf(rules.compulsoryFacilityKinds), 'vi')}${cite(basis, 'vi')}`,
            en: `"${name}" is a reform school: it takes only people aged ${ages.min} to under ${ages.maxExclusive}; a person aged ${ages.maxExclusive} or over on ${vnDate(input.date)} goes to: ${list(kindsOf(rules.compulsoryFacilityKinds), 'en')}${cite(basis, 'en')}`,
            basis,
          }
        : {
            code: 'FACILITY_KIND_NOT_ALLOWED',
            vi: `"${name}" (${kindLabel(kind, 'vi').toLowerCase()}) không được nhận ${pathwayVi[input.episodeType]}${who.vi}; chỉ: ${list(allowed, 'vi')}${cite(basis, 'vi')}`,
            en: `"${name}" (${kindLabel(kind, 'en').toLowerCase()}) may not take ${pathwayEn[input.episodeType]}${who.en}; only: ${list(allowed, 'en')}${cite(basis, 'en')}`,
            basis,
          },
    };
  }
  if (kind === 'rehab_private' && !licenceOn(input.facility.licences ?? [], input.date)) {
    const basis = [...rule.basis, ...rules.privateFacilityLicenser.basis];
    const last = [...(input.facility.licences ?? [])].sort((a, b) =>
      a.validUntil < b.validUntil ? 1 : -1,
    )[0];
    const why = !last
      ? { vi: 'chưa có giấy phép hoạt động', en: 'has no operating licence' }
      : last.validUntil < input.date
        ? {
            vi: `giấy phép số ${last.number} đã hết hiệu lực từ sau ngày ${vnDate(last.validUntil)}`,
            en: `licence ${last.number} expired after ${vnDate(last.validUntil)}`,
          }
        : {
            vi: `không có giấy phép hoạt động còn hiệu lực vào ngày ${vnDate(input.date)}`,
            en: `has no operating licence valid on ${vnDate(input.date)}`,
          };
    return {
      ok: false,
      error: {
        code: last ? 'FACILITY_LICENCE_NOT_VALID' : 'FACILITY_LICENCE_MISSING',
        vi: `Cơ sở cai nghiện ma túy tư nhân "${name}" ${why.vi}: không được nhận người cai nghiện vào ngày ${vnDate(input.date)}${cite(basis, 'vi')}`,
        en: `Private rehab facility "${name}" ${why.en}: it may not take anyone on ${vnDate(input.date)}${cite(basis, 'en')}`,
        basis,
      },
    };
  }
  return { ok: true };
}

const pathwayVi: Record<EpisodeType, string> = {
  user_management: 'quản lý người sử dụng trái phép chất ma túy',
  voluntary_community: 'cai nghiện tự nguyện tại gia đình, cộng đồng',
  voluntary_facility: 'cai nghiện tự nguyện theo hợp đồng',
  compulsory_pending: 'người chờ quyết định đưa vào cơ sở cai nghiện bắt buộc',
  compulsory: 'cai nghiện bắt buộc',
  substitution_therapy: 'điều trị nghiện bằng thuốc thay thế',
  post_rehab: 'quản lý sau cai nghiện',
};
const pathwayEn: Record<EpisodeType, string> = {
  user_management: 'management of a drug user',
  voluntary_community: 'community rehab',
  voluntary_facility: 'voluntary rehab under a contract',
  compulsory_pending: 'a person awaiting a compulsory rehab decision',
  compulsory: 'compulsory rehab',
  substitution_therapy: 'substitution therapy',
  post_rehab: 'post-rehab management',
};

// Words (normalised, without diacritics) by which a licence's issuer line names each licensing authority.
const LICENSER_WORDS: Record<string, { words: string[]; label: Text }> = {
  province_police_director: {
    words: ['cong an'],
    label: { vi: 'Giám đốc Công an cấp tỉnh', en: 'the director of provincial police' },
  },
  province_labour_director: {
    words: ['lao dong', 'ldtbxh'],
    label: {
      vi: 'Giám đốc Sở Lao động – Thương binh và Xã hội',
      en: 'the director of the provincial labour department',
    },
  },
};

/**
 * Checks that a licence's issuer line names the authority the rule in force on its issue date gives the power to
 * license private rehab facilities (privateFacilityLicenser); an authority the table does not know is not checked.
 */
export function checkLicenceIssuer(issuer: string, issuedOn: string, rules: RegimeRules): RuleCheck {
  const rule = rules.privateFacilityLicenser;
  const known = LICENSER_WORDS[rule.value];
  if (!known) return { ok: true };
  const text = normalizeVi(issuer);
  if (known.words.some((w) => text.includes(w))) return { ok: true };
  return {
    ok: false,
    error: {
      code: 'LICENCE_ISSUER',
      vi: `Giấy phép cấp ngày ${vnDate(issuedOn)} phải do ${known.label.vi} cấp; ghi rõ chức danh người ký${cite(rule.basis, 'vi')}`,
      en: `A licence issued on ${vnDate(issuedOn)} is issued by ${known.label.en}; write the signer's title${cite(rule.basis, 'en')}`,
      basis: rule.basis,
    },
  };
}
