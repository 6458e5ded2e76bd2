import type { CleanPerson } from '@hoanhap/domain/import/clean';
import type { Cell, ImportField } from '@hoanhap/domain/import/headers';

// The shapes of an import: its target, each analysed row and the analysis, and the summary of a commit.

export type ImportTarget = { kind: 'commune' | 'province'; code: string };
export type RowResult = 'new' | 'existing' | 'possible_duplicate' | 'duplicate_in_file' | 'error';
export type RowError = { row: number; column: string; rule: string; message: string; messageEn: string };

export type AnalysedRow = {
  row: number;
  result: RowResult;
  raw: Cell[];
  person: CleanPerson;
  errors: RowError[];
  address: string | null;
  currentAddress: string | null;
  oldCommune: { code: string; name: string; district: string; province: string } | null;
  /** Today's commune; null while a split old commune waits for the officer's choice. */
  communeCode: string | null;
  candidates: string[];
  duplicateOfRow: number | null;
  existing: { id: string; fullName: string } | null;
};

export type Unresolved = {
  oldCommuneCode: string;
  oldCommuneName: string;
  rows: number;
  candidates: { code: string; name: string }[];
};

export type Analysis = {
  fileName: string;
  target: ImportTarget;
  provinceCode: string;
  headerRow: number;
  labels: string[];
  mapping: (ImportField | null)[];
  signature: string;
  rows: AnalysedRow[];
  unresolved: Unresolved[];
};

export type ImportSummary = {
  rows: number;
  created: number;
  merged: number;
  skipped: number;
  errors: RowError[];
  unresolved: Unresolved[];
};
