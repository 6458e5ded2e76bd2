import type { OfficialDocument } from '../official-document.ts';
import {
  type CompulsoryDossierListInput,
  compulsoryDossierListTemplates,
} from './compulsory-dossier-list.ts';
import { type FamilyCommitmentInput, familyCommitmentTemplates } from './family-commitment.ts';
import {
  type PostRehabCompletionCertificateInput,
  postRehabCompletionCertificateTemplates,
} from './post-rehab-completion-certificate.ts';
import { type PostRehabDecisionInput, postRehabDecisionTemplates } from './post-rehab-decision.ts';
import type { DocumentTemplate, TemplateKind } from './template.ts';
import {
  type UserManagementDecisionInput,
  userManagementDecisionTemplates,
} from './user-management-decision.ts';

/** The input each kind of template takes. */
export interface TemplateInputs {
  'user-management-decision': UserManagementDecisionInput;
  'post-rehab-decision': PostRehabDecisionInput;
  'post-rehab-completion-certificate': PostRehabCompletionCertificateInput;
  'family-commitment': FamilyCommitmentInput;
  'compulsory-dossier-list': CompulsoryDossierListInput;
}

/** Every version of every template, by kind. */
export const TEMPLATES: { readonly [K in TemplateKind]: readonly DocumentTemplate<TemplateInputs[K]>[] } = {
  'user-management-decision': userManagementDecisionTemplates,
  'post-rehab-decision': postRehabDecisionTemplates,
  'post-rehab-completion-certificate': postRehabCompletionCertificateTemplates,
  'family-commitment': familyCommitmentTemplates,
  'compulsory-dossier-list': compulsoryDossierListTemplates,
};

/** The template version for a kind of document dated `date` (ISO); throws before 01/01/2022. */
export function templateFor<K extends TemplateKind>(
  kind: K,
  date: string,
): DocumentTemplate<TemplateInputs[K]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`invalid document date '${date}' (YYYY-MM-DD)`);
  const found = TEMPLATES[kind].find((t) => date >= t.validFrom && (t.validTo === null || date <= t.validTo));
  if (!found) throw new RangeError(`no '${kind}' template for a document dated ${date}`);
  return found;
}

/** Builds a document with the template version in force on the input's date. */
export function buildDocument<K extends TemplateKind>(kind: K, input: TemplateInputs[K]): OfficialDocument {
  return templateFor(kind, input.date).build(input);
}
