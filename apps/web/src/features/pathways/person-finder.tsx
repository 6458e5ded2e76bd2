import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { call, client } from '../../api/client.ts';
import type { Person } from '../../api/types.ts';

/**
 * Finding people to add to a paper (a decision, a dossier) by name: the search text, then the people found (8 at
 * most, from the second letter on) that are not on it yet, each with its "add" button. `purpose` keeps each
 * form's answers apart in the cache.
 */
type FinderProps = {
  purpose: string;
  enabled?: boolean;
  label: string;
  error?: string;
  testId: string;
  /** The ids already on the paper (left out of the results). */
  onList: string[];
  onAdd: (p: Person) => void;
  texts: { noMatch: string; add: string };
};

export function PersonFinder({
  purpose,
  enabled = true,
  label,
  error,
  testId,
  onList,
  onAdd,
  texts,
}: FinderProps) {
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: ['people', 'search', { q, limit: 8, purpose }],
    queryFn: () => call(client.GET('/api/people', { params: { query: { q, limit: 8 } } })),
    enabled: enabled && q.trim().length >= 2,
  });
  const results = (search.data?.items ?? []).filter((p) => !onList.includes(p.id));
  return (
    <>
      <TextInput
        label={label}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        error={error}
        autoComplete="off"
      />
      {q.trim().length >= 2 && search.data && (
        <Stack gap={4} data-testid={testId}>
          {results.length === 0 ? (
            <Text size="sm">{texts.noMatch}</Text>
          ) : (
            results.map((p) => (
              <Group key={p.id} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {p.fullName} ({p.birthYear}) —{' '}
                  {p.currentAddress.communeName ?? p.currentAddress.communeCode}
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => {
                    onAdd(p);
                    setQ('');
                  }}
                  aria-label={`${texts.add}: ${p.fullName}`}
                >
                  {texts.add}
                </Button>
              </Group>
            ))
          )}
        </Stack>
      )}
    </>
  );
}

type Pickable = { id: string; fullName: string; birthYear: number };

/**
 * The people on a paper (a decision, a dossier): the finder that adds a person (once), how many there are, and a
 * card per person with its remove button and what the paper asks of that person (`children`).
 */
export function PickedPeople<P extends Pickable>({
  picked,
  onChange,
  make,
  count,
  removeLabel,
  cardTestId,
  numbered = false,
  children,
  ...finder
}: Omit<FinderProps, 'onList' | 'onAdd'> & {
  picked: P[];
  onChange: (picked: P[]) => void;
  /** A found person's entry on the paper (with the paper's defaults). */
  make: (p: Person) => P;
  /** "2 people", above the cards. */
  count: string;
  removeLabel: (name: string) => string;
  cardTestId: string;
  /** The cards say each person's place on the paper (1., 2.…). */
  numbered?: boolean;
  children?: (p: P, i: number) => ReactNode;
}) {
  const add = (p: Person) => {
    if (!picked.some((x) => x.id === p.id)) onChange([...picked, make(p)]);
  };
  return (
    <>
      <PersonFinder {...finder} onList={picked.map((p) => p.id)} onAdd={add} />
      <Text fw={600} size="sm">
        {count}
      </Text>
      {picked.map((p, i) => {
        const asked = children?.(p, i);
        return (
          <Paper key={p.id} withBorder p="sm" data-testid={cardTestId}>
            <Group justify="space-between" wrap="nowrap" mb={asked ? 'xs' : undefined}>
              <Text fw={600} size="sm">
                {numbered && `${i + 1}. `}
                {p.fullName} ({p.birthYear})
              </Text>
              <ActionIcon
                variant="subtle"
                color="red.9"
                aria-label={removeLabel(p.fullName)}
                onClick={() => onChange(picked.filter((x) => x.id !== p.id))}
              >
                ×
              </ActionIcon>
            </Group>
            {asked}
          </Paper>
        );
      })}
    </>
  );
}
