import { normalizeVi } from '@hoanhap/domain/normalize';
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader, NotFound } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { formatDate } from '../../i18n/format.ts';
import { type BoardResident, facilityOf, useAwaiting, useBoard } from './facility-api.ts';
import './facility-i18n.ts';

const STAGES = ['1', '2', '3', '4', '5'];
const BASES = ['voluntary', 'compulsory', 'compulsory_pending'];

/** The residents board: who is in which stage, days served and remaining, upcoming releases, absences. */
export function BoardPage() {
  const { t } = useTranslation('facility');
  usePageTitle(t('board.title'));
  const me = useSession();
  const facilityId = facilityOf(me);
  const [q, setQ] = useState('');
  const [stage, setStage] = useState('');
  const [basis, setBasis] = useState('');
  const [absentOnly, setAbsentOnly] = useState(false);
  const [days, setDays] = useState('30');
  const upcomingDays = Math.min(365, Math.max(1, Number(days) || 30));
  const board = useBoard(facilityId, upcomingDays);
  const awaiting = useAwaiting(facilityId);
  if (!facilityId) return <NotFound forbidden />;

  const tokens = normalizeVi(q).split(/\s+/).filter(Boolean);
  const match = (r: BoardResident) =>
    (!stage || String(r.stage) === stage) &&
    (!basis || r.basis === basis) &&
    (!absentOnly || r.absence) &&
    tokens.every((tok) => normalizeVi(r.fullName).includes(tok));
  const rows = board.data?.residents.filter(match) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('board.title')}
        </Title>
        {me.abilities.actions.includes('facility.write') && (
          <Button component={Link} to="/facility/residents/new">
            {t('board.admit')}
          </Button>
        )}
      </Group>
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
            <Paper withBorder p="sm" component="section" aria-labelledby="absences">
              <Title order={2} size="h4" id="absences" mb="xs">
                {t('board.absences')}
              </Title>
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
            </Paper>
          </SimpleGrid>

          <section aria-labelledby="residents">
            <Title order={2} size="h4" id="residents" mb="xs">
              {t('board.residents')}
            </Title>
            <Group align="flex-end" mb="sm">
              <TextInput label={t('board.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
              <NativeSelect
                label={t('board.stageFilter')}
                value={stage}
                onChange={(e) => setStage(e.currentTarget.value)}
                data={[
                  { value: '', label: t('common.all') },
                  ...STAGES.map((s) => ({ value: s, label: t('stageShort', { n: s }) })),
                ]}
              />
              <NativeSelect
                label={t('board.basisFilter')}
                value={basis}
                onChange={(e) => setBasis(e.currentTarget.value)}
                data={[
                  { value: '', label: t('common.all') },
                  ...BASES.map((b) => ({ value: b, label: t(`basis.${b}`) })),
                ]}
              />
              <Checkbox
                label={t('board.absentOnly')}
                checked={absentOnly}
                onChange={(e) => setAbsentOnly(e.currentTarget.checked)}
                mb={8}
              />
            </Group>
            {board.data.residents.length === 0 ? (
              <Text data-testid="board-empty">{t('board.empty')}</Text>
            ) : rows.length === 0 ? (
              <Text data-testid="board-no-match">{t('board.noMatch')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={800}>
                <Table striped data-testid="board-table">
                  <Table.Caption>{t('board.pendingCounts')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('board.name')}</Table.Th>
                      <Table.Th>{t('board.basisFilter')}</Table.Th>
                      <Table.Th>{t('board.stageFilter')}</Table.Th>
                      <Table.Th>{t('board.admittedOn')}</Table.Th>
                      <Table.Th>{t('board.bed')}</Table.Th>
                      <Table.Th>{t('board.served')}</Table.Th>
                      <Table.Th>{t('board.remaining')}</Table.Th>
                      <Table.Th>{t('board.release')}</Table.Th>
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
                        <Table.Td>{[r.area, r.bed].filter(Boolean).join(' / ') || t('common.none')}</Table.Td>
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
            )}
          </section>
        </>
      )}
    </Stack>
  );
}
