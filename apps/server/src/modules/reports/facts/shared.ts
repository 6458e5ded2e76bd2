import type { ReportGrouping } from '@hoanhap/domain/report-grouping';
import { type RawBuilder, sql } from 'kysely';

// What every block's facts query shares (see blocks.repo.ts): the period, the unit, the person's columns, and
// the dated conditions several blocks use.

/**
 * How a period's records are grouped into units: by today's units (default: a person's current commune, and an
 * abolished commune's own records in the commune it was merged into), or by the units of the period (a person's
 * commune at the period's end, from person_units; a record's own unit as recorded).
 */
export type Grouping = ReportGrouping;
export type Range = { from: string; to: string; grouping?: Grouping };
export type Params = Record<string, string>;
export type Facts = (r: Range, p: Params) => RawBuilder<unknown>;

/** The viewer-chosen unit a figure is computed for. */
export type UnitFilter =
  | { kind: 'nation' }
  | { kind: 'province'; code: string }
  /** `merged`: communes merged into it (today's units count their own records in it). */
  | { kind: 'commune'; code: string; merged?: readonly string[] }
  | { kind: 'facility'; id: string }
  /** A province officer's named set of communes (modules/areas): the records of its communes. */
  | { kind: 'area'; id: string; province: string; communes: readonly string[] };

export type GroupBy =
  | 'commune'
  | 'province'
  | 'facility'
  | 'sex'
  | 'birth_year'
  | 'substance'
  | 'legal_basis';

export const PERSON_COLS = sql`p.id as pid, p.cur_commune_code as commune, p.province_code as province, p.sex as sex, p.birth_year as birth_year`;

export const active = (e: string, r: Range, atEnd: boolean) =>
  atEnd
    ? sql`${sql.ref(`${e}.start_date`)} <= ${r.to} and ((${sql.ref(`${e}.actual_end`)} is null and ${sql.ref(`${e}.outcome`)} is null) or ${sql.ref(`${e}.actual_end`)} > ${r.to})`
    : sql`${sql.ref(`${e}.start_date`)} <= ${r.to} and ((${sql.ref(`${e}.actual_end`)} is null and ${sql.ref(`${e}.outcome`)} is null) or ${sql.ref(`${e}.actual_end`)} >= ${r.from})`;

export const episodeFacts =
  (cond: (r: Range) => RawBuilder<unknown>, date: string, extra: RawBuilder<unknown> = sql`1 = 1`): Facts =>
  (r, p) =>
    sql`
    select e.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, ${sql.ref(`e.${date}`)} as dt, 1 as qty
    from episodes e join people p on p.id = e.person_id
    where e.type = ${p.type ?? ''} and ${cond(r)} and ${extra}`;

// A person's status (and facility) as of a date, from the dated history the status code keeps
// (person_status_history: valid_from inclusive, valid_to exclusive, null while it lasts): never today's status.
export const spanOn = (h: string, day: string) =>
  sql`${sql.ref(`${h}.valid_from`)} <= ${day} and (${sql.ref(`${h}.valid_to`)} is null or ${sql.ref(`${h}.valid_to`)} > ${day})`;
export const historyStatusIs = (h: string, status: string | undefined) =>
  !status || status === 'any' ? sql`1 = 1` : sql`${sql.ref(`${h}.status`)} = ${status}`;

export const addictedBy = (to: string) => sql`exists (select 1 from addiction_determinations ad
  where ad.person_id = p.id and ad.addicted = 1 and ad.assessed_on <= ${to})`;
