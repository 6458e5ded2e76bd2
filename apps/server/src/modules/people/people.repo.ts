import { type Kysely, type Selectable, type SelectQueryBuilder, SqliteAdapter, sql } from 'kysely';
import { compiledOnce } from '../../db/compiled-once.ts';
import type { DB, PersonTable } from '../../db/schema.ts';
import { type PersonScope, whereUnitScope } from '../../platform/policy.ts';
import { updateIfVersion } from '../shared/record-queries.repo.ts';
import { unitsInForce } from '../shared/units-in-force.repo.ts';
import { currentUnitNames } from './unit-names.ts';

export type PersonRow = Selectable<PersonTable>;

/** Restricts a query on `people` to the actor's scope, in SQL, so out-of-scope rows never leave the database. */
export function whereInScope<O>(qb: SelectQueryBuilder<DB, 'people', O>, scope: PersonScope) {
  switch (scope.kind) {
    case 'facility':
      return qb.where('people.current_facility_id', '=', scope.id);
    case 'assigned':
      return qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('volunteer_assignments as va')
            .select('va.id')
            .whereRef('va.person_id', '=', 'people.id')
            .where('va.user_id', '=', scope.userId)
            .where('va.ended_at', 'is', null),
        ),
      );
    default:
      return whereUnitScope(qb, scope, {
        province: 'people.province_code',
        commune: 'people.cur_commune_code',
      });
  }
}

/** The value a scope carries (its code, facility or user; none for all and none), for `compiledOnce`. */
export const scopeValues = (s: PersonScope): unknown[] =>
  s.kind === 'province' || s.kind === 'commune'
    ? [s.code]
    : s.kind === 'facility'
      ? [s.id]
      : s.kind === 'assigned'
        ? [s.userId]
        : [];

/** The same kind of scope carrying `values` (markers while `compiledOnce` compiles its shape). */
export const scopeHolding = (s: PersonScope, values: readonly unknown[]): PersonScope =>
  s.kind === 'province' || s.kind === 'commune'
    ? { kind: s.kind, code: values[0] as string }
    : s.kind === 'facility'
      ? { kind: 'facility', id: values[0] as string }
      : s.kind === 'assigned'
        ? { kind: 'assigned', userId: values[0] as string }
        : s;

export type PeopleSearch = {
  q?: string;
  tokens: string[];
  citizenId?: string;
  communeCode?: string;
  status?: string;
  limit: number;
  offset: number;
};

/** How the name tokens narrow the rows through an index before the LIKE filters decide (see nameNarrowing). */
type NameNarrowing = { sqliteFts: string } | { postgresTsquery: string; exactTokens: Set<string> } | null;

/** The words of a row as PostgreSQL's GIN index holds them (0039_pg_name_words): the same expression. */
const pgNameWords = sql`to_tsvector('simple'::regconfig, people.name_search || ' ' || coalesce(people.other_names_search, ''))`;

function searchQuery(
  db: Kysely<DB>,
  scope: PersonScope,
  s: PeopleSearch,
  narrowing: NameNarrowing,
  // The LIKE pattern of each token (`%token%`), or what stands for it while `compiledOnce` compiles the shape.
  likes: readonly unknown[] = s.tokens.map((t) => `%${t}%`),
) {
  let qb = whereInScope(db.selectFrom('people'), scope);
  if (s.citizenId) qb = qb.where('people.citizen_id', '=', s.citizenId);
  // The word index narrows the rows first (SQLite FTS5: 0011; PostgreSQL GIN over to_tsvector: 0039); the LIKE
  // filters below still decide, so the result is the same with or without it.
  if (narrowing && 'sqliteFts' in narrowing)
    qb = qb.where(
      sql<boolean>`people.rowid in (select rowid from people_name_fts where people_name_fts match ${narrowing.sqliteFts})`,
    );
  if (narrowing && 'postgresTsquery' in narrowing)
    qb = qb.where(
      sql<boolean>`${pgNameWords} @@ to_tsquery('simple'::regconfig, ${narrowing.postgresTsquery})`,
    );
  // PostgreSQL, a commune's or facility's few people: the LIKE goes on `col || ''` so that the planner walks
  // the scope's covering index (0012) instead of intersecting with the trigram index of a common token
  // (commune count 15 → ~2 ms; the trigram index would fetch 80,000 entries for "nguyen").
  const small =
    !(db.getExecutor().adapter instanceof SqliteAdapter) && scope.kind !== 'all' && scope.kind !== 'province';
  const name = small ? sql<string>`(people.name_search || '')` : sql<string>`people.name_search`;
  const other = small
    ? sql<string>`(people.other_names_search || '')`
    : sql<string>`people.other_names_search`;
  // Tokens come from normalizeVi, so they hold only [a-z0-9]: no LIKE wildcards to escape.
  // PostgreSQL: a token whose every containing word went into the tsquery needs no LIKE: a token has no space
  // or '|', so it is a substring of the names exactly when it is inside one of their words, and the tsquery
  // holds all the words that contain it (the vocabulary has every word of every row). Leaving the LIKE out
  // lets the count read the GIN index alone instead of every matching row.
  const exact = narrowing && 'exactTokens' in narrowing ? narrowing.exactTokens : new Set<string>();
  for (const [i, t] of s.tokens.entries()) {
    if (exact.has(t)) continue;
    const like = likes[i] as string;
    qb = qb.where((eb) => eb.or([eb(name, 'like', like), eb(other, 'like', like)]));
  }
  if (s.communeCode) qb = qb.where('people.cur_commune_code', '=', s.communeCode);
  if (s.status) qb = qb.where('people.status', '=', s.status);
  return qb;
}

/** A name search counts its matches up to this many (see peopleRepo.search). */
export const SEARCH_TOTAL_CAP = 1000;

/** A token that expands to more words than this narrows too little to be worth an OR over them. */
const MAX_WORDS_PER_TOKEN = 40;

/**
 * The word-index query for the name tokens, each token becoming the known words that contain it
 * (`people_name_words`, on both databases): an FTS5 MATCH on SQLite, a tsquery on PostgreSQL. Null when no
 * token narrows enough (or the scope is already small: a commune's or a facility's people are few and their own
 * index is the faster path), 'none' when a token is in no stored name at all (the search has no result).
 */
async function nameNarrowing(
  db: Kysely<DB>,
  scope: PersonScope,
  tokens: string[],
): Promise<NameNarrowing | 'none'> {
  if (tokens.length === 0) return null;
  if (scope.kind !== 'all' && scope.kind !== 'province') return null;
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const parts: string[][] = [];
  const exactTokens = new Set<string>();
  const wordsOf = await tokenWords(db, sqlite, tokens);
  for (const t of tokens) {
    const words = wordsOf.get(t) ?? [];
    if (words.length === 0) return 'none';
    // Only plain words go into the query text (a stored word is [a-z0-9] by normalizeVi; anything else would
    // need quoting rules of its own, so such a token is simply not narrowed).
    if (words.length <= MAX_WORDS_PER_TOKEN && words.every((w) => /^[a-z0-9]+$/.test(w.word))) {
      parts.push(words.map((w) => w.word));
      exactTokens.add(t);
    }
  }
  if (parts.length === 0) return null;
  return sqlite
    ? { sqliteFts: parts.map((ws) => `(${ws.map((w) => `"${w}"`).join(' OR ')})`).join(' AND ') }
    : { postgresTsquery: parts.map((ws) => `(${ws.join(' | ')})`).join(' & '), exactTokens };
}

/**
 * The known words containing each token (at most MAX_WORDS_PER_TOKEN + 1 each). PostgreSQL: one statement for
 * all the tokens (a round trip each was most of a three-word search's fixed cost); SQLite: one in-process
 * statement per token.
 */
async function tokenWords(db: Kysely<DB>, sqlite: boolean, tokens: string[]) {
  const out = new Map<string, { word: string }[]>();
  const distinct = [...new Set(tokens)];
  if (sqlite) {
    for (const t of distinct)
      out.set(
        t,
        await db
          .selectFrom('people_name_words')
          .select('word')
          .where('word', 'like', `%${t}%`)
          .limit(MAX_WORDS_PER_TOKEN + 1)
          .execute(),
      );
    return out;
  }
  const { rows } = await sql<{ token: string; word: string }>`select t.token, w.word
    from unnest(${distinct}::text[]) as t(token)
    cross join lateral (
      select word from people_name_words where word like '%' || t.token || '%' limit ${MAX_WORDS_PER_TOKEN + 1}
    ) as w`.execute(db);
  for (const r of rows) {
    const list = out.get(r.token) ?? [];
    list.push({ word: r.word });
    out.set(r.token, list);
  }
  return out;
}

export const peopleRepo = {
  /**
   * A page of the people matching the search, in name order, and how many match. A name search counts at most
   * SEARCH_TOTAL_CAP (`totalCapped` says there are more): past that count nobody pages, the list asks for more
   * words, and counting every "Nguyễn" of the country would cost more than the page itself.
   */
  search: async (
    db: Kysely<DB>,
    scope: PersonScope,
    s: PeopleSearch,
  ): Promise<{ rows: PersonRow[]; total: number; totalCapped: boolean }> => {
    const narrowing = await nameNarrowing(db, scope, s.tokens);
    if (narrowing === 'none') return { rows: [], total: 0, totalCapped: false };
    // Built (once) only on the paths that are not compiled once (below).
    let built: ReturnType<typeof searchQuery> | undefined;
    const baseOf = () => (built ??= searchQuery(db, scope, s, narrowing));
    const capped = s.tokens.length > 0;
    const countOf = (b: ReturnType<typeof baseOf>) =>
      capped
        ? db
            .selectFrom(
              b
                .select(sql<number>`1`.as('one'))
                .limit(SEARCH_TOTAL_CAP + 1)
                .as('c'),
            )
            .select((eb) => eb.fn.countAll().as('n'))
        : b.select((eb) => eb.fn.countAll().as('n'));
    const count = async () => Number((await countOf(baseOf()).executeTakeFirstOrThrow()).n);
    const answer = (rows: PersonRow[], n: number) =>
      capped && n > SEARCH_TOTAL_CAP
        ? { rows, total: SEARCH_TOTAL_CAP, totalCapped: true }
        : { rows, total: n, totalCapped: false };
    if (narrowing && 'postgresTsquery' in narrowing) {
      // Narrowed by the GIN word index: its matches are collected first (MATERIALIZED, so the planner cannot turn
      // it into a walk of the name index that computes every row's words: 1 s for "nguyen"), sorted by name, and
      // the page's rows read by id. The work grows with the matches, not with the country.
      const page = db
        .with(
          (cte) => cte('m').materialized(),
          () => baseOf().select(['people.id as k_id', 'people.name_search as k_name']),
        )
        .selectFrom((eb) =>
          eb
            .selectFrom('m')
            .select(['m.k_id', 'm.k_name'])
            .orderBy('m.k_name')
            .orderBy('m.k_id')
            .limit(s.limit)
            .offset(s.offset)
            .as('k'),
        )
        .innerJoin('people', 'people.id', 'k.k_id')
        .selectAll('people')
        .orderBy('k.k_name')
        .orderBy('k.k_id');
      const [rows, total] = await Promise.all([page.execute(), count()]);
      return answer(rows, total);
    }
    if (!narrowing) {
      // Walked in index order (people_name_cover, or 0012's per-commune/province covering indexes): the page
      // stops after its rows and the count reads the index alone. The everyday search and list of a commune's
      // people: both statements compiled once per shape (db/compiled-once.ts) — the scope's kind, the number
      // of tokens, which filters are given.
      const sv = scopeValues(scope);
      const likes = s.tokens.map((t) => `%${t}%`);
      const filters = [s.citizenId, s.communeCode, s.status];
      // A filter is applied when given and not empty (searchQuery's `if`): the shape follows the same test.
      const values = [...sv, ...likes, ...filters.filter(Boolean)];
      const shape = `${scope.kind}|${likes.length}|${filters.map((f) => (f ? 1 : 0)).join('')}`;
      const heldBase = (v: readonly unknown[]) => {
        let next = sv.length + likes.length;
        const [citizenId, communeCode, status] = filters.map((f) => (f ? (v[next++] as string) : undefined));
        const held = { ...s, citizenId, communeCode, status };
        return searchQuery(
          db,
          scopeHolding(scope, v),
          held,
          null,
          v.slice(sv.length, sv.length + likes.length),
        );
      };
      const [rows, n] = await Promise.all([
        compiledOnce(db, `people.search.page|${shape}`, [...values, s.limit, s.offset], (v) =>
          heldBase(v)
            .selectAll('people')
            .orderBy('people.name_search')
            .orderBy('people.id')
            .limit(v.at(-2) as number)
            .offset(v.at(-1) as number),
        ),
        compiledOnce(db, `people.search.count|${shape}`, values, (v) => countOf(heldBase(v))),
      ]);
      return answer(rows as PersonRow[], Number(n[0]!.n));
    }
    // Narrowed by the FTS5 index: the page's keys and the total in one pass (a window count that sorts only
    // rowid, name and id), then the page's rows by rowid.
    const keys = baseOf()
      .select([
        sql<number>`people.rowid`.as('rid'),
        'people.name_search as k_name',
        'people.id as k_id',
        sql<number>`count(*) over ()`.as('search_total'),
      ])
      .orderBy('people.name_search')
      .orderBy('people.id')
      .limit(s.limit)
      .offset(s.offset);
    const rows = await db
      .selectFrom(keys.as('m'))
      .innerJoin('people', (j) => j.on(sql<boolean>`people.rowid = m.rid`))
      .selectAll('people')
      .select('m.search_total')
      .orderBy('m.k_name')
      .orderBy('m.k_id')
      .execute();
    // A page past the end has no row to carry the total.
    const total = rows.length ? Number(rows[0].search_total) : s.offset > 0 ? await count() : 0;
    return answer(
      rows.map(({ search_total: _, ...r }) => r as PersonRow),
      total,
    );
  },
  /**
   * PostgreSQL: fills the vocabulary of name words from every row (as migration 0039 does), for a bulk load that
   * ran with triggers off (the benchmark generator's replica mode). SQLite's FTS5 triggers stay on for its loads.
   */
  rebuildNameWords: async (db: Kysely<DB>) => {
    if (db.getExecutor().adapter instanceof SqliteAdapter) return;
    await sql`INSERT INTO people_name_words (word)
      SELECT DISTINCT w FROM people p,
        unnest(string_to_array(p.name_search || ' ' || coalesce(p.other_names_search, ''), ' ')) AS w
      WHERE w NOT IN ('', '|')
      ON CONFLICT (word) DO NOTHING`.execute(db);
  },
  // Every person page: compiled once per kind of scope (db/compiled-once.ts).
  findInScope: async (db: Kysely<DB>, scope: PersonScope, id: string) => {
    const sv = scopeValues(scope);
    const rows = await compiledOnce(db, `people.findInScope|${scope.kind}`, [...sv, id], (v) =>
      whereInScope(db.selectFrom('people'), scopeHolding(scope, v))
        .selectAll('people')
        .where('people.id', '=', v[sv.length] as string),
    );
    return rows[0];
  },
  findById: (db: Kysely<DB>, id: string) =>
    db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst(),
  findByCitizenId: (db: Kysely<DB>, citizenId: string) =>
    db.selectFrom('people').selectAll().where('citizen_id', '=', citizenId).executeTakeFirst(),
  findPossibleDuplicates: (
    db: Kysely<DB>,
    p: {
      nameSearch: string;
      birthYear: number;
      birthDate: string | null;
      provinceCode: string;
      excludeId?: string;
    },
  ) => {
    let qb = db
      .selectFrom('people')
      .selectAll()
      .where('province_code', '=', p.provinceCode)
      .where('name_search', '=', p.nameSearch)
      .where('birth_year', '=', p.birthYear);
    // A known full date that differs means a different person; a year-only record may still match.
    if (p.birthDate)
      qb = qb.where((eb) => eb.or([eb('birth_date', 'is', null), eb('birth_date', '=', p.birthDate)]));
    if (p.excludeId) qb = qb.where('id', '!=', p.excludeId);
    return qb.limit(10).execute();
  },
  insert: (db: Kysely<DB>, row: PersonRow) => db.insertInto('people').values(row).execute(),
  /** Version-checked update; false when someone else changed the row first. */
  updateVersioned: (db: Kysely<DB>, id: string, version: number, patch: Partial<PersonRow>) =>
    updateIfVersion(db, 'people', id, version, patch),
  communeProvince: async (db: Kysely<DB>, communeCode: string) =>
    (await unitsInForce(db, 'commune')
      .select(['province_code', 'name'])
      .where('code', '=', communeCode)
      .executeTakeFirst()) ?? null,
  /** `level:code` → name of the current units among `codes` (from memory outside a transaction: unit-names.ts). */
  unitNames: async (db: Kysely<DB>, codes: string[]) => {
    if (codes.length === 0) return new Map<string, string>();
    const all = await currentUnitNames(db);
    if (all) {
      const out = new Map<string, string>();
      for (const code of codes) for (const [key, name] of all.get(code) ?? []) out.set(key, name);
      return out;
    }
    const rows = await unitsInForce(db)
      .select(['code', 'name', 'level'])
      .where('code', 'in', [...new Set(codes)])
      .execute();
    return new Map(rows.map((r) => [`${r.level}:${r.code}`, r.name]));
  },
};
