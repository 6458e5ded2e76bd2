import { OPEN_DOSSIER_STATUSES } from '@hoanhap/domain/dossier-rules';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { type DossierScope, whereUnitScope } from '../../platform/policy.ts';
import { rowById, rowsWhere, rowWhere, updateIfVersion } from '../shared/record-queries.repo.ts';
import { unitNameInForce } from '../shared/units-in-force.repo.ts';

export type DossierRow = Row<'dossiers'>;
export type DossierPersonRow = Row<'dossier_people'>;
export type DossierDocumentRow = Row<'dossier_documents'>;
export type DossierPersonView = DossierPersonRow & {
  full_name: string;
  birth_date: string | null;
  birth_year: number;
};

/** Restricts a query on `dossiers` to the actor's scope in SQL. */
export function whereDossierInScope<O>(qb: SelectQueryBuilder<DB, 'dossiers', O>, scope: DossierScope) {
  return whereUnitScope(qb, scope, { province: 'dossiers.province_code', commune: 'dossiers.commune_code' });
}

export type DossierFilter = {
  tokens: string[];
  status?: string;
  communeCode?: string;
  personId?: string;
  limit: number;
  offset: number;
};

export const dossiersRepo = {
  insert: (db: Kysely<DB>, row: DossierRow) => db.insertInto('dossiers').values(row).execute(),
  findInScope: (db: Kysely<DB>, scope: DossierScope, id: string) =>
    whereDossierInScope(db.selectFrom('dossiers'), scope)
      .selectAll('dossiers')
      .where('dossiers.id', '=', id)
      .executeTakeFirst(),
  findById: (db: Kysely<DB>, id: string) => rowById(db, 'dossiers', id),
  /** Version-checked update; false when someone else changed the row first. */
  updateVersioned: (db: Kysely<DB>, id: string, version: number, patch: Partial<DossierRow>) =>
    updateIfVersion(db, 'dossiers', id, version, patch),
  list: async (db: Kysely<DB>, scope: DossierScope, f: DossierFilter) => {
    let base = whereDossierInScope(db.selectFrom('dossiers'), scope);
    if (f.status) base = base.where('dossiers.status', '=', f.status);
    if (f.communeCode) base = base.where('dossiers.commune_code', '=', f.communeCode);
    if (f.personId || f.tokens.length) {
      base = base.where((eb) => {
        let sub = eb
          .selectFrom('dossier_people as dp')
          .innerJoin('people as p', 'p.id', 'dp.person_id')
          .select('dp.id')
          .whereRef('dp.dossier_id', '=', 'dossiers.id');
        if (f.personId) sub = sub.where('dp.person_id', '=', f.personId);
        // Tokens come from normalizeVi: only [a-z0-9], no LIKE wildcards to escape.
        for (const t of f.tokens) sub = sub.where('p.name_search', 'like', `%${t}%`);
        return eb.exists(sub);
      });
    }
    const [rows, total] = await Promise.all([
      base
        .selectAll('dossiers')
        .orderBy('dossiers.prepared_on', 'desc')
        .orderBy('dossiers.id')
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },

  peopleOf: async (db: Kysely<DB>, dossierIds: string[]): Promise<DossierPersonView[]> => {
    if (dossierIds.length === 0) return [];
    return db
      .selectFrom('dossier_people as dp')
      .innerJoin('people as p', 'p.id', 'dp.person_id')
      .selectAll('dp')
      .select(['p.full_name', 'p.birth_date', 'p.birth_year'])
      .where('dp.dossier_id', 'in', dossierIds)
      .orderBy('dp.position')
      .orderBy('dp.id')
      .execute();
  },
  /** Names a person at the end of the dossier's list. */
  insertPerson: async (db: Kysely<DB>, row: Omit<DossierPersonRow, 'position'>) => {
    const last = await db
      .selectFrom('dossier_people')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('dossier_id', '=', row.dossier_id)
      .executeTakeFirst();
    await db
      .insertInto('dossier_people')
      .values({ ...row, position: Number(last?.p ?? 0) + 1 })
      .execute();
  },
  deletePerson: (db: Kysely<DB>, dossierId: string, personId: string) =>
    db
      .deleteFrom('dossier_people')
      .where('dossier_id', '=', dossierId)
      .where('person_id', '=', personId)
      .execute(),
  updatePerson: (db: Kysely<DB>, dossierId: string, personId: string, patch: Partial<DossierPersonRow>) =>
    db
      .updateTable('dossier_people')
      .set(patch)
      .where('dossier_id', '=', dossierId)
      .where('person_id', '=', personId)
      .execute(),
  /** The open dossier (not yet decided) that already names this person, if any. */
  openDossierOf: (db: Kysely<DB>, personId: string) =>
    db
      .selectFrom('dossier_people as dp')
      .innerJoin('dossiers as d', 'd.id', 'dp.dossier_id')
      .select(['d.id', 'd.commune_code'])
      .where('dp.person_id', '=', personId)
      .where('d.status', 'in', OPEN_DOSSIER_STATUSES)
      .executeTakeFirst(),

  documentsOf: (db: Kysely<DB>, dossierId: string) =>
    rowsWhere(db, 'dossier_documents', { dossier_id: dossierId, removed_at: null }, ['uploaded_at', 'id']),
  document: (db: Kysely<DB>, dossierId: string, documentId: string) =>
    rowWhere(db, 'dossier_documents', { dossier_id: dossierId, id: documentId, removed_at: null }),
  insertDocument: (db: Kysely<DB>, row: DossierDocumentRow) =>
    db.insertInto('dossier_documents').values(row).execute(),
  removeDocuments: (
    db: Kysely<DB>,
    where: { dossierId: string; documentId?: string; personId?: string },
    at: string,
    by: string,
  ) => {
    let qb = db
      .updateTable('dossier_documents')
      .set({ removed_at: at, removed_by: by })
      .where('dossier_id', '=', where.dossierId)
      .where('removed_at', 'is', null);
    if (where.documentId) qb = qb.where('id', '=', where.documentId);
    if (where.personId) qb = qb.where('person_id', '=', where.personId);
    return qb.execute();
  },

  facility: (db: Kysely<DB>, id: string) =>
    db
      .selectFrom('facilities')
      .select(['id', 'name', 'province_code', 'active'])
      .where('id', '=', id)
      .executeTakeFirst(),
  communeName: (db: Kysely<DB>, code: string) => unitNameInForce(db, code, 'commune'),
};
