import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { DateField } from '../../components/date-field.tsx';
import { PageTitle, QueryView } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useDashboard, useYearFigures } from './facility-api.ts';
import { checker, todayDmy } from './facility-form-kit.tsx';
import { useFacilityPage } from './facility-page.ts';
import './facility-i18n.ts';
import { Panel } from '../../components/panel.tsx';

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm">{label}</Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value.toLocaleString('vi-VN')}
      </Text>
    </Paper>
  );
}

function Counts({
  title,
  counts,
  label,
  testId,
  order = 3,
}: {
  order?: 2 | 3;
  title: string;
  counts: Record<string, number>;
  label: (k: string) => string;
  testId: string;
}) {
  const { t } = useTranslation('facility');
  const entries = Object.entries(counts);
  return (
    <Paper withBorder p="sm">
      <Title order={order} size="h5" mb="xs">
        {title}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm">{t('dash.none')}</Text>
      ) : (
        <Table data-testid={testId}>
          <Table.Tbody>
            {entries.map(([k, n]) => (
              <Table.Tr key={k}>
                <Table.Td>{label(k)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {n}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

const YEAR_KEYS = [
  'received',
  'reintegrated',
  'handovers',
  'flaggedForProvince',
  'departures',
  'termReductions',
  'termReductionDecisions',
  'earlyReleases',
  'entryHealthCheckCount',
  'healthCheckCount',
  'healthCheckPeople',
  'hivTestCount',
  'infectiousTestCount',
  'classes',
  'learners',
  'enrolments',
  'certificates',
  'familyVisits',
  'incidents',
  'supportServices',
  'overseasLabourCounselled',
] as const;

/** The yearly figures of the source articles, computed from the recorded events (counts only). */
function YearSection({ facilityId, initial }: { facilityId: string; initial: number }) {
  const { t } = useTranslation('facility');
  const [text, setText] = useState(String(initial));
  const [year, setYear] = useState(initial);
  const q = useYearFigures(facilityId, year);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(text);
    if (Number.isInteger(n)) setYear(n);
  };
  const fieldErr = (q.error as { errors?: { field: string; message: string }[] } | null)?.errors?.find(
    (f) => f.field === 'year',
  )?.message;
  return (
    <Panel id="year-figures" title={t('year.title')}>
      <form onSubmit={submit}>
        <Group align="flex-start" mb="sm">
          <TextInput
            label={t('year.year')}
            value={text}
            inputMode="numeric"
            maxLength={4}
            w={120}
            onChange={(e) => setText(e.currentTarget.value)}
            error={fieldErr}
          />
          <Button type="submit" variant="default" mt={25}>
            {t('year.show')}
          </Button>
        </Group>
      </form>
      {q.isPending && <InlineLoader />}
      {q.isError && !fieldErr && <ErrorState error={q.error} onRetry={() => q.refetch()} />}
      {q.data && (
        <Table data-testid="year-figures">
          <Table.Tbody>
            {YEAR_KEYS.map((k) => (
              <Table.Tr key={k} data-testid={`year-${k}`}>
                <Table.Td>{t(`year.${k}`)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {q.data[k]}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Panel>
  );
}

/** The facility's figures: residents by stage and basis now; admissions, releases, classes, health counts in a period. */
export function DashboardPage() {
  const { t, me, facilityId: own } = useFacilityPage('dash.title');
  const province = me.user.scopeKind === 'province' ? (me.user.scopeCode ?? undefined) : undefined;
  const facilities = useQuery({
    queryKey: ['facility-ops', 'facility-options', province ?? 'all'],
    queryFn: () =>
      call(client.GET('/api/facilities', { params: { query: { provinceCode: province, limit: 200 } } })).then(
        (r) => r.items,
      ),
    enabled: !own,
  });
  const [chosen, setChosen] = useState('');
  if (own) return <DashboardView facilityId={own} />;
  // Province and national officers: the counts of a facility of their scope (no identities).
  return (
    <Stack>
      <QueryView q={facilities}>
        {(items) =>
          items.length === 0 ? (
            <>
              <PageTitle title={t('dash.title')} />
              <Text data-testid="no-facilities">{t('dash.noFacilities')}</Text>
            </>
          ) : (
            <>
              <NativeSelect
                label={t('dash.facility')}
                value={chosen}
                onChange={(e) => setChosen(e.currentTarget.value)}
                data={[
                  { value: '', label: t('dash.chooseFacility') },
                  ...items.map((f) => ({ value: f.id, label: f.name })),
                ]}
                maw={480}
              />
              {chosen ? (
                <DashboardView key={chosen} facilityId={chosen} />
              ) : (
                <PageTitle title={t('dash.title')} />
              )}
            </>
          )
        }
      </QueryView>
    </Stack>
  );
}

function DashboardView({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation('facility');
  const today = todayDmy();
  const [fromText, setFromText] = useState(`01/01/${today.slice(6)}`);
  const [toText, setToText] = useState(today);
  const [period, setPeriod] = useState(() => ({
    from: `${today.slice(6)}-01-01`,
    to: `${today.slice(6)}-${today.slice(3, 5)}-${today.slice(0, 2)}`,
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const q = useDashboard(facilityId, period.from, period.to);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const c = checker((k) => t(k));
    const from = c.date('from', fromText);
    const to = c.date('to', toText);
    setErrors(c.errors);
    if (c.ok() && from && to) setPeriod({ from, to });
  };
  const serverField = (q.error as { errors?: { field: string; message: string }[] } | null)?.errors;
  const errOf = (k: string) => errors[k] ?? serverField?.find((f) => f.field === k)?.message;
  const d = q.data;

  return (
    <Stack>
      <PageTitle title={d ? `${t('dash.title')}: ${d.facilityName}` : t('dash.title')} />
      <form onSubmit={apply}>
        <Group align="flex-start">
          <DateField label={t('dash.from')} value={fromText} onChange={setFromText} error={errOf('from')} />
          <DateField label={t('dash.to')} value={toText} onChange={setToText} error={errOf('to')} />
          <Button type="submit" mt={25}>
            {t('dash.apply')}
          </Button>
        </Group>
      </form>
      {q.isPending && <InlineLoader />}
      {q.isError && !serverField?.length && <ErrorState error={q.error} onRetry={() => q.refetch()} />}
      {d && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Stat label={t('dash.residents')} value={d.residents} testId="dash-residents" />
            <Stat label={t('dash.absent')} value={d.absent} testId="dash-absent" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Counts
              order={2}
              title={t('dash.byStage')}
              counts={d.residentsByStage}
              label={(k) => `${t('stageShort', { n: k })}: ${t(`stage.${k}`)}`}
              testId="dash-by-stage"
            />
            <Counts
              order={2}
              title={t('dash.byBasis')}
              counts={d.residentsByBasis}
              label={(k) => t(`basis.${k}`)}
              testId="dash-by-basis"
            />
          </SimpleGrid>
          <Title order={2} size="h4">
            {t('dash.period', { from: formatDate(d.from), to: formatDate(d.to) })}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Stat label={t('dash.admissions')} value={d.admissions} testId="dash-admissions" />
            <Stat label={t('dash.releases')} value={d.releases} testId="dash-releases" />
            <Stat label={t('dash.classes')} value={d.classes} testId="dash-classes" />
            <Stat label={t('dash.learners')} value={d.learners} testId="dash-learners" />
            <Stat label={t('dash.enrolments')} value={d.enrolments} testId="dash-enrolments" />
            <Stat
              label={t('dash.termReductionPeople')}
              value={d.termReductionPeople}
              testId="dash-term-reduction-people"
            />
            <Stat
              label={t('dash.termReductionDecisions')}
              value={d.termReductionDecisions}
              testId="dash-term-reduction-decisions"
            />
            <Stat
              label={t('dash.overseasLabourCounselled')}
              value={d.overseasLabourCounselled}
              testId="dash-overseas-labour"
            />
            <Stat label={t('dash.rewards')} value={d.rewards} testId="dash-rewards" />
            <Stat label={t('dash.sessions')} value={d.sessions} testId="dash-sessions" />
            <Stat label={t('dash.labourHours')} value={d.labourHours} testId="dash-labour" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Counts
              title={t('dash.health')}
              counts={{
                entryChecks: d.health.entryChecks,
                periodicChecks: d.health.periodicChecks,
                periodicCheckPeople: d.health.periodicCheckPeople,
                treatments: d.health.treatments,
                referrals: d.health.referrals,
                infectiousTests: d.health.infectiousTests,
              }}
              label={(k) => t(`dash.${k}`)}
              testId="dash-health"
            />
            <Counts
              title={t('dash.incidents')}
              counts={d.incidents}
              label={(k) => t(`incident.${k}`)}
              testId="dash-incidents"
            />
            <Counts
              title={t('dash.visits')}
              counts={d.visits}
              label={(k) => t(`visit.${k}`)}
              testId="dash-visits"
            />
            <Counts
              title={t('dash.termChanges')}
              counts={d.termChanges}
              label={(k) => t(`termKind.${k}`)}
              testId="dash-term-changes"
            />
            <Counts
              title={t('dash.departures')}
              counts={d.departures}
              label={(k) => t(`departure.${k}`)}
              testId="dash-departures"
            />
          </SimpleGrid>
        </>
      )}
      <YearSection facilityId={facilityId} initial={Number(today.slice(6))} />
    </Stack>
  );
}
