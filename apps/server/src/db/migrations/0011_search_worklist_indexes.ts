import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Found necessary by the national-scale benchmark (bench/README.md). Forward-only: never edit once landed.
//
// The work list (tasks.repo `mine`) walks a unit's open tasks of one role in (due_date, id) order and stops at
// its limit: the index ends with id so the walk needs no sort (it replaces tasks_unit_open, its prefix).
//
// An index for the people name search (bench/README.md: national search 60-100 ms → a few ms). The search
// matches each diacritics-free token as a substring of name_search or other_names_search (LIKE '%token%'),
// which no B-tree can serve.
//
// PostgreSQL: pg_trgm GIN indexes, which serve LIKE '%token%' directly (tokens of 3+ characters).
// SQLite: an FTS5 word index over the two columns (external content: the rows stay in `people`) and the
// vocabulary of those words (`people_name_words`, insert-only). A token expands to the known words that
// contain it, and the FTS5 query narrows the rows before the same LIKE filters check them, so results
// are those of the plain LIKE search. Triggers keep both current on every insert, update and delete,
// whoever writes the row (the product, an import, the benchmark generator).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('tasks_unit_open_due')
    .on('tasks')
    .columns(['unit_kind', 'unit_code', 'responsible_role', 'status', 'due_date', 'id'])
    .execute();
  // Its prefix serves every query the old one did (0004_pathways).
  await db.schema.dropIndex('tasks_unit_open').execute();
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`CREATE INDEX people_name_trgm ON people USING gin (name_search gin_trgm_ops)`.execute(db);
    await sql`CREATE INDEX people_other_names_trgm ON people USING gin (other_names_search gin_trgm_ops)`.execute(
      db,
    );
    return;
  }
  await sql`CREATE TABLE people_name_words (word text PRIMARY KEY) WITHOUT ROWID`.execute(db);
  await sql`CREATE VIRTUAL TABLE people_name_fts USING fts5(
    name_search, other_names_search, content='people', content_rowid='rowid', tokenize='unicode61', detail=none)`.execute(
    db,
  );
  // The words of a row: name_search holds only [a-z0-9 ] (normalizeVi) and other_names_search those names
  // joined by ' | ', so splitting on spaces is the tokenizer's split; anything else is left out rather than
  // risk malformed JSON.
  const text = (p: string) => `${p}.name_search || ' ' || coalesce(${p}.other_names_search, '')`;
  const wordArray = (p: string) =>
    `json_each(CASE WHEN (${text(p)}) GLOB '*[^a-z0-9 |]*' THEN '[]' ELSE '["' || replace(${text(p)}, ' ', '","') || '"]' END)`;
  const words = (p: string) => `SELECT value FROM ${wordArray(p)} WHERE value NOT IN ('', '|')`;
  await sql
    .raw(`CREATE TRIGGER people_name_ai AFTER INSERT ON people BEGIN
      INSERT INTO people_name_fts (rowid, name_search, other_names_search)
        VALUES (new.rowid, new.name_search, new.other_names_search);
      INSERT OR IGNORE INTO people_name_words (word) ${words('new')};
    END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER people_name_ad AFTER DELETE ON people BEGIN
      INSERT INTO people_name_fts (people_name_fts, rowid, name_search, other_names_search)
        VALUES ('delete', old.rowid, old.name_search, old.other_names_search);
    END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER people_name_au AFTER UPDATE OF name_search, other_names_search ON people BEGIN
      INSERT INTO people_name_fts (people_name_fts, rowid, name_search, other_names_search)
        VALUES ('delete', old.rowid, old.name_search, old.other_names_search);
      INSERT INTO people_name_fts (rowid, name_search, other_names_search)
        VALUES (new.rowid, new.name_search, new.other_names_search);
      INSERT OR IGNORE INTO people_name_words (word) ${words('new')};
    END`)
    .execute(db);
  await sql`INSERT INTO people_name_fts (people_name_fts) VALUES ('rebuild')`.execute(db);
  await sql
    .raw(
      `INSERT OR IGNORE INTO people_name_words (word)
        SELECT w.value FROM people p, ${wordArray('p')} w WHERE w.value NOT IN ('', '|')`,
    )
    .execute(db);
}
