import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../../api/session.ts';
import { QueryView } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useSupport } from './community-api.ts';
import { tx } from './community-kit.tsx';
import { LogContactForm } from './log-contact-form.tsx';

/** "Hỗ trợ đã nhận": volunteers, contacts, clubs and referrals of a person (for the person page). */
/** One kind of support the person had (volunteers, clubs, referrals, contacts): a heading and a line each; nothing when none. */
function SupportList<T>({
  title,
  items,
  children,
}: {
  title: string;
  items: T[];
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <div>
      <Title order={3} size="h5">
        {title}
      </Title>
      {items.map(children)}
    </div>
  );
}

export function PersonSupport({ personId }: { personId: string }) {
  const { t } = useTranslation('community');
  const me = useSession();
  const allowed = can(me, 'community.read');
  const q = useSupport(personId, allowed);
  const [logging, setLogging] = useState(false);
  if (!allowed) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="support-h" data-testid="person-support">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="support-h">
          {t('support.title')}
        </Title>
        {can(me, 'community.contact') && (
          <Button variant="light" onClick={() => setLogging((x) => !x)} aria-expanded={logging}>
            {t('my.logContact')}
          </Button>
        )}
      </Group>
      {logging && (
        <Paper withBorder p="sm" mb="sm">
          <LogContactForm personId={personId} />
        </Paper>
      )}
      <QueryView q={q}>
        {(data) =>
          data.volunteers.length + data.contacts.length + data.clubs.length + data.referrals.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('support.empty')}
            </Text>
          ) : (
            <Stack gap="sm">
              <Text size="sm" fw={600}>
                {t('support.summary', {
                  contacts: data.summary.contacts,
                  jobs: data.summary.jobs,
                  loans: data.summary.loans,
                  courses: data.summary.coursesCompleted,
                })}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <SupportList title={t('support.volunteers')} items={data.volunteers}>
                  {(v) => (
                    <Text size="sm" key={v.assignmentId}>
                      {v.volunteerName} · {formatDate(v.startedOn)}
                      {v.endedOn ? ` – ${formatDate(v.endedOn)}` : ''}
                    </Text>
                  )}
                </SupportList>
                <SupportList title={t('support.clubs')} items={data.clubs}>
                  {(c) => (
                    <Text size="sm" key={c.clubId}>
                      {c.clubName} · {formatDate(c.joinedOn)} ·{' '}
                      {t('support.meetings', { count: c.meetingsAttended })}
                    </Text>
                  )}
                </SupportList>
                <SupportList title={t('support.referrals')} items={data.referrals}>
                  {(r) => (
                    <Group gap="xs" key={r.id}>
                      <Text size="sm">
                        {t(`partner.serviceOpt.${r.service}`)}
                        {r.partnerName ? ` · ${r.partnerName}` : ''} · {formatDate(r.referredOn)}
                      </Text>
                      <Badge variant="light" size="sm">
                        {t(`partner.statusOpt.${r.status}`)}
                      </Badge>
                    </Group>
                  )}
                </SupportList>
                <SupportList title={t('support.contacts')} items={data.contacts.slice(0, 20)}>
                  {(c) => (
                    <Text size="sm" key={c.id}>
                      {formatDate(c.contactDate)} · {tx(c.label)} · {t(`outcome.${c.outcome}`)}
                      {c.volunteerName || c.byName
                        ? ` · ${t('support.by', { name: c.volunteerName ?? c.byName })}`
                        : ''}
                    </Text>
                  )}
                </SupportList>
              </SimpleGrid>
            </Stack>
          )
        }
      </QueryView>
    </Paper>
  );
}
