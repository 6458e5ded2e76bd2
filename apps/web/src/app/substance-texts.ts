// The names of the substances a test result or a declaration names, in one place for every page (the drug test
// form, the person's timeline and the reports' breakdown by substance), so a substance reads the same everywhere.
// Keys: the domain's SUBSTANCES (pathway-rules.ts).
import type { Substance } from '@hoanhap/domain/pathway-rules';

export const SUBSTANCE_TEXTS: Record<'vi' | 'en', Record<Substance, string>> = {
  vi: {
    heroin: 'Heroin',
    morphine: 'Morphin',
    opiates: 'Nhóm opiat',
    methamphetamine: 'Methamphetamin (ma túy đá)',
    amphetamine: 'Amphetamin',
    mdma: 'MDMA (thuốc lắc)',
    ketamine: 'Ketamin',
    cannabis: 'Cần sa',
    cocaine: 'Cocain',
    methadone: 'Methadon',
    benzodiazepines: 'Benzodiazepin',
    other: 'Chất khác',
  },
  en: {
    heroin: 'Heroin',
    morphine: 'Morphine',
    opiates: 'Opiates',
    methamphetamine: 'Methamphetamine',
    amphetamine: 'Amphetamine',
    mdma: 'MDMA',
    ketamine: 'Ketamine',
    cannabis: 'Cannabis',
    cocaine: 'Cocaine',
    methadone: 'Methadone',
    benzodiazepines: 'Benzodiazepines',
    other: 'Other substance',
  },
};
