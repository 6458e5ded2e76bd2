import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { formatDate } from '../../i18n/format.ts';
import { type MyPerson, useMyPeople, useMyPerson } from './community-api.ts';
import { Section, todayIso, tx } from './community-kit.tsx';
import { LogContactForm } from './log-contact-form.tsx';

/** The allowed facts about one person: address, current pathway and dates, test due/done, next contact. */
function Facts({ p }: { p: MyPerson }) {
  const { t } = useTranslation('community');
  const address = [p.address.detail, p.address.communeName, p.address.provinceName]
    .filter(Boolean)
    .join(', ');
  const overdue = p.nextContactDate !== null && p.nextContactDate < todayIso();
  return (
    <Stack gap={4}>
      {address && (
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t('my.address')}:{' '}
          </Text>
          {address}
        </Text>
      )}
      <Text size="sm" data-testid="my-pathway">
        {p.pathway ? (
          <>
            {tx(p.pathway.label)} · {t('my.from', { date: formatDate(p.pathway.startDate) })}
            {p.pathway.plannedEndDate
              ? ` ${t('my.until', { date: formatDate(p.pathway.plannedEndDate) })}`
              : ''}
          </>
        ) : (
          <Text span c="dimmed" size="sm">
            {t('my.noPathway')}
          </Text>
        )}
      </Text>
      <Text size="sm">
        {p.drugTest.status === 'due'
          ? t('my.testDue', { date: formatDate(p.drugTest.dueDate) })
          : p.drugTest.status === 'done'
            ? t('my.testDone', { date: formatDate(p.drugTest.doneOn) })
            : t('my.testNone')}
      </Text>
      <Text size="sm" fw={600} c={overdue ? 'red.9' : undefined} data-testid="my-next-contact">
        {p.nextContactDate
          ? t('my.nextContactOn', { date: formatDate(p.nextContactDate) })
          : t('my.noNextContact')}
      </Text>
    </Stack>
  );
}

/** "Người tôi giúp đỡ": the volunteer's assigned people as large cards (phone first). */
export function MyPeoplePage() {
  const { t } = useTranslation('community');
  usePageTitle(t('my.title'));
  const q = useMyPeople();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('my.title')}
      </Title>
      {q.isPending ? (
        <InlineLoader />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.length === 0 ? (
        <Alert color="blue" data-testid="my-people-empty">
          {t('my.empty')}
        </Alert>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('my.intro')}
          </Text>
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="my-people">
            {q.data.map((p) => (
              <Card withBorder padding="md" component="li" key={p.id} data-testid="my-person-card">
                <Stack gap="xs">
                  <Anchor component={Link} to={`/community/my-people/${p.id}`} fw={700} size="lg">
                    {p.fullName}
                  </Anchor>
                  <Facts p={p} />
                  <Group gap="xs" grow>
                    <Button component={Link} to={`/community/my-people/${p.id}`} size="md">
                      {t('my.logContact')}
                    </Button>
                    {p.phone && (
                      <Button
                        component="a"
                        href={`tel:${p.phone}`}
                        variant="default"
                        size="md"
                        aria-label={`${t('common.call')} ${p.fullName} ${p.phone}`}
                      >
                        {t('common.call')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

/** One person's card for the volunteer: the allowed facts, "log a contact", and the volunteer's own notes. */
export function MyPersonPage() {
  const { t } = useTranslation('community');
  const { id = '' } = useParams();
  const q = useMyPerson(id);
  usePageTitle(q.data?.fullName ?? t('my.title'));
  if (q.isPending) return <InlineLoader />;
  if (q.isError)
    return q.error instanceof ApiError && q.error.status === 404 ? (
      <Alert color="gray" role="alert">
        {t('my.notFound')}
      </Alert>
    ) : (
      <ErrorState error={q.error} onRetry={() => q.refetch()} />
    );
  const p = q.data;
  return (
    <Stack>
      <Anchor component={Link} to="/community/my-people" size="sm">
        ← {t('common.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1} size="h2" data-testid="my-person-name">
          {p.fullName}
        </Title>
        {p.phone && (
          <Anchor href={`tel:${p.phone}`} size="lg">
            {p.phone}
          </Anchor>
        )}
        <Facts p={p} />
      </Stack>
      <Section title={t('log.title')}>
        <LogContactForm personId={p.id} personName={p.fullName} />
      </Section>
      <Section title={t('my.notes')}>
        {p.notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('my.notesEmpty')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="my-notes">
            {p.notes.map((n) => (
              <li key={n.id}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {formatDate(n.contactDate)}
                  </Text>
                  <Badge variant="light" color="blue">
                    {t(`kind.${n.kind}`)}
                  </Badge>
                  <Text size="sm">{t(`outcome.${n.outcome}`)}</Text>
                </Group>
                {n.note && <Text size="sm">{n.note}</Text>}
              </li>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
