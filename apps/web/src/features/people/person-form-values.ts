import { personCreateSchema, personUpdateSchema } from '@hoanhap/domain/person-schema';
import type { Me, Person } from '../../api/types.ts';
import { formatDate, parseDmy } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/i18n.ts';
import { applyZodLocale, fieldErrorsOf } from '../../i18n/zod-locale.ts';
import { type AddressValue, emptyAddress } from '../org/commune-picker.tsx';

export type FamilyRow = { key: string; name: string; relation: string; phone: string };

/** What the inputs hold: text as typed, dates as dd/mm/yyyy. */
export type PersonFormValues = {
  fullName: string;
  otherNames: string[];
  sex: '' | 'male' | 'female';
  birthDate: string;
  birthYear: number | '';
  citizenId: string;
  ethnicity: string;
  phone: string;
  occupation: string;
  currentAddress: AddressValue;
  permanentAddress: AddressValue;
  familyContacts: FamilyRow[];
};

export type FieldErrors = Record<string, string>;

let rowSeq = 0;
export const newFamilyRow = (r: Partial<FamilyRow> = {}): FamilyRow => ({
  key: `row-${++rowSeq}`,
  name: '',
  relation: '',
  phone: '',
  ...r,
});

/** A blank form; a commune user's own commune is the default residence. */
export function emptyValues(me: Me): PersonFormValues {
  const own = me.user.scopeKind === 'commune' && me.user.scopeCode;
  return {
    fullName: '',
    otherNames: [],
    sex: '',
    birthDate: '',
    birthYear: '',
    citizenId: '',
    ethnicity: '',
    phone: '',
    occupation: '',
    currentAddress: own
      ? { provinceCode: null, communeCode: me.user.scopeCode, communeName: me.user.scopeName, detail: '' }
      : emptyAddress(),
    permanentAddress: emptyAddress(),
    familyContacts: [],
  };
}

export function valuesFromPerson(p: Person): PersonFormValues {
  return {
    fullName: p.fullName,
    otherNames: p.otherNames ?? [],
    sex: p.sex,
    birthDate: p.birthDate ? formatDate(p.birthDate) : '',
    birthYear: p.birthDate ? '' : p.birthYear,
    citizenId: p.citizenId ?? '',
    ethnicity: p.ethnicity ?? '',
    phone: p.phone ?? '',
    occupation: p.occupation ?? '',
    currentAddress: {
      provinceCode: p.currentAddress.provinceCode,
      communeCode: p.currentAddress.communeCode,
      communeName: p.currentAddress.communeName,
      detail: p.currentAddress.detail ?? '',
    },
    permanentAddress: p.permanentAddress
      ? {
          provinceCode: null,
          communeCode: p.permanentAddress.communeCode,
          communeName: p.permanentAddress.communeName,
          detail: p.permanentAddress.detail ?? '',
        }
      : emptyAddress(),
    familyContacts: (p.familyContacts ?? []).map((c) => newFamilyRow({ ...c, phone: c.phone ?? '' })),
  };
}

const text = (s: string) => s.trim() || undefined;
const phoneText = (s: string) => text(s.replace(/[\s.-]/g, ''));

/** The request body (without version / confirmation flags) from what the inputs hold. */
export function toPayload(v: PersonFormValues) {
  const family = v.familyContacts
    .filter((r) => r.name.trim() || r.relation.trim() || r.phone.trim())
    .map((r) => ({ name: r.name, relation: r.relation, phone: phoneText(r.phone) }));
  return {
    fullName: v.fullName,
    otherNames: v.otherNames.length ? v.otherNames : undefined,
    sex: v.sex || undefined,
    birthDate: v.birthDate.trim() ? (parseDmy(v.birthDate) ?? undefined) : undefined,
    birthYear: typeof v.birthYear === 'number' ? v.birthYear : undefined,
    citizenId: text(v.citizenId),
    ethnicity: text(v.ethnicity),
    phone: phoneText(v.phone),
    occupation: text(v.occupation),
    currentAddress: {
      communeCode: v.currentAddress.communeCode ?? '',
      detail: text(v.currentAddress.detail),
    },
    permanentAddress: v.permanentAddress.communeCode
      ? { communeCode: v.permanentAddress.communeCode, detail: text(v.permanentAddress.detail) }
      : undefined,
    familyContacts: family.length ? family : undefined,
  };
}

// Paths of list items that are shown on the list's input (other names are one input).
const fieldOf = (path: string) => (path.startsWith('otherNames.') ? 'otherNames' : path);

/**
 * Client-side validation with the very schemas the server uses; a few empty selects get a
 * plainer message than zod's, and a date that is not dd/mm/yyyy is reported as such.
 */
export function validatePerson(
  v: PersonFormValues,
  mode: 'create' | 'update',
  lang: Lang,
  t: (k: string) => string,
): FieldErrors {
  applyZodLocale(lang);
  const payload = toPayload(v);
  const schema = mode === 'create' ? personCreateSchema : personUpdateSchema;
  const withVersion = (p: object) => (mode === 'create' ? p : { ...p, version: 1 });
  const res = schema.safeParse(withVersion(payload));
  const errors = res.success ? {} : fieldErrorsOf(res.error.issues, lang, fieldOf);
  if (!res.success && !res.error.issues.some((i) => i.code === 'custom')) {
    // Zod runs the cross-field rules (birth date/year, CCCD) only once every field is valid; run
    // them now on a probe with placeholder values elsewhere, so that all errors show at once.
    const probe = schema.safeParse(
      withVersion({
        fullName: 'Probe',
        sex: payload.sex ?? 'male',
        currentAddress: { communeCode: '00000' },
        birthDate: payload.birthDate,
        birthYear: payload.birthYear,
        citizenId: payload.citizenId,
      }),
    );
    if (!probe.success) {
      const cross = probe.error.issues.filter(
        (i) => i.code === 'custom' && (payload.sex || i.path[0] !== 'citizenId'),
      );
      for (const [k, m] of Object.entries(fieldErrorsOf(cross, lang, fieldOf))) errors[k] ??= m;
    }
  }
  if (v.birthDate.trim() && !parseDmy(v.birthDate)) {
    errors.birthDate = t('common.invalidDate');
    delete errors.birthYear;
  }
  if (!v.sex) errors.sex = t('person.sexRequired');
  if (!v.currentAddress.communeCode) errors['currentAddress.communeCode'] = t('person.communeRequired');
  return errors;
}

/** Rows for comparing two versions of the form, in display form. */
export function comparable(v: PersonFormValues, t: (k: string) => string): [string, string][] {
  const addr = (a: AddressValue) =>
    a.communeCode ? [a.detail.trim(), a.communeName ?? a.communeCode].filter(Boolean).join(', ') : '';
  return [
    [t('person.fullName'), v.fullName.trim()],
    [t('person.otherNames'), v.otherNames.join(', ')],
    [t('person.sex'), v.sex ? t(`person.${v.sex}`) : ''],
    [t('person.birthDate'), v.birthDate.trim()],
    [t('person.birthYear'), v.birthYear === '' ? '' : String(v.birthYear)],
    [t('person.citizenId'), v.citizenId.trim()],
    [t('person.ethnicity'), v.ethnicity.trim()],
    [t('person.phone'), v.phone.trim()],
    [t('person.occupation'), v.occupation.trim()],
    [t('person.currentAddress'), addr(v.currentAddress)],
    [t('person.permanentAddress'), addr(v.permanentAddress)],
    [
      t('person.sectionFamily'),
      v.familyContacts
        .filter((r) => r.name.trim())
        .map((r) => [r.name.trim(), r.relation.trim(), r.phone.trim()].filter(Boolean).join(' – '))
        .join('; '),
    ],
  ];
}
