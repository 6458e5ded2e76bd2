import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  DB,
  EpisodeTable,
  ImportBatchTable,
  ImportRowTable,
  PersonImportDataTable,
  PersonStatusHistoryTable,
  PersonTable,
} from '../../db/schema.ts';
import { rowById, rowsWhere } from '../shared/record-queries.repo.ts';
import { unitsInForce } from '../shared/units-in-force.repo.ts';

const CHUNK = 500;
const chunks = <T>(xs: T[], n = CHUNK) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export type PersonMatchRow = Pick<
  Selectable<PersonTable>,
  'id' | 'full_name' | 'name_search' | 'birth_year' | 'cur_commune_code' | 'citizen_id'
>;

export const importsRepo = {
  /** The legacy (before 01/07/2025) communes that went into communes of `newProvinceCode`. */
  legacyForProvince: (db: Kysely<DB>, newProvinceCode: string) =>
    db
      .selectFrom('legacy_unit_mappings')
      .select([
        'old_commune_code',
        'old_commune_name',
        'old_district_name',
        'old_province_name',
        'old_commune_key',
        'old_district_key',
        'old_province_key',
        'new_commune_code',
      ])
      .where('new_province_code', '=', newProvinceCode)
      .orderBy('old_commune_code')
      .orderBy('new_commune_code')
      .execute(),

  communeNames: async (db: Kysely<DB>, codes: string[]) => {
    const out = new Map<string, { name: string; provinceCode: string | null }>();
    for (const c of chunks(codes))
      for (const r of await unitsInForce(db, 'commune')
        .select(['code', 'name', 'province_code'])
        .where('code', 'in', c)
        .execute())
        out.set(r.code, { name: r.name, provinceCode: r.province_code });
    return out;
  },

  /** Today's communes of a province (code and name), for cells that already name the current commune. */
  currentCommunesOfProvince: (db: Kysely<DB>, provinceCode: string) =>
    unitsInForce(db, 'commune').select(['code', 'name']).where('province_code', '=', provinceCode).execute(),

  peopleOfProvince: (db: Kysely<DB>, provinceCode: string): Promise<PersonMatchRow[]> =>
    db
      .selectFrom('people')
      .select(['id', 'full_name', 'name_search', 'birth_year', 'cur_commune_code', 'citizen_id'])
      .where('province_code', '=', provinceCode)
      .execute(),

  peopleByCitizenIds: async (db: Kysely<DB>, ids: string[]): Promise<PersonMatchRow[]> => {
    const out: PersonMatchRow[] = [];
    for (const c of chunks(ids))
      out.push(
        ...(await db
          .selectFrom('people')
          .select(['id', 'full_name', 'name_search', 'birth_year', 'cur_commune_code', 'citizen_id'])
          .where('citizen_id', 'in', c)
          .execute()),
      );
    return out;
  },

  savedMapping: (db: Kysely<DB>, signature: string) =>
    db
      .selectFrom('import_mappings')
      .selectAll()
      .where('signature', '=', signature)
      .orderBy('saved_at', 'desc')
      .executeTakeFirst(),
  insertMapping: (db: Kysely<DB>, row: Insertable<DB['import_mappings']>) =>
    db.insertInto('import_mappings').values(row).execute(),

  insertBatch: (db: Kysely<DB>, row: Insertable<ImportBatchTable>) =>
    db.insertInto('import_batches').values(row).execute(),
  /** A user's own batches of one kind ('people' lists, 'users' sheets), the most recent first. */
  batchesOf: async (
    db: Kysely<DB>,
    userId: string,
    limit: number,
    offset: number,
    kind: 'people' | 'users' = 'people',
  ) => {
    const items = await db
      .selectFrom('import_batches')
      .select([
        'id',
        'file_name',
        'target_kind',
        'target_code',
        'status',
        'summary',
        'created_at',
        'committed_at',
        'undone_at',
      ])
      .where('created_by', '=', userId)
      .where('kind', '=', kind)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    const { n } = await db
      .selectFrom('import_batches')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('created_by', '=', userId)
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow();
    return { items, total: Number(n) };
  },
  batch: (db: Kysely<DB>, id: string) => rowById(db, 'import_batches', id),
  updateBatch: (db: Kysely<DB>, id: string, set: Partial<Selectable<ImportBatchTable>>) =>
    db.updateTable('import_batches').set(set).where('id', '=', id).execute(),
  insertRows: async (db: Kysely<DB>, rows: Insertable<ImportRowTable>[]) => {
    for (const c of chunks(rows, 200)) await db.insertInto('import_rows').values(c).execute();
  },
  rows: (db: Kysely<DB>, batchId: string) => rowsWhere(db, 'import_rows', { batch_id: batchId }, ['row_no']),
  deleteRows: (db: Kysely<DB>, batchId: string) =>
    db.deleteFrom('import_rows').where('batch_id', '=', batchId).execute(),
  setRowOutcome: (
    db: Kysely<DB>,
    batchId: string,
    rowNo: number,
    set: { action: string; person_id: string | null; before: string | null },
  ) =>
    db
      .updateTable('import_rows')
      .set(set)
      .where('batch_id', '=', batchId)
      .where('row_no', '=', rowNo)
      .execute(),

  /** People, their import data and history episodes, many rows per statement (under the bound-variable limits). */
  insertPeople: async (
    db: Kysely<DB>,
    people: Insertable<PersonTable>[],
    data: Insertable<PersonImportDataTable>[],
    episodes: Insertable<EpisodeTable>[],
    history: Insertable<PersonStatusHistoryTable>[] = [],
  ) => {
    for (const c of chunks(people, 100)) await db.insertInto('people').values(c).execute();
    for (const c of chunks(data, 300)) await db.insertInto('person_import_data').values(c).execute();
    for (const c of chunks(episodes, 100)) await db.insertInto('episodes').values(c).execute();
    for (const c of chunks(history, 500)) await db.insertInto('person_status_history').values(c).execute();
  },
  person: (db: Kysely<DB>, id: string) => rowById(db, 'people', id),
  personByCitizenId: (db: Kysely<DB>, citizenId: string) =>
    db.selectFrom('people').select(['id']).where('citizen_id', '=', citizenId).executeTakeFirst(),
  updatePerson: (db: Kysely<DB>, id: string, set: Partial<Selectable<PersonTable>>) =>
    db.updateTable('people').set(set).where('id', '=', id).execute(),

  /** Removes people an import created (with their history episodes, derived status history and import data). */
  deletePeople: async (db: Kysely<DB>, ids: string[]) => {
    for (const c of chunks(ids)) {
      await db.deleteFrom('person_status_history').where('person_id', 'in', c).execute();
      await db.deleteFrom('person_units').where('person_id', 'in', c).execute();
      await db.deleteFrom('episodes').where('person_id', 'in', c).execute();
      await db.deleteFrom('person_import_data').where('person_id', 'in', c).execute();
      await db.deleteFrom('people').where('id', 'in', c).execute();
    }
  },
};
