import { type Kysely, SqliteAdapter, sql } from 'kysely';

// PostgreSQL name search as fast as SQLite's (issue 17). Forward-only: never edit once landed.
//
// 0011 gave PostgreSQL pg_trgm indexes, which serve LIKE '%token%' only for tokens of three characters or more
// and fetch every row of a common token ("nguyen": ~80,000 people at national scale). SQLite's path is kept
// here in PostgreSQL's terms: the vocabulary of name words (`people_name_words`, insert-only, kept by a
// trigger whoever writes the row) expands a token to the words that contain it, and a GIN index over the
// words of each row (`to_tsvector('simple', …)`, the expression people.repo.ts queries) narrows the rows
// before the same LIKE filters decide. So the answers stay those of the plain LIKE search.
// SQLite already has all of this (0011): nothing to do there.
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`CREATE TABLE people_name_words (word text PRIMARY KEY)`.execute(db);
  // name_search holds only [a-z0-9 ] (normalizeVi) and other_names_search those names joined by ' | ', so the
  // words are the space-separated parts other than '' and '|'.
  await sql
    .raw(`CREATE FUNCTION people_name_words_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO people_name_words (word)
          SELECT DISTINCT w FROM unnest(string_to_array(NEW.name_search || ' ' || coalesce(NEW.other_names_search, ''), ' ')) AS w
          WHERE w NOT IN ('', '|')
          ON CONFLICT (word) DO NOTHING;
        RETURN NULL;
      END $$`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER people_name_words_ai AFTER INSERT ON people
      FOR EACH ROW EXECUTE FUNCTION people_name_words_keep()`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER people_name_words_au AFTER UPDATE OF name_search, other_names_search ON people
      FOR EACH ROW EXECUTE FUNCTION people_name_words_keep()`)
    .execute(db);
  await sql
    .raw(`INSERT INTO people_name_words (word)
      SELECT DISTINCT w FROM people p,
        unnest(string_to_array(p.name_search || ' ' || coalesce(p.other_names_search, ''), ' ')) AS w
      WHERE w NOT IN ('', '|')
      ON CONFLICT (word) DO NOTHING`)
    .execute(db);
  await sql
    .raw(`CREATE INDEX people_name_words_tsv ON people
      USING gin (to_tsvector('simple'::regconfig, name_search || ' ' || coalesce(other_names_search, '')))`)
    .execute(db);
  await sql`ANALYZE people`.execute(db);
  await sql`ANALYZE people_name_words`.execute(db);
}
