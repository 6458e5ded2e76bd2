import i18next from 'i18next';
// The volunteer's pages keep their texts (my, log, tasks, outcome) in a light file of their own, same namespace.
import '../../field/field-i18n.ts';
import * as field from './community-i18n-field.ts';
import * as records from './community-i18n-records.ts';
import * as team from './community-i18n-team.ts';

// Texts of the community area (volunteer pages, teams, assignments, activities, clubs, partners, training) in
// their own i18next namespace 'community', kept in three files by page group. Vietnamese is the reference;
// English has the same keys. The vocabularies (organisations, contact and activity kinds) come from the domain
// package.

/** The English texts have the keys of the Vietnamese ones. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const vi = { ...field.vi, ...team.vi, ...records.vi };
const en: Shape<typeof vi> = { ...field.en, ...team.en, ...records.en };

i18next.addResourceBundle('vi', 'community', vi, true, true);
i18next.addResourceBundle('en', 'community', en, true, true);
