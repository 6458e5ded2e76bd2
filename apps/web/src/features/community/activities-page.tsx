import { ACTIVITY_KINDS } from '@hoanhap/domain/community-rules';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import type { BodyOf } from '../../api/schema.ts';
import { can, useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { DateField } from '../../components/date-field.tsx';
import { CardList, PageHeader, QueryView } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import { type Activity, communityApi, useActivities, useTeamReport, useTeams } from './community-api.ts';
import type { Draft } from './community-kit.tsx';
import {
  checker,
  DatedCard,
  type Errors,
  FormModal,
  Section,
  todayDmy,
  todayIso,
  useCommunityForm,
  usePersonSearch,
} from './community-kit.tsx';

const COUNTS = ['participants', 'peopleReached', 'commitmentsSigned', 'persuadedIntoRehab'] as const;
type CountKey = (typeof COUNTS)[number];
const countLabel: Record<CountKey, string> = {
  participants: 'act.participants',
  peopleReached: 'act.peopleReached',
  commitmentsSigned: 'act.commitments',
  persuadedIntoRehab: 'act.persuaded',
};

type Named = { id: string; fullName: string };

/** Names of already recorded people (the activity keeps only their ids). */
function useNames(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['people', 'name', id],
      queryFn: () => call(client.GET('/api/people/{id}', { params: { path: { id } } })),
      staleTime: 60_000,
    })),
  });
}

/** The people persuaded into rehab, picked from the commune's people by name. */
function PersuadedPicker({
  value,
  onChange,
  error,
}: {
  value: Named[];
  onChange: (v: Named[]) => void;
  error?: string;
}) {
  const { t } = useTranslation('community');
  const find = usePersonSearch();
  const people = find.people;
  const chosen = new Set(value.map((p) => p.id));
  const data = (people.data ?? [])
    .filter((p) => !chosen.has(p.id))
    .map((p) => ({ value: p.id, label: p.birthYear ? `${p.fullName} (${p.birthYear})` : p.fullName }));
  return (
    <Stack gap={4}>
      <Select
        label={t('act.persuadedNames')}
        description={t('act.persuadedHint')}
        placeholder={t('asg.personHint')}
        {...find.selectProps}
        filter={undefined}
        data={data}
        value={null}
        onChange={(id) => {
          const p = people.data?.find((x) => x.id === id);
          if (p) onChange([...value, { id: p.id, fullName: p.fullName }]);
          find.clear();
        }}
        nothingFoundMessage={t('act.noPeopleFound')}
        error={error}
        data-testid="persuaded-picker"
      />
      {value.length > 0 && (
        <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="persuaded-list">
          {value.map((p) => (
            <Badge
              component="li"
              key={p.id}
              variant="light"
              size="lg"
              tt="none"
              rightSection={
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  aria-label={t('act.removePerson', { name: p.fullName })}
                  onClick={() => onChange(value.filter((x) => x.id !== p.id))}
                >
                  ×
                </ActionIcon>
              }
            >
              {p.fullName}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}

/** Records a new activity, or corrects one (`activity`, sent with its version). */
function AddActivity({
  opened,
  onClose,
  activity,
}: {
  opened: boolean;
  onClose: () => void;
  activity?: Activity;
}) {
  const { t } = useTranslation('community');
  // A commune may keep several teams (old communes merged in 2025): a new activity names its team.
  const teams = useTeams(!activity);
  const form = useCommunityForm(
    {
      kind: activity?.kind ?? 'briefing',
      teamId: null as string | null,
      heldOn: activity ? formatDate(activity.heldOn) : todayDmy(),
      place: activity?.place ?? '',
      title: activity?.title ?? '',
      participants: (activity?.participants || '') as string | number,
      peopleReached: (activity?.peopleReached || '') as string | number,
      commitmentsSigned: (activity?.commitmentsSigned || '') as string | number,
      persuadedIntoRehab: (activity?.persuadedIntoRehab || '') as string | number,
    },
    (body: BodyOf<'createActivity'>) =>
      activity
        ? communityApi.updateActivity(activity.id, { ...body, version: activity.version })
        : communityApi.createActivity(body),
    { opened, onClose },
  );
  const known = useNames(activity?.persuadedPersonIds ?? []);
  const [picked, setPicked] = useState<Named[] | null>(null);
  const persuaded: Named[] =
    picked ??
    (activity?.persuadedPersonIds ?? []).map((id, i) => ({
      id,
      fullName: known[i]?.data?.fullName ?? '…',
    }));
  const pick = (list: Named[]) => {
    setPicked(list);
    // The count follows the names: never fewer than the people named.
    const n = Number(form.f.persuadedIntoRehab || 0);
    if (list.length > n || (n === persuaded.length && list.length < n))
      form.set('persuadedIntoRehab')(list.length || '');
  };
  const modal = form.dialog(
    (f, c) => {
      const body: Record<string, unknown> = {
        kind: f.kind,
        heldOn: c.date('heldOn', f.heldOn),
        place: c.required('place', f.place),
        title: f.title.trim() || undefined,
        ...(!activity && f.teamId ? { teamId: f.teamId } : {}),
      };
      for (const k of COUNTS) body[k] = c.count(k, f[k]);
      body.persuadedPersonIds = persuaded.map((p) => p.id);
      if (persuaded.length > ((body.persuadedIntoRehab as number | undefined) ?? 0))
        c.errors.persuadedIntoRehab = t('act.persuadedTooFew', { count: persuaded.length });
      return body as Draft<BodyOf<'createActivity'>>;
    },
    () => {
      setPicked(null);
      onClose();
    },
  );
  return (
    <FormModal
      title={activity ? t('act.edit') : t('act.add')}
      shown={['kind', 'heldOn', 'place', 'title', 'persuadedPersonIds', 'teamId', ...COUNTS]}
      {...modal}
    >
      {!activity && (teams.data?.length ?? 0) > 1 && (
        <Select
          label={t('act.team')}
          data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          {...form.value('teamId')}
          value={form.f.teamId ?? teams.data?.[0]?.id ?? null}
          allowDeselect={false}
        />
      )}
      <Select
        label={t('act.kind')}
        required
        data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`actKind.${k}`) }))}
        {...form.pick('kind', 'other')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('act.heldOn')} required {...form.value('heldOn')} />
        <TextInput label={t('act.place')} required {...form.text('place')} />
      </SimpleGrid>
      <TextInput label={t('act.topic')} {...form.text('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {COUNTS.map((k) => (
          <NumberInput
            key={k}
            label={t(countLabel[k])}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            {...form.value(k)}
          />
        ))}
      </SimpleGrid>
      <PersuadedPicker
        value={persuaded}
        onChange={pick}
        error={Object.entries(form.errors).find(([k]) => k.startsWith('persuadedPersonIds'))?.[1]}
      />
    </FormModal>
  );
}

function ActivityCard({ a, mayWrite }: { a: Activity; mayWrite: boolean }) {
  const { t } = useTranslation('community');
  const [editing, setEditing] = useState(false);
  const figures = COUNTS.filter((k) => a[k] > 0).map((k) => `${t(countLabel[k])}: ${a[k]}`);
  return (
    <DatedCard
      date={a.heldOn}
      testId="activity"
      head={
        <>
          <Badge variant="light">{t(`actKind.${a.kind}`)}</Badge>
          <Text size="sm">{a.place}</Text>
        </>
      }
    >
      {a.title && <Text size="sm">{a.title}</Text>}
      {figures.length > 0 && (
        <Text size="sm" c="dimmed">
          {figures.join(' · ')}
        </Text>
      )}
      {mayWrite && (
        <Group mt={4}>
          <Button size="compact-sm" variant="default" onClick={() => setEditing(true)}>
            {t('act.editShort')}
          </Button>
        </Group>
      )}
      {editing && <AddActivity opened={editing} onClose={() => setEditing(false)} activity={a} />}
    </DatedCard>
  );
}

const REPORT_ROWS = [
  'briefings',
  'peopleReached',
  'peopleCoManaged',
  'persuadedIntoRehab',
  'patrols',
  'commitments',
  'outreachEvents',
  'contests',
  'contacts',
] as const;

/** The team report for a period (e.g. nine months), from the recorded activities and assignments. */
function TeamReport() {
  const { t } = useTranslation('community');
  const year = todayIso().slice(0, 4);
  const [from, setFrom] = useState(`01/01/${year}`);
  const [to, setTo] = useState(todayDmy());
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const q = useTeamReport(period);
  const show = () => {
    const c = checker(t);
    const f = c.date('from', from);
    const tt = c.date('to', to);
    setErrors(c.errors);
    if (c.ok() && f && tt) setPeriod({ from: f, to: tt });
  };
  return (
    <Section title={t('report.title')} testId="team-report">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          show();
        }}
        noValidate
      >
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <DateField label={t('report.from')} value={from} onChange={setFrom} error={errors.from} />
          <DateField label={t('report.to')} value={to} onChange={setTo} error={errors.to} />
          <Button type="submit" mt={{ xs: 'xl' }} variant="light">
            {t('report.show')}
          </Button>
        </SimpleGrid>
      </form>
      {q.isFetching ? (
        <InlineLoader />
      ) : q.isError ? (
        <ErrorState error={q.error} />
      ) : q.data ? (
        <SimpleGrid
          cols={{ base: 1, xs: 2 }}
          spacing={4}
          mt="sm"
          component="dl"
          data-testid="team-report-figures"
        >
          {REPORT_ROWS.map((k) => (
            <Group key={k} justify="space-between" wrap="nowrap" gap="xs">
              <Text component="dt" size="sm">
                {t(`report.${k}`)}
              </Text>
              <Text component="dd" m={0} size="sm" fw={700}>
                {q.data[k].toLocaleString('vi-VN')}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
      ) : null}
    </Section>
  );
}

/** Team activities: briefings, outreach (people reached), patrols, signed commitments, contests. */
export function ActivitiesPage() {
  const { t } = useTranslation('community');
  usePageTitle(t('act.title'));
  const me = useSession();
  const [kind, setKind] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const q = useActivities(kind);
  const items = q.data?.items ?? [];
  const totals = COUNTS.map((k) => `${t(countLabel[k])}: ${items.reduce((s, a) => s + a[k], 0)}`);
  return (
    <Stack>
      <PageHeader
        title={t('act.title')}
        action={can(me, 'community.write') && <Button onClick={() => setAdding(true)}>{t('act.add')}</Button>}
      />
      <Select
        label={t('act.filterKind')}
        placeholder={t('common.none')}
        data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`actKind.${k}`) }))}
        value={kind}
        onChange={setKind}
        clearable
        maw={360}
      />
      <QueryView q={q}>
        {(data) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="activities-empty">
              {t('act.empty')}
            </Text>
          ) : (
            <Section title={`${t('act.totals')} (${data.total})`}>
              <Text size="sm" mb="sm">
                {totals.join(' · ')}
              </Text>
              <CardList>
                {items.map((a) => (
                  <ActivityCard key={a.id} a={a} mayWrite={can(me, 'community.write')} />
                ))}
              </CardList>
            </Section>
          )
        }
      </QueryView>
      <TeamReport />
      <AddActivity opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
