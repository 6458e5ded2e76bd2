import type { Instrument } from './legal-basis.ts';
import { INSTRUMENTS as I } from './legal-basis.ts';
import { LAW73_RULES } from './legal-regime-law73.ts';
import { citeInstead } from './legal-regime-law120.ts';
import type { RegimeRules } from './legal-regime-types.ts';

// Before 2022: the Law on Drug Prevention 2000 (23/2000/QH10, in force 01/06/2001), amended by Law 16/2008/QH12
// (01/01/2009), with Decree 94/2009 and, from 2013–2014, the Law on Handling Administrative Violations 2012.
// These rules exist so that acts of that era are recorded as history with their own basis; the 2021 decrees,
// Circular 18/2021 and their forms did not exist yet. Values are those of the old texts as far as known and are
// all "verify": the product records such acts, it does not judge them by the 2022 rules.
const LAW2021_TEXTS: readonly Instrument[] = [
  I.law73,
  I.decree105,
  I.decree109,
  I.decree116,
  I.circular18_2021,
  I.ordinance01_2022,
];
export const PRE2022_RULES: RegimeRules = {
  ...citeInstead(LAW73_RULES, I.law2000, LAW2021_TEXTS, { dropForms: true }),
  regimeId: 'pre-2022',
  userManagementMonths: {
    value: 12,
    unit: 'months',
    basis: [{ instrument: I.law2000 }],
    verify: true,
    note: {
      vi: 'Trước 01/01/2022 chưa có biện pháp quản lý người sử dụng trái phép chất ma túy (có từ Luật 73/2021/QH14)',
      en: 'Management of illegal drug users did not exist before 01/01/2022 (introduced by Law 73/2021/QH14)',
    },
  },
  voluntaryCommunityMonths: {
    value: { min: 6, max: 12 },
    unit: 'months',
    basis: [{ instrument: I.law2000 }, { instrument: I.decree94_2009 }],
    authority: 'commune_chairman',
    verify: true,
  },
  compulsoryAdultMonths: {
    value: { min: 12, max: 24 },
    unit: 'months',
    basis: [{ instrument: I.law2000 }, { instrument: I.adminViolations, article: '95' }],
    authority: 'district_court',
    verify: true,
    note: {
      vi: 'Từ 01/01/2014 do Tòa án nhân dân cấp huyện quyết định; trước đó Chủ tịch Ủy ban nhân dân cấp huyện',
      en: 'Decided by the district court from 01/01/2014; before that by the district chairman',
    },
  },
  compulsoryCourt: {
    value: 'district_court',
    unit: 'role',
    basis: [{ instrument: I.adminViolations }],
    authority: 'district_court',
    verify: true,
    note: {
      vi: 'Từ 01/01/2014; trước đó Chủ tịch Ủy ban nhân dân cấp huyện quyết định',
      en: 'From 01/01/2014; before that the district chairman decided',
    },
  },
  compulsoryDossierPreparer: {
    value: 'commune_chairman',
    unit: 'role',
    basis: [{ instrument: I.law2000 }, { instrument: I.adminViolations, article: '103' }],
    authority: 'commune_chairman',
    verify: true,
  },
  postRehabMonths: {
    value: 12,
    unit: 'months',
    basis: [{ instrument: I.law2000, article: '34a' }],
    authority: 'commune_chairman',
    verify: true,
    note: { vi: 'Luật 2008 quy định từ 01 đến 02 năm', en: 'The 2008 amendment set 1 to 2 years' },
  },
};
