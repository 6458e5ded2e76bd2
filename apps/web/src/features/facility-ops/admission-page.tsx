import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '../../api/session.ts';
import { ErrorState, InlineLoader, NotFound } from '../../app/page-states.tsx';
import { DateField } from '../../components/date-field.tsx';
import { useFields } from '../../components/form-fields.ts';
import { Panel } from '../../components/panel.tsx';
import { PageHeader, QueryView } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import { currentLang } from '../../i18n/i18n.ts';
import { episodesOf, facilityApi, facilityKeys, searchPeople, useAwaiting } from './facility-api.ts';
import { checker, ServerProblem, todayDmy, useFieldErrors } from './facility-form-kit.tsx';
import { useFacilityPage } from './facility-page.ts';
import { asBody } from './spec-form.tsx';

const FACILITY_EPISODES = ['voluntary_facility', 'compulsory', 'compulsory_pending'];
const CLASSIFICATIONS = ['first_time', 'repeat', 'juvenile', 'with_comorbidity', 'other'];
const FIELDS = [
  'episodeId',
  'admittedOn',
  'recordNumber',
  'classification',
  'rapidTest.testedOn',
  'rapidTest.result',
  'rapidTest.substances',
  'area',
  'bed',
  'approvedBy',
  'notes',
];

/** Finds a person placed at this facility (the people search is limited to the facility's scope). */
type Picked = { id: string; fullName: string };

/** People to choose from, one a row, each ending in a button named with the person (`action: name`). */
function PickTable<T>(p: {
  rows: { key: string; name: string; item: T }[];
  cells: (item: T) => ReactNode;
  action: string;
  onPick: (item: T) => void;
  testId: string;
  mt?: string;
}) {
  return (
    <Table mt={p.mt} data-testid={p.testId}>
      <Table.Tbody>
        {p.rows.map((r) => (
          <Table.Tr key={r.key}>
            {p.cells(r.item)}
            <Table.Td>
              <Button size="xs" onClick={() => p.onPick(r.item)} aria-label={`${p.action}: ${r.name}`}>
                {p.action}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PersonLookup({ onPick }: { onPick: (p: Picked) => void }) {
  const { t } = useTranslation('facility');
  const [text, setText] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const found = useQuery({
    queryKey: ['facility-ops', 'lookup', q],
    queryFn: () => searchPeople(q ?? ''),
    enabled: q !== null,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(text.trim());
  };
  return (
    <Panel id="lookup" gap="0" title={t('admit.findPerson')}>
      <Text size="sm" mb="sm">
        {t('admit.findHint')}
      </Text>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label={t('board.search')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Button type="submit" variant="default">
            {t('admit.searchButton')}
          </Button>
        </Group>
      </form>
      {found.isFetching && <InlineLoader />}
      {found.isError && <ErrorState error={found.error} />}
      {found.data &&
        (found.data.items.length === 0 ? (
          <Text mt="sm" data-testid="lookup-empty">
            {t('admit.noPeople')}
          </Text>
        ) : (
          <PickTable
            mt="sm"
            testId="lookup-results"
            rows={found.data.items.map((p) => ({ key: p.id, name: p.fullName, item: p }))}
            action={t('admit.choose')}
            onPick={onPick}
            cells={(p) => (
              <>
                <Table.Td>{p.fullName}</Table.Td>
                <Table.Td>{p.birthDate ? formatDate(p.birthDate) : p.birthYear}</Table.Td>
                <Table.Td>{p.currentAddress.communeName}</Table.Td>
              </>
            )}
          />
        ))}
    </Panel>
  );
}

/** People placed here by a contract, court order or pending management, not admitted yet. */
function AwaitingList({
  facilityId,
  onPick,
}: {
  facilityId: string;
  onPick: (p: Picked, episodeId: string) => void;
}) {
  const { t } = useTranslation('facility');
  const q = useAwaiting(facilityId);
  return (
    <Panel id="awaiting" gap="xs" title={t('admit.awaiting')}>
      <QueryView q={q}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm" data-testid="awaiting-empty">
              {t('admit.awaitingEmpty')}
            </Text>
          ) : (
            <PickTable
              testId="awaiting"
              rows={items.map((a) => ({ key: a.episodeId, name: a.fullName, item: a }))}
              action={t('admit.admitThis')}
              onPick={(a) => onPick({ id: a.personId, fullName: a.fullName }, a.episodeId)}
              cells={(a) => (
                <>
                  <Table.Td>{a.fullName}</Table.Td>
                  <Table.Td>{a.birthYear}</Table.Td>
                  <Table.Td>
                    {t(`basis.${a.episodeType === 'voluntary_facility' ? 'voluntary' : a.episodeType}`)}
                    {a.documentNumber ? ` · ${a.documentNumber}` : ''}
                  </Table.Td>
                  <Table.Td>{t('admit.since', { date: formatDate(a.startDate) })}</Table.Td>
                </>
              )}
            />
          )
        }
      </QueryView>
    </Panel>
  );
}

/** Admission: the episode placing the person here, intake record, classification, belongings, rapid test, bed. */
export function AdmissionPage() {
  const { t, me, facilityId } = useFacilityPage('admit.title');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [person, setPerson] = useState<Picked | null>(null);
  const episodes = useQuery({
    queryKey: ['facility-ops', 'episodes-of', person?.id],
    queryFn: () => episodesOf(person!.id),
    enabled: !!person,
  });
  const open = (episodes.data ?? []).filter(
    (e) => e.facilityId === facilityId && FACILITY_EPISODES.includes(e.type) && !e.outcome,
  );
  const [episodeId, setEpisodeId] = useState('');
  const [items, setItems] = useState<{ item: string; quantity: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const fe = useFieldErrors();
  const form = useFields(
    {
      admittedOn: todayDmy(),
      recordNumber: '',
      classification: 'first_time',
      testedOn: todayDmy(),
      result: 'positive',
      substances: '',
      area: '',
      bed: '',
      noResidence: false,
      approvedBy: '',
      notes: '',
      entryBy: '',
      entryDiagnosis: '',
    },
    fe.err,
  );
  const f = form.f;
  const medical = can(me, 'facility.health');
  if (!facilityId) return <NotFound forbidden />;

  const chosenEpisode = open.some((e) => e.id === episodeId) ? episodeId : (open[0]?.id ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = checker((k) => t(k));
    if (!chosenEpisode) c.errors.episodeId = t('common.required');
    const admitted = c.date('admittedOn', f.admittedOn);
    const tested = c.date('rapidTest.testedOn', f.testedOn);
    const approver = c.required('approvedBy', f.approvedBy);
    items.forEach((it, i) => {
      if (!it.item.trim()) c.errors[`belongings.${i}.item`] = t('common.required');
    });
    fe.setClient(c.errors);
    fe.setServerError(null);
    if (!c.ok()) return;
    setBusy(true);
    try {
      const a = await facilityApi.admit(
        facilityId,
        asBody({
          episodeId: chosenEpisode,
          admittedOn: admitted,
          recordNumber: f.recordNumber.trim() || undefined,
          classification: f.classification,
          belongings: items.map((it) => ({
            item: it.item.trim(),
            quantity: Math.max(1, Number(it.quantity) || 1),
          })),
          rapidTest: {
            testedOn: tested,
            result: f.result,
            substances: f.substances
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          },
          area: f.area.trim() || undefined,
          bed: f.bed.trim() || undefined,
          noKnownResidence: f.noResidence,
          approvedBy: approver,
          notes: f.notes.trim() || undefined,
        }),
      );
      if (medical && f.entryBy.trim())
        await facilityApi.health(
          a.id,
          asBody({
            kind: 'entry_check',
            occurredOn: admitted,
            performedBy: f.entryBy.trim(),
            diagnosis: f.entryDiagnosis.trim() || undefined,
          }),
        );
      await qc.invalidateQueries({ queryKey: facilityKeys.all });
      navigate(`/facility/residents/${a.id}`);
    } catch (err) {
      fe.setServerError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <PageHeader
        title={t('admit.title')}
        action={
          <Button component={Link} to="/facility/residents" variant="subtle">
            {t('resident.back')}
          </Button>
        }
      />
      {!person ? (
        <>
          <AwaitingList
            facilityId={facilityId}
            onPick={(p, episode) => {
              setPerson(p);
              setEpisodeId(episode);
            }}
          />
          <PersonLookup
            onPick={(p) => {
              setPerson(p);
              setEpisodeId('');
            }}
          />
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Paper withBorder p="md">
              <Group justify="space-between">
                <div>
                  <Text size="sm">{t('admit.person')}</Text>
                  <Text fw={700} data-testid="admit-person">
                    {person.fullName}
                  </Text>
                </div>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => {
                    setPerson(null);
                    setEpisodeId('');
                  }}
                >
                  {t('admit.findPerson')}
                </Button>
              </Group>
              {episodes.isPending && <InlineLoader />}
              {episodes.isError && <ErrorState error={episodes.error} />}
              {episodes.data && open.length === 0 && (
                <Alert color="orange" mt="sm" data-testid="no-episode">
                  {t('admit.noEpisode')}
                </Alert>
              )}
              {open.length > 0 && (
                <NativeSelect
                  mt="sm"
                  label={t('admit.episode')}
                  required
                  value={chosenEpisode}
                  onChange={(e) => setEpisodeId(e.currentTarget.value)}
                  error={fe.err('episodeId')}
                  data={open.map((ep) => ({
                    value: ep.id,
                    label: `${ep.typeLabel[currentLang()]} · ${formatDate(ep.startDate)}${
                      ep.decision?.number ? ` · ${ep.decision.number}` : ''
                    }`,
                  }))}
                />
              )}
            </Paper>
            <Fieldset legend={t('admit.title')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DateField label={t('admit.admittedOn')} required {...form.value('admittedOn')} />
                <TextInput label={t('admit.recordNumber')} {...form.text('recordNumber')} />
                <NativeSelect
                  label={t('admit.classification')}
                  required
                  {...form.text('classification')}
                  data={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`classification.${c}`) }))}
                />
                <TextInput label={t('admit.approvedBy')} required {...form.text('approvedBy')} />
                <TextInput label={t('admit.area')} {...form.text('area')} />
                <TextInput label={t('admit.bed')} {...form.text('bed')} />
              </SimpleGrid>
              <Checkbox mt="md" label={t('admit.noKnownResidence')} {...form.check('noResidence')} />
            </Fieldset>
            <Fieldset legend={t('admit.rapidTest')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <DateField
                  label={t('admit.testedOn')}
                  required
                  {...form.value('testedOn', 'rapidTest.testedOn')}
                />
                <NativeSelect
                  label={t('admit.testResult')}
                  required
                  {...form.text('result')}
                  data={[
                    { value: 'positive', label: t('admit.positive') },
                    { value: 'negative', label: t('admit.negative') },
                  ]}
                />
                <TextInput
                  label={t('admit.substances')}
                  {...form.text('substances', 'rapidTest.substances')}
                />
              </SimpleGrid>
            </Fieldset>
            <Fieldset legend={t('admit.belongings')}>
              <Stack gap="xs">
                {items.map((it, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before saving
                  <Group key={i} align="flex-start">
                    <TextInput
                      label={`${t('admit.item')} ${i + 1}`}
                      value={it.item}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        setItems((xs) => xs.map((x, j) => (j === i ? { ...x, item: v } : x)));
                      }}
                      error={fe.err(`belongings.${i}.item`)}
                    />
                    <TextInput
                      label={`${t('admit.quantity')} ${i + 1}`}
                      value={it.quantity}
                      inputMode="numeric"
                      w={110}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        setItems((xs) => xs.map((x, j) => (j === i ? { ...x, quantity: v } : x)));
                      }}
                      error={fe.err(`belongings.${i}.quantity`)}
                    />
                    <ActionIcon
                      variant="default"
                      mt={26}
                      aria-label={t('admit.removeItem', { n: i + 1 })}
                      onClick={() => setItems((xs) => xs.filter((_, j) => j !== i))}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                ))}
                <Group>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => setItems((xs) => [...xs, { item: '', quantity: '1' }])}
                  >
                    {t('admit.addItem')}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
            <Fieldset legend={t('admit.entryHealth')}>
              {medical ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t('admit.entryPerformedBy')} {...form.text('entryBy')} />
                  <TextInput label={t('admit.entryDiagnosis')} {...form.text('entryDiagnosis')} />
                </SimpleGrid>
              ) : (
                <Text size="sm">{t('admit.entryHealthHint')}</Text>
              )}
            </Fieldset>
            <Textarea label={t('admit.notes')} {...form.text('notes')} />
            <ServerProblem error={fe.serverError} fields={FIELDS} />
            <Group justify="flex-end">
              <Button type="submit" loading={busy} disabled={open.length === 0}>
                {t('admit.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
