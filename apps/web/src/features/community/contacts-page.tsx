import { CONTACT_KINDS } from '@hoanhap/domain/community-rules';
import { Anchor, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, client } from '../../api/client.ts';
import type { operations, Schemas } from '../../api/schema.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { DateField } from '../../components/date-field.tsx';
import { PageTitle, QueryView } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useVolunteers } from './community-api.ts';
import { checker, DatedCard, dmyIn, type Errors, Section, todayDmy } from './community-kit.tsx';

type Contact = Schemas['CommunityContact'];
type Filter = Pick<
  NonNullable<operations['listContacts']['parameters']['query']>,
  'from' | 'to' | 'volunteerId' | 'kind'
>;
const LIMIT = 200;

function useContactLog(f: Filter) {
  return useQuery({
    queryKey: ['community', 'contact-log', f],
    queryFn: () =>
      call(client.GET('/api/community/contacts', { params: { query: { ...f, limit: LIMIT } } })).then(
        (r) => r.items,
      ),
  });
}

function ContactCard({ c }: { c: Contact }) {
  const { t } = useTranslation('community');
  const who = c.volunteerName ?? c.byName ?? '';
  return (
    <DatedCard
      date={c.contactDate}
      testId="contact-row"
      head={
        <Anchor component={Link} to={`/people/${c.personId}`} size="sm" fw={600}>
          {c.personName ?? t('clog.person')}
        </Anchor>
      }
    >
      <Group gap="xs" wrap="wrap" mt={2}>
        <Badge variant="light">{t(`kind.${c.kind}`)}</Badge>
        <Text size="sm">{t(`outcome.${c.outcome}`)}</Text>
      </Group>
      <Text size="sm" c="dimmed">
        {c.byRole === 'volunteer' || c.volunteerId ? t('clog.byVolunteer') : t('clog.byOfficer')}: {who}
        {c.service ? ` · ${c.service}` : ''}
        {c.nextContactDate ? ` · ${t('clog.next')}: ${formatDate(c.nextContactDate)}` : ''}
      </Text>
      {c.note && <Text size="sm">{c.note}</Text>}
    </DatedCard>
  );
}

/** The commune's contact log: every contact by volunteers and officers in a period, by volunteer and kind. */
export function ContactsPage() {
  const { t } = useTranslation('community');
  usePageTitle(t('clog.title'));
  const volunteers = useVolunteers();
  const [from, setFrom] = useState(dmyIn(-30));
  const [to, setTo] = useState(todayDmy());
  const [volunteerId, setVolunteerId] = useState('');
  const [kind, setKind] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const initial = (() => {
    const c = checker(t);
    return { from: c.date('from', dmyIn(-30))!, to: c.date('to', todayDmy())! };
  })();
  const filter: Filter = {
    ...(period ?? initial),
    volunteerId: volunteerId || undefined,
    kind: (kind || undefined) as Filter['kind'],
  };
  const q = useContactLog(filter);
  const show = () => {
    const c = checker(t);
    const f = c.date('from', from);
    const tt = c.date('to', to);
    if (f && tt && f > tt) c.errors.to = t('clog.toBeforeFrom');
    setErrors(c.errors);
    if (c.ok() && f && tt) setPeriod({ from: f, to: tt });
  };
  const filtered = !!(volunteerId || kind);
  return (
    <Stack>
      <PageTitle title={t('clog.title')} />
      <Section title={t('clog.filters')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            show();
          }}
          noValidate
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateField label={t('report.from')} value={from} onChange={setFrom} error={errors.from} />
            <DateField label={t('report.to')} value={to} onChange={setTo} error={errors.to} />
            <NativeSelect
              label={t('clog.volunteer')}
              data={[
                { value: '', label: t('clog.allVolunteers') },
                ...(volunteers.data ?? []).map((v) => ({
                  value: v.id,
                  label: v.active ? v.fullName : `${v.fullName} (${t('common.inactive')})`,
                })),
              ]}
              value={volunteerId}
              onChange={(e) => setVolunteerId(e.currentTarget.value)}
              data-testid="clog-volunteer"
            />
            <NativeSelect
              label={t('log.kind')}
              data={[
                { value: '', label: t('clog.allKinds') },
                ...CONTACT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
              ]}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value)}
              data-testid="clog-kind"
            />
          </SimpleGrid>
          <Button type="submit" mt="sm" variant="light">
            {t('clog.apply')}
          </Button>
        </form>
      </Section>
      <QueryView q={q}>
        {(data) =>
          data.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="clog-empty">
              {filtered ? t('clog.emptyFiltered') : t('clog.empty')}
            </Text>
          ) : (
            <Section
              title={t('clog.count', {
                count: data.length,
                from: formatDate(filter.from),
                to: formatDate(filter.to),
              })}
              testId="contact-log"
            >
              {data.length >= LIMIT && (
                <Text size="sm" c="dimmed" mb="xs">
                  {t('clog.limited', { limit: LIMIT })}
                </Text>
              )}
              <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {data.map((c) => (
                  <ContactCard key={c.id} c={c} />
                ))}
              </Stack>
            </Section>
          )
        }
      </QueryView>
    </Stack>
  );
}
