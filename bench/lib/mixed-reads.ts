/** The four kinds of the mixed reads: a name search, a person page, the work list, the people list. */
export type Kind = 'search' | 'person' | 'worklist' | 'list';

/**
 * The URL of the `i`-th read of a kind, over a commune officer's sample of people (each with the name words
 * searched: the last word of their name).
 */
export function readUrl(people: { id: string; name_search: string }[]) {
  const pick = (i: number) => people[i % people.length]!;
  return (kind: Kind, i: number) =>
    kind === 'search'
      ? `/api/people?q=${encodeURIComponent(pick(i).name_search.split(' ').at(-1)!)}`
      : kind === 'person'
        ? `/api/people/${pick(i).id}`
        : kind === 'worklist'
          ? '/api/tasks/mine'
          : '/api/people?limit=20';
}
