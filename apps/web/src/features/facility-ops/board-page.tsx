import {
  Anchor,
  Button,
  Checkbox,
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
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, InlineLoader, NotFound } from '../../app/page-states.tsx';
import {
  ExportLinks,
  PAGE_SIZES,
  PageNav,
  ShownCount,
  SortHeader,
} from '../../components/kit-b/paged-table.tsx';
import { PageHeader } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import { type BoardQuery, type BoardSort, boardExportUrl, useAwaiting, useBoard } from './facility-api.ts';
import { useFacilityPage } from './facility-page.ts';
import './facility-i18n.ts';
import { Panel } from '../../components/panel.tsx';

const STAGES = ['1', '2', '3', '4', '5'];
const BASES = ['voluntary', 'compulsory', 'compulsory_pending'];

/**
 * The residents board: who is in which stage, days served and remaining, upcoming releases, absences. The list is
 * filtered, sorted and paged by the server (a large facility holds thousands of residents) and can be exported
 * whole, in the order shown.
 */
export function BoardPage() {
  const { t, me, facilityId } = useFacilityPage('board.title');
  const [q, setQ] = useState('');
  const [stage, setStage] = useState('');
  const [basis, setBasis] = useState('');
  const [absentOnly, setAbsentOnly] = useState(false);
  const [days, setDays] = useState('30');
  const [sort, setSort] = useState<BoardSort>('name');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const [size, setSize] = useState('100');
  const [pageNo, setPageNo] = useState(1);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const upcomingDays = Math.min(365, Math.max(1, Number(days) || 30));
  const filters: Omit<BoardQuery, 'limit' | 'offset'> = {
    upcomingDays,
    q: debouncedQ.trim() || undefined,
    stage: stage ? Number(stage) : undefined,
    basis: (basis || undefined) as BoardQuery['basis'],
    absent: absentOnly ? 'true' : undefined,
    sort,
    dir,
  };
  const limit = Number(size);
  const board = useBoard(facilityId, { ...filters, limit, offset: (pageNo - 1) * limit });
  const awaiting = useAwaiting(facilityId);
  if (!facilityId) return <NotFound forbidden />;

  const rows = board.data?.residents ?? [];
  const total = board.data?.total ?? 0;
  // Any change of filter or order starts again from the first page.
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPageNo(1);
    };
  const sortBy = (key: BoardSort, next: 'asc' | 'desc') => {
    setDir(next);
    setSort(key);
    setPageNo(1);
  };
  const header = (key: BoardSort, label: string) => (
    <SortHeader column={key} label={label} sort={sort} dir={dir} onSort={sortBy} t={t} prefix="board" />
  );

  return (
    <Stack>
      <PageHeader
        title={t('board.title')}
        action={
          me.abilities.actions.includes('facility.write') && (
            <Button component={Link} to="/facility/residents/new">
              {t('board.admit')}
            </Button>
          )
        }
      />
      {!!awaiting.data?.length && (
        <Paper withBorder p="sm" data-testid="awaiting-note">
          <Group justify="space-between">
            <Text size="sm">
              <b>{t('board.awaiting')}:</b> {t('board.awaitingCount', { count: awaiting.data.length })}
            </Text>
            {me.abilities.actions.includes('facility.write') && (
              <Anchor component={Link} to="/facility/residents/new" size="sm">
                {t('board.admit')}
              </Anchor>
            )}
          </Group>
        </Paper>
      )}
      {board.isPending && <InlineLoader />}
      {board.isError && <ErrorState error={board.error} onRetry={() => board.refetch()} />}
      {board.data && (
        <>
          <section aria-labelledby="by-stage">
            <Title order={2} size="h4" id="by-stage" mb="xs">
              {t('board.byStage')}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid="by-stage">
              {STAGES.map((s) => (
                <Paper key={s} withBorder p="sm">
                  <Text size="xs">{t('stageShort', { n: s })}</Text>
                  <Text size="sm">{t(`stage.${s}`)}</Text>
                  <Text fw={700} size="xl" data-testid={`stage-count-${s}`}>
                    {board.data.byStage[s] ?? 0}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          </section>

          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="sm" component="section" aria-labelledby="upcoming">
              <Group justify="space-between" align="flex-end" mb="xs">
                <Title order={2} size="h4" id="upcoming">
                  {t('board.upcoming')}
                </Title>
                <TextInput
                  label={t('board.upcomingDays')}
                  value={days}
                  onChange={(e) => setDays(e.currentTarget.value)}
                  inputMode="numeric"
                  w={170}
                  size="xs"
                />
              </Group>
              {board.data.upcomingReleases.length === 0 ? (
                <Text size="sm" data-testid="upcoming-empty">
                  {t('board.upcomingEmpty')}
                </Text>
              ) : (
                <Stack gap={4} data-testid="upcoming">
                  {board.data.upcomingReleases.map((u) => (
                    <Group key={u.admissionId} justify="space-between" wrap="nowrap">
                      <Anchor component={Link} to={`/facility/residents/${u.admissionId}`}>
                        {u.fullName}
                      </Anchor>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm">{formatDate(u.plannedRelease)}</Text>
                        <Text size="sm" fw={600} c={u.noticeSent ? undefined : 'red.9'}>
                          {u.noticeSent ? t('board.noticeSent') : t('board.noticeMissing')}
                        </Text>
                      </Group>
                    </Group>
                  ))}
                </Stack>
              )}
            </Paper>
            <Panel id="absences" p="sm" gap="xs" title={t('board.absences')}>
              {board.data.absences.length === 0 ? (
                <Text size="sm" data-testid="absences-empty">
                  {t('board.absencesEmpty')}
                </Text>
              ) : (
                <Stack gap={4} data-testid="absences">
                  {board.data.absences.map((a) => (
                    <Group key={a.admissionId} justify="space-between">
                      <Anchor component={Link} to={`/facility/residents/${a.admissionId}`}>
                        {a.fullName}
                      </Anchor>
                      <Text size="sm">
                        {t(`absence.${a.kind}`)} {t('board.since', { date: formatDate(a.from) })}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Panel>
          </SimpleGrid>

          <section aria-labelledby="residents">
            <Title order={2} size="h4" id="residents" mb="xs">
              {t('board.residents')}
            </Title>
            <Group align="flex-end" mb="sm">
              <TextInput
                label={t('board.search')}
                value={q}
                onChange={(e) => filter(setQ)(e.currentTarget.value)}
              />
              <NativeSelect
                label={t('board.stageFilter')}
                value={stage}
                onChange={(e) => filter(setStage)(e.currentTarget.value)}
                data={[
                  { value: '', label: t('common.all') },
                  ...STAGES.map((s) => ({ value: s, label: t('stageShort', { n: s }) })),
                ]}
              />
              <NativeSelect
                label={t('board.basisFilter')}
                value={basis}
                onChange={(e) => filter(setBasis)(e.currentTarget.value)}
                data={[
                  { value: '', label: t('common.all') },
                  ...BASES.map((b) => ({ value: b, label: t(`basis.${b}`) })),
                ]}
              />
              <Checkbox
                label={t('board.absentOnly')}
                checked={absentOnly}
                onChange={(e) => filter(setAbsentOnly)(e.currentTarget.checked)}
                mb={8}
              />
            </Group>
            {board.data.count === 0 ? (
              <Text data-testid="board-empty">{t('board.empty')}</Text>
            ) : total === 0 ? (
              <Text data-testid="board-no-match">{t('board.noMatch')}</Text>
            ) : (
              <>
                <Group justify="space-between" align="flex-end" mb="xs">
                  <ShownCount
                    page={pageNo}
                    size={limit}
                    rows={rows.length}
                    total={total}
                    t={t}
                    prefix="board"
                  />
                  <Group gap="xs" align="flex-end">
                    <ExportLinks
                      href={(format) => boardExportUrl(facilityId, filters, format)}
                      t={t}
                      prefix="board"
                      title={t('board.exportNote')}
                    />
                    <NativeSelect
                      label={t('board.pageSize')}
                      value={size}
                      onChange={(e) => filter(setSize)(e.currentTarget.value)}
                      data={PAGE_SIZES}
                      size="xs"
                      w={120}
                    />
                  </Group>
                </Group>
                <Table.ScrollContainer minWidth={800}>
                  <Table striped data-testid="board-table">
                    <Table.Caption>{t('board.pendingCounts')}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        {header('name', t('board.name'))}
                        <Table.Th>{t('board.basisFilter')}</Table.Th>
                        {header('stage', t('board.stageFilter'))}
                        {header('admitted_on', t('board.admittedOn'))}
                        {header('bed', t('board.bed'))}
                        {header('served', t('board.served'))}
                        {header('remaining', t('board.remaining'))}
                        {header('release', t('board.release'))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((r) => (
                        <Table.Tr key={r.admissionId} data-testid={`resident-row-${r.admissionId}`}>
                          <Table.Td>
                            <Anchor component={Link} to={`/facility/residents/${r.admissionId}`}>
                              {r.fullName}
                            </Anchor>
                            {r.absence && (
                              <Text size="xs" c="red.9">
                                {t(`absence.${r.absence.kind}`)}
                              </Text>
                            )}
                            {r.noKnownResidence && (
                              <Text size="xs" c="red.9" data-testid="no-residence-flag">
                                {t('board.noResidence')}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{t(`basis.${r.basis}`)}</Table.Td>
                          <Table.Td>{t('stageShort', { n: r.stage })}</Table.Td>
                          <Table.Td>{formatDate(r.admittedOn)}</Table.Td>
                          <Table.Td>
                            {[r.area, r.bed].filter(Boolean).join(' / ') || t('common.none')}
                          </Table.Td>
                          <Table.Td data-testid="served">
                            {t('common.days', { count: r.term.daysServed })}
                          </Table.Td>
                          <Table.Td data-testid="remaining">
                            {r.term.daysRemaining === null
                              ? t('common.none')
                              : t('common.days', { count: r.term.daysRemaining })}
                          </Table.Td>
                          <Table.Td>
                            {r.term.plannedRelease ? formatDate(r.term.plannedRelease) : t('board.noRelease')}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <PageNav
                  total={total}
                  size={limit}
                  page={pageNo}
                  onChange={setPageNo}
                  t={t}
                  prefix="board"
                  mt="sm"
                />
              </>
            )}
          </section>
        </>
      )}
    </Stack>
  );
}
