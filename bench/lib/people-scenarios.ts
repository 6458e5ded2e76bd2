import type { Scenario } from './run-support.ts';

// The people scenarios of bench/run.ts: searches (with and without diacritics, by citizen id, in a commune), a
// province's list, a person's page and timeline, the work list and a drug test written by the commune police.

/** One scenario per request kind; `sample` are people to look up, `local` people of the busiest commune. */
export function peopleScenarios(
  sample: any[],
  local: { id: string }[],
  asOf: string,
  targets: Record<string, number>,
): Scenario[] {
  const pickName = (i: number) => sample[i % sample.length];
  return [
    {
      name: 'search_diacritics_national',
      user: 'national',
      method: 'GET',
      path: (i) => `/api/people?q=${encodeURIComponent(pickName(i).full_name)}`,
      target: targets.search,
      throughput: true,
    },
    {
      name: 'search_plain_national',
      user: 'national',
      method: 'GET',
      path: (i) => `/api/people?q=${encodeURIComponent(pickName(i).name_search)}`,
      target: targets.search,
    },
    {
      name: 'search_citizen_id_national',
      user: 'national',
      method: 'GET',
      path: (i) => `/api/people?q=${pickName(i).citizen_id}`,
      target: targets.search,
    },
    {
      name: 'search_plain_commune',
      user: 'commune',
      method: 'GET',
      path: (i) => `/api/people?q=${encodeURIComponent(pickName(i).name_search.split(' ')[0])}`,
      target: targets.search,
    },
    {
      name: 'list_province',
      user: 'province',
      method: 'GET',
      path: () => '/api/people?limit=20',
      target: targets.search,
    },
    {
      name: 'person_page',
      user: 'national',
      method: 'GET',
      path: (i) => `/api/people/${pickName(i).id}`,
      target: targets.person,
      throughput: true,
    },
    {
      name: 'person_timeline',
      user: 'national',
      method: 'GET',
      path: (i) => `/api/people/${pickName(i).id}/timeline`,
      target: targets.person,
      throughput: true,
    },
    {
      name: 'worklist_commune_officer',
      user: 'commune',
      method: 'GET',
      path: () => '/api/tasks/mine',
      target: targets.worklist,
      throughput: true,
    },
    {
      name: 'create_drug_test',
      user: 'police',
      method: 'POST',
      path: (i) => `/api/people/${local[i % local.length].id}/drug-tests`,
      body: () => ({
        testedOn: asOf,
        method: 'rapid_urine',
        reason: 'routine',
        performedBy: 'Công an xã (benchmark)',
        results: [{ substance: 'heroin', result: 'negative' }],
      }),
      target: targets.write,
      throughput: true,
    },
  ];
}
