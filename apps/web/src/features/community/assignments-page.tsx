import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../api/schema.ts';
import { can, useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { ConfirmButton } from '../../components/confirm-dialog.tsx';
import { DateField } from '../../components/date-field.tsx';
import { CardList, Listed, PageTitle, QueryView } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import {
  type Assignment,
  communityApi,
  useAssignments,
  useCommunityWrite,
  useGaps,
  useVolunteers,
} from './community-api.ts';
import type { Draft } from './community-kit.tsx';
import {
  checker,
  type Errors,
  Problem,
  Section,
  serverFieldErrors,
  todayDmy,
  todayIso,
  usePersonSearch,
} from './community-kit.tsx';

function AssignForm({
  personId,
  setPersonId,
}: {
  personId: string | null;
  setPersonId: (v: string | null) => void;
}) {
  const { t } = useTranslation('community');
  const volunteers = useVolunteers(true);
  const gaps = useGaps();
  const find = usePersonSearch();
  const people = find.people;
  const [volunteerId, setVolunteerId] = useState<string | null>(null);
  const [startedOn, setStartedOn] = useState(todayDmy());
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<string | null>(null);
  const write = useCommunityWrite(communityApi.assign);

  const options = new Map<string, string>();
  for (const p of gaps.data?.peopleWithoutVolunteer ?? []) options.set(p.personId, p.fullName);
  for (const p of people.data ?? [])
    options.set(p.id, p.birthYear ? `${p.fullName} (${p.birthYear})` : p.fullName);

  const submit = () => {
    setDone(null);
    const c = checker(t);
    if (!volunteerId) c.errors.volunteerId = t('common.required');
    if (!personId) c.errors.personId = t('common.required');
    const body: Draft<BodyOf<'createAssignment'>> = {
      volunteerId,
      personId,
      startedOn: c.date('startedOn', startedOn),
    };
    setErrors(c.errors);
    if (!c.ok()) return;
    write.mutate(body as BodyOf<'createAssignment'>, {
      onSuccess: (a) => {
        setDone(`${a.volunteerName} → ${a.personName}`);
        setPersonId(null);
        find.clear();
      },
      onError: (e) => setErrors(serverFieldErrors(e)),
    });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
      aria-label={t('asg.assign')}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('asg.volunteer')}
            required
            data={(volunteers.data ?? []).map((v) => ({
              value: v.id,
              label: `${v.fullName} (${t('team.peopleCount', { count: v.assignedPeople })})`,
            }))}
            value={volunteerId}
            onChange={setVolunteerId}
            error={errors.volunteerId}
            searchable
          />
          <Select
            label={t('asg.person')}
            required
            placeholder={t('asg.personHint')}
            data={[...options].map(([value, label]) => ({ value, label }))}
            value={personId}
            onChange={setPersonId}
            error={errors.personId}
            {...find.selectProps}
          />
          <DateField
            label={t('asg.startedOn')}
            required
            value={startedOn}
            onChange={setStartedOn}
            error={errors.startedOn}
          />
        </SimpleGrid>
        <Problem error={write.error} shown={['volunteerId', 'personId', 'startedOn']} />
        {done && (
          <Alert color="green" role="status" data-testid="assigned">
            {t('common.saved')}: {done}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={write.isPending}>
            {t('asg.assign')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Gaps({ mayWrite, onPick }: { mayWrite: boolean; onPick: (id: string) => void }) {
  const { t } = useTranslation('community');
  const q = useGaps();
  if (q.isPending) return <InlineLoader />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Section title={`${t('asg.gapVolunteers')} (${q.data.items.length})`} testId="gap-volunteers">
        <Listed items={q.data.items} empty={t('asg.gapVolunteersNone')}>
          {(items) => (
            <CardList gap={4}>
              {items.map((g) => (
                <Text component="li" size="sm" key={g.volunteerId}>
                  {g.fullName} · {t(`org.${g.organisation}`)}
                </Text>
              ))}
            </CardList>
          )}
        </Listed>
      </Section>
      <Section title={`${t('asg.gapPeople')} (${q.data.peopleWithoutVolunteer.length})`} testId="gap-people">
        <Listed items={q.data.peopleWithoutVolunteer} empty={t('asg.gapPeopleNone')}>
          {(items) => (
            <CardList gap={4}>
              {items.map((p) => (
                <Group component="li" key={p.personId} justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm">{p.fullName}</Text>
                  {mayWrite && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => onPick(p.personId)}
                      aria-label={`${t('asg.assignThis')}: ${p.fullName}`}
                    >
                      {t('asg.assign')}
                    </Button>
                  )}
                </Group>
              ))}
            </CardList>
          )}
        </Listed>
      </Section>
    </SimpleGrid>
  );
}

function AssignmentCard({ a, mayWrite }: { a: Assignment; mayWrite: boolean }) {
  const { t } = useTranslation('community');
  const write = useCommunityWrite(() =>
    communityApi.endAssignment(a.id, { version: a.version, endedOn: todayIso() }),
  );
  return (
    <Card withBorder padding="sm" component="li" data-testid="assignment">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {a.volunteerName} → {a.personName}
          </Text>
          <Text size="sm" c="dimmed">
            {a.active
              ? t('asg.since', { date: formatDate(a.startedOn) })
              : `${formatDate(a.startedOn)} – ${formatDate(a.endedOn)}`}
            {a.endReason ? ` · ${a.endReason}` : ''}
          </Text>
        </Stack>
        {a.active ? (
          mayWrite && (
            <ConfirmButton
              label={t('asg.end')}
              title={t('asg.endTitle')}
              message={t('asg.endConfirm', {
                volunteer: a.volunteerName,
                person: a.personName,
                date: formatDate(todayIso()),
              })}
              busy={write.isPending}
              error={write.error}
              onConfirm={(close) => write.mutate(undefined, { onSuccess: close })}
              button={{ size: 'xs' }}
            />
          )
        ) : (
          <Badge color="gray" variant="light">
            {t('asg.endedBadge')}
          </Badge>
        )}
      </Group>
    </Card>
  );
}

function Assignments({ items, mayWrite }: { items: Assignment[]; mayWrite: boolean }) {
  return (
    <CardList>
      {items.map((a) => (
        <AssignmentCard key={a.id} a={a} mayWrite={mayWrite} />
      ))}
    </CardList>
  );
}

/** Assign people to volunteers, end assignments, and the gap list (volunteers without a person and vice versa). */
export function AssignmentsPage() {
  const { t } = useTranslation('community');
  usePageTitle(t('asg.title'));
  const me = useSession();
  const mayWrite = can(me, 'community.write');
  const q = useAssignments();
  const [personId, setPersonId] = useState<string | null>(null);
  const active = (q.data ?? []).filter((a) => a.active);
  const ended = (q.data ?? []).filter((a) => !a.active);
  return (
    <Stack>
      <PageTitle title={t('asg.title')} />
      {mayWrite && (
        <Section title={t('asg.assign')}>
          <AssignForm personId={personId} setPersonId={setPersonId} />
        </Section>
      )}
      <Title order={2} size="h3">
        {t('asg.gaps')}
      </Title>
      <Gaps
        mayWrite={mayWrite}
        onPick={(id) => {
          setPersonId(id);
          window.scrollTo({ top: 0, behavior: 'smooth' });
        }}
      />
      <Section title={`${t('asg.active')} (${active.length})`} testId="assignments-active">
        <QueryView q={q}>
          {() => (
            <Listed items={active} empty={t('asg.empty')}>
              {(items) => <Assignments items={items} mayWrite={mayWrite} />}
            </Listed>
          )}
        </QueryView>
      </Section>
      {ended.length > 0 && (
        <Section title={`${t('asg.endedTitle')} (${ended.length})`} testId="assignments-ended">
          <Assignments items={ended} mayWrite={mayWrite} />
        </Section>
      )}
    </Stack>
  );
}
