import { Alert, Anchor, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate, Person } from '../../api/types.ts';
import { RecordTable } from '../../components/record-list.tsx';
import { comparable, type PersonFormValues, valuesFromPerson } from './person-form-values.ts';

/** 409 duplicate_citizen_id: the message, and a link to the record that has the number when we may see it. */
export function DuplicateCitizenIdAlert({
  detail,
  existing,
}: {
  detail: string;
  existing?: { id: string; fullName: string };
}) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('person.duplicateCitizenId')} role="alert" data-testid="duplicate-citizen-id">
      <Stack gap="xs">
        <Text size="sm">{detail}</Text>
        {existing && (
          <Anchor component={Link} to={`/people/${existing.id}`} size="sm">
            {t('person.viewExisting')}: {existing.fullName}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}

/** 409 possible_duplicate: the candidates we may see, and a way to save anyway. */
export function PossibleDuplicateAlert({
  detail,
  candidates,
  candidateCount,
  onConfirm,
  busy,
}: {
  detail: string;
  candidates: DuplicateCandidate[];
  candidateCount: number;
  onConfirm: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const hidden = candidateCount - candidates.length;
  return (
    <Alert color="orange" title={t('person.possibleDuplicate')} role="alert" data-testid="possible-duplicate">
      <Stack gap="xs">
        <Text size="sm">{detail}</Text>
        {candidates.length > 0 && (
          <List size="sm">
            {candidates.map((c) => (
              <List.Item key={c.id}>
                <Anchor component={Link} to={`/people/${c.id}`} target="_blank" rel="noopener">
                  {c.fullName}
                </Anchor>{' '}
                ({c.birthYear}
                {c.communeName ? `, ${c.communeName}` : ''})
              </List.Item>
            ))}
          </List>
        )}
        {hidden > 0 && <Text size="sm">{t('person.otherUnitsCount', { count: hidden })}</Text>}
        <Group>
          <Button color="orange.9" onClick={onConfirm} loading={busy}>
            {t('person.confirmDifferent')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * 409 stale_version: what differs between the version saved meanwhile and what the user typed,
 * with the choice to take the latest version or to save the user's values over it.
 */
export function StaleVersionPanel({
  detail,
  current,
  mine,
  onReload,
  onReapply,
  busy,
}: {
  detail: string;
  current: Person;
  mine: PersonFormValues;
  onReload: () => void;
  onReapply: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const theirs = comparable(valuesFromPerson(current), t);
  const ours = comparable(mine, t);
  const diffs = theirs
    .map(([label, value], i) => ({ label, theirs: value, mine: ours[i][1] }))
    .filter((d) => d.theirs !== d.mine);
  return (
    <Alert color="orange" title={t('person.staleTitle')} role="alert" data-testid="stale-version">
      <Stack gap="sm">
        <Text size="sm">{detail}</Text>
        {diffs.length ? (
          <RecordTable
            withTableBorder
            withColumnBorders
            bg="white"
            head={[t('person.staleField'), t('person.staleTheirs'), t('person.staleMine')]}
          >
            {diffs.map((d) => (
              <Table.Tr key={d.label}>
                <Table.Th scope="row">{d.label}</Table.Th>
                <Table.Td>{d.theirs || t('common.none')}</Table.Td>
                <Table.Td>{d.mine || t('common.none')}</Table.Td>
              </Table.Tr>
            ))}
          </RecordTable>
        ) : (
          <Text size="sm">{t('person.staleNoDiff')}</Text>
        )}
        <Group>
          <Button variant="default" onClick={onReload}>
            {t('person.staleReload')}
          </Button>
          <Button color="orange.9" onClick={onReapply} loading={busy}>
            {t('person.staleReapply')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
