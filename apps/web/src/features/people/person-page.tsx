import { Anchor, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { can, useSession } from '../../api/session.ts';
import type { Person } from '../../api/types.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { RecordTable } from '../../components/record-list.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useNeedsConnection } from '../../offline/needs-connection.tsx';
import { PersonSupport } from '../community/person-support.tsx';
import { PersonDeclarations } from '../pathways/declarations-section.tsx';
import { PersonMonitoring } from '../pathways/monitoring-section.tsx';
import { PersonPathways } from '../pathways/person-pathways.tsx';
import { IdentityNotice } from './break-glass.tsx';
import { usePerson } from './people-api.ts';
import { PEOPLE_EXPORT_NS } from './people-export-i18n.ts';
import { PersonSection } from './person-section.tsx';
import { StatusBadge } from './status-badge.tsx';

/** A label–value pair of a description list; absent values are not shown at all. */
function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

const addressLine = (
  a: { communeName: string | null; communeCode: string; detail?: string },
  province?: string | null,
) => [a.detail, a.communeName ?? a.communeCode, province].filter(Boolean).join(', ');

/**
 * Everything the API returns for this person. Fields the role may not read are absent from
 * the response and therefore simply not shown.
 */
export function PersonPage() {
  const { t } = useTranslation();
  const { t: tx } = useTranslation(PEOPLE_EXPORT_NS);
  const { id } = useParams();
  const me = useSession();
  const net = useNeedsConnection();
  const person = usePerson(id);
  usePageTitle(person.data?.fullName ?? '');

  if (person.isPending) return <InlineLoader />;
  if (person.isError) {
    const notFound = person.error instanceof ApiError && person.error.status === 404;
    return notFound ? (
      <Text role="alert">{t('person.notFound')}</Text>
    ) : (
      <ErrorState error={person.error} onRetry={() => person.refetch()} />
    );
  }
  const p: Person = person.data;
  return (
    <Stack>
      <Anchor component={Link} to="/people" size="sm">
        ← {t('common.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2" data-testid="person-name">
            {p.fullName}
          </Title>
          <Group gap="xs" data-testid="person-status">
            <StatusBadge status={p.status} />
          </Group>
        </Stack>
        <Group gap="xs">
          {net.offline ? (
            // [offline] The summary is made by the server: without a connection the button says why it waits.
            <Button variant="default" disabled title={net.why} data-testid="person-summary-pdf">
              {tx('printSummary')}
            </Button>
          ) : (
            <Button
              component="a"
              variant="default"
              href={`/api/people/${p.id}/summary`}
              target="_blank"
              rel="noopener"
              data-testid="person-summary-pdf"
            >
              {tx('printSummary')}
            </Button>
          )}
          {can(me, 'people.update') && (
            <Button component={Link} to={`/people/${p.id}/edit`}>
              {t('common.edit')}
            </Button>
          )}
        </Group>
      </Group>

      <IdentityNotice person={p} />

      <PersonSection title={t('person.sectionBasic')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} m={0}>
          {p.otherNames && p.otherNames.length > 0 && (
            <Field label={t('person.otherNames')}>{p.otherNames.join(', ')}</Field>
          )}
          <Field label={t('person.sex')}>{t(`person.${p.sex}`)}</Field>
          {p.birthDate ? (
            <Field label={t('person.birthDate')} testId="person-birth">
              {formatDate(p.birthDate)}
            </Field>
          ) : (
            <Field label={t('person.birthYear')} testId="person-birth">
              {p.birthYear}
            </Field>
          )}
          {p.citizenId !== undefined && <Field label={t('person.citizenId')}>{p.citizenId}</Field>}
          {p.ethnicity !== undefined && <Field label={t('person.ethnicity')}>{p.ethnicity}</Field>}
          {p.occupation !== undefined && <Field label={t('person.occupation')}>{p.occupation}</Field>}
          {p.phone !== undefined && (
            <Field label={t('person.phone')}>
              <Anchor href={`tel:${p.phone}`}>{p.phone}</Anchor>
            </Field>
          )}
        </SimpleGrid>
      </PersonSection>

      <PersonSection title={t('person.sectionAddress')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} m={0}>
          <Field label={t('person.currentAddress')} testId="person-current-address">
            {addressLine(p.currentAddress, p.currentAddress.provinceName)}
          </Field>
          {p.permanentAddress && (
            <Field label={t('person.permanentAddress')}>{addressLine(p.permanentAddress)}</Field>
          )}
        </SimpleGrid>
      </PersonSection>

      {p.familyContacts !== undefined && (
        <PersonSection title={t('person.sectionFamily')}>
          {p.familyContacts.length === 0 ? (
            <Text size="sm">{t('person.family.none')}</Text>
          ) : (
            <RecordTable
              head={[t('person.family.name'), t('person.family.relation'), t('person.family.phone')]}
            >
              {p.familyContacts.map((c) => (
                <Table.Tr key={`${c.name}|${c.relation}|${c.phone ?? ''}`}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.relation}</Table.Td>
                  <Table.Td>{c.phone ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </RecordTable>
          )}
        </PersonSection>
      )}

      <PersonPathways person={p} />

      <PersonMonitoring person={p} />

      <PersonDeclarations person={p} />

      <PersonSupport personId={p.id} />

      <PersonSection title={t('person.sectionRecord')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} m={0}>
          <Field label={t('person.createdAt')}>{formatDateTime(p.createdAt)}</Field>
          <Field label={t('person.updatedAt')}>{formatDateTime(p.updatedAt)}</Field>
          <Field label={t('person.version')}>{p.version}</Field>
        </SimpleGrid>
      </PersonSection>
    </Stack>
  );
}
