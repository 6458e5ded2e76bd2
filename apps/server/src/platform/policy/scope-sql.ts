import { type SelectQueryBuilder, sql } from 'kysely';
import type { DossierScope } from './scope.ts';

// The unit scopes (scope.ts) as SQL: a repository names the columns that hold a row's province and commune,
// and the rows outside the scope never leave the database. People add their own kinds (facility, assigned)
// in people.repo.ts and pass the unit kinds here.

/** The columns of a table that place its rows in a province and a commune. */
export interface UnitColumns {
  province: string;
  commune: string;
}

/** Restricts a query to a unit scope: all, a province's rows, a commune's rows, or none. */
export function whereUnitScope<Q extends SelectQueryBuilder<any, any, any>>(
  qb: Q,
  scope: DossierScope,
  columns: UnitColumns,
): Q {
  switch (scope.kind) {
    case 'all':
      return qb;
    case 'province':
      return qb.where(sql<boolean>`${sql.ref(columns.province)} = ${scope.code}`) as Q;
    case 'commune':
      return qb.where(sql<boolean>`${sql.ref(columns.commune)} = ${scope.code}`) as Q;
    case 'none':
      return qb.where(sql<boolean>`1 = 0`) as Q;
  }
}
