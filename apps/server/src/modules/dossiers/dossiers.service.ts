export { accept, decide, execute, scheduleHearing } from './dossier-court.service.ts';
export {
  downloadDocument,
  type IncomingFile,
  listDocuments,
  removeDocument,
  uploadDocument,
} from './dossier-documents.service.ts';
export { closeReading, notify, submit } from './dossier-filing.service.ts';
export { addPerson, createDossier, removePerson } from './dossier-preparation.service.ts';
// The compulsory-rehab dossier from preparation to execution. Every rule (who prepares, which court, the
// reading period, the checklist, the terms) comes from the domain package for the date of each act; this
// file only orders the steps, keeps the row scope and writes each step with its audit entry.
// The compulsory-rehab dossier's services, one file per step: the shared helpers (dossier-common.ts), reads,
// preparation, documents, the step machine (dossier-step.ts), the steps before the court and the court's acts.
export { dossierRules, getDossier, listDossiers } from './dossier-reads.service.ts';
