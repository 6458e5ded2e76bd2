import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call, client } from '../../api/client.ts';
import type { Person } from '../../api/types.ts';

/**
 * Finding people to add to a paper (a decision, a dossier) by name: the search text, then the people found (8 at
 * most, from the second letter on) that are not on it yet, each with its "add" button. `purpose` keeps each
 * form's answers apart in the cache.
 */
export function PersonFinder({
  purpose,
  enabled = true,
  label,
  error,
  testId,
  onList,
  onAdd,
  texts,
}: {
  purpose: string;
  enabled?: boolean;
  label: string;
  error?: string;
  testId: string;
  /** The ids already on the paper (left out of the results). */
  onList: string[];
  onAdd: (p: Person) => void;
  texts: { noMatch: string; add: string };
}) {
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
