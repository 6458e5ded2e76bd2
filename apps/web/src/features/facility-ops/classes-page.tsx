import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { can } from '../../api/session.ts';
import { NotFound } from '../../app/page-states.tsx';
import { Panel } from '../../components/panel.tsx';
import { PageTitle, QueryView } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import { VoidEventDialog } from './corrections.tsx';
import {
  type FacilityEvent,
  facilityApi,
  facilityKeys,
  useBoard,
  useClasses,
  useEvents,
  type VocationalClass,
} from './facility-api.ts';
import { FixButton, Flash } from './facility-form-kit.tsx';
import { useFacilityPage } from './facility-page.ts';
import { asBody, type FieldSpec, type Parsed, SpecFormModal } from './spec-form.tsx';

type Dialog =
  | { kind: 'class' }
  | { kind: 'labour' }
  | { kind: 'session' }
  | { kind: 'group' }
  | { kind: 'enrol' | 'attendance' | 'certificate'; c: VocationalClass }
  | null;

const ACTIVITIES = ['bamboo_mat', 'plastic_chair', 'vegetables', 'livestock', 'paper', 'other'];
const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const ids = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);

/** Vocational classes (learners, attendance, certificates), labour therapy, counselling sessions, groups. */
export function ClassesPage() {
  const { t, me, facilityId } = useFacilityPage('classes.title');
  const writable = can(me, 'facility.write');
  const qc = useQueryClient();
  const classes = useClasses(facilityId);
  const board = useBoard(facilityId, { upcomingDays: 30, sort: 'name', dir: 'asc' });
  const events = useEvents(facilityId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [voiding, setVoiding] = useState<FacilityEvent | null>(null);
  if (!facilityId) return <NotFound forbidden />;

  const names = new Map((board.data?.residents ?? []).map((r) => [r.admissionId, r.fullName]));
  const nameOf = (id: string) => names.get(id) ?? `#${id.slice(0, 8)}`;
  const residents = (board.data?.residents ?? []).map((r) => ({ value: r.admissionId, label: r.fullName }));
  // Voided entries (entered by mistake) are kept in the history but no longer listed or counted here.
  const byKind = (k: string) => (events.data ?? []).filter((e) => e.kind === k && !e.voided).reverse();
  const attendanceOf = (c: VocationalClass) => byKind('class_attendance').filter((e) => e.subkind === c.id);

  const done = async () => {
    await qc.invalidateQueries({ queryKey: facilityKeys.all });
    setFlash(t('common.saved'));
    setDialog(null);
  };
  const opt = (prefix: string, keys: string[]) => keys.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }));

  const spec = (
    d: NonNullable<Dialog>,
  ): { title: string; fields: FieldSpec[]; submit: (p: Parsed) => Promise<unknown> } => {
    switch (d.kind) {
      case 'class':
        return {
          title: t('classes.open'),
          fields: [
            { key: 'trade', label: t('classes.trade'), kind: 'text', required: true },
            { key: 'teacher', label: t('classes.teacher'), kind: 'text', required: true },
            { key: 'startsOn', label: t('classes.startsOn'), kind: 'date', required: true },
            { key: 'endsOn', label: t('classes.endsOn'), kind: 'date', required: true },
          ],
          submit: (p) => facilityApi.createClass(facilityId, asBody(p)),
        };
      case 'enrol':
        return {
          title: t('classes.enrolTitle', { trade: d.c.trade }),
          fields: [
            { key: 'enrolledOn', label: t('classes.enrolledOn'), kind: 'date', required: true },
            {
              key: 'admissionIds',
              label: t('classes.chooseResidents'),
              kind: 'people',
              required: true,
              options: residents.filter((r) => !d.c.learners.some((l) => l.admissionId === r.value)),
            },
          ],
          submit: (p) => facilityApi.classAct.learners(d.c.id, asBody(p)),
        };
      case 'attendance':
        return {
          title: t('classes.attendanceTitle', { trade: d.c.trade }),
          fields: [
            { key: 'date', label: t('classes.date'), kind: 'date', required: true },
            {
              key: 'presentAdmissionIds',
              label: t('classes.present'),
              kind: 'people',
              options: d.c.learners.map((l) => ({ value: l.admissionId, label: nameOf(l.admissionId) })),
            },
          ],
          submit: (p) => facilityApi.classAct.attendance(d.c.id, asBody(p)),
        };
      case 'certificate':
        return {
          title: t('classes.certificateTitle', { trade: d.c.trade }),
          fields: [
            {
              key: 'admissionId',
              label: t('classes.learner'),
              kind: 'select',
              options: d.c.learners
                .filter((l) => !l.certificateNumber)
                .map((l) => ({ value: l.admissionId, label: nameOf(l.admissionId) })),
            },
            { key: 'number', label: t('classes.certNumber'), kind: 'text', required: true },
            { key: 'issuedOn', label: t('classes.certIssuedOn'), kind: 'date', required: true },
          ],
          submit: (p) => facilityApi.classAct.certificates(d.c.id, asBody(p)),
        };
      case 'labour':
        return {
          title: t('classes.addLabour'),
          fields: [
            { key: 'workedOn', label: t('classes.workedOn'), kind: 'date', required: true },
            {
              key: 'activity',
              label: t('classes.activity'),
              kind: 'select',
              options: opt('activity', ACTIVITIES),
            },
            { key: 'hours', label: t('classes.hours'), kind: 'number', required: true },
            { key: 'output', label: t('classes.output'), kind: 'text' },
            { key: 'incomeVnd', label: t('classes.income'), kind: 'number' },
            { key: 'description', label: t('classes.description'), kind: 'text' },
            {
              key: 'participantAdmissionIds',
              label: t('classes.participants'),
              kind: 'people',
              required: true,
              options: residents,
            },
          ],
          submit: (p) => facilityApi.facilityEvent.labour(facilityId, asBody(p)),
        };
      case 'session':
        return {
          title: t('classes.addSession'),
          fields: [
            { key: 'heldOn', label: t('classes.heldOn'), kind: 'date', required: true },
            {
              key: 'kind',
              label: t('classes.sessionKind'),
              kind: 'select',
              options: [
                { value: 'group', label: t('classes.groupKind') },
                { value: 'individual', label: t('classes.individual') },
                { value: 'thematic', label: t('classes.thematic') },
              ],
            },
            { key: 'topic', label: t('classes.topic'), kind: 'text', required: true },
            { key: 'leader', label: t('classes.leader'), kind: 'text', required: true },
            {
              key: 'attendeeAdmissionIds',
              label: t('classes.attendees'),
              kind: 'people',
              required: true,
              options: residents,
            },
          ],
          submit: (p) => facilityApi.facilityEvent.sessions(facilityId, asBody(p)),
        };
      case 'group':
        return {
          title: t('classes.addGroup'),
          fields: [
            { key: 'name', label: t('classes.groupName'), kind: 'text', required: true },
            { key: 'formedOn', label: t('classes.formedOn'), kind: 'date', required: true },
            {
              key: 'memberAdmissionIds',
              label: t('classes.members'),
              kind: 'people',
              required: true,
              options: residents,
            },
          ],
          submit: (p) => facilityApi.facilityEvent.groups(facilityId, asBody(p)),
        };
    }
  };

  const current = dialog ? spec(dialog) : null;
  const sessionLabel = (s: string | null) =>
    s === 'group' ? t('classes.groupKind') : s ? t(`classes.${s}`) : '';

  const eventList = (
    items: FacilityEvent[],
    empty: string,
    testId: string,
    line: (e: FacilityEvent) => string,
  ) =>
    items.length === 0 ? (
      <Text size="sm">{empty}</Text>
    ) : (
      <Stack gap={2} data-testid={testId}>
        {items.map((e) => (
          <Group key={e.id} gap="xs" wrap="nowrap">
            <Text size="sm">
              {formatDate(e.occurredOn)} · {line(e)}
            </Text>
            {writable && (
              <FixButton
                mode="void"
                what={t(`event.${e.kind}`)}
                on={e.occurredOn}
                onClick={() => setVoiding(e)}
              />
            )}
          </Group>
        ))}
      </Stack>
    );

  return (
    <Stack>
      <PageTitle title={t('classes.title')} />
      <Flash text={flash} onClose={() => setFlash(null)} />
      <Panel
        id="vocational"
        title={t('classes.vocational')}
        action={writable && <Button onClick={() => setDialog({ kind: 'class' })}>{t('classes.open')}</Button>}
      >
        <QueryView q={classes}>
          {(items) =>
            items.length === 0 ? (
              <Text size="sm" data-testid="classes-empty">
                {t('classes.empty')}
              </Text>
            ) : (
              <Stack>
                {items.map((c) => (
                  <Paper key={c.id} withBorder p="sm" data-testid="class-card">
                    <Group justify="space-between" align="flex-start">
                      <div>
                        <Title order={3} size="h5">
                          {c.trade}
                        </Title>
                        <Text size="sm">
                          {t('classes.teacher')}: {c.teacher} · {formatDate(c.startsOn)} –{' '}
                          {formatDate(c.endsOn)}
                        </Text>
                        <Text size="sm" data-testid="class-counts">
                          {t('classes.learnersCount', { count: c.learners.length })} ·{' '}
                          {t('classes.attendanceCount', { count: attendanceOf(c).length })}
                        </Text>
                      </div>
                      {writable && (
                        <Group gap="xs">
                          <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'enrol', c })}>
                            {t('classes.enrol')}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            disabled={c.learners.length === 0}
                            onClick={() => setDialog({ kind: 'attendance', c })}
                          >
                            {t('classes.attendance')}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            disabled={c.learners.every((l) => l.certificateNumber)}
                            onClick={() => setDialog({ kind: 'certificate', c })}
                          >
                            {t('classes.certificate')}
                          </Button>
                        </Group>
                      )}
                    </Group>
                    {c.learners.length === 0 ? (
                      <Text size="sm" mt="xs">
                        {t('classes.noLearners')}
                      </Text>
                    ) : (
                      <Table mt="xs" data-testid="learners">
                        <Table.Tbody>
                          {c.learners.map((l) => (
                            <Table.Tr key={l.admissionId}>
                              <Table.Td>{nameOf(l.admissionId)}</Table.Td>
                              <Table.Td>{formatDate(l.enrolledOn)}</Table.Td>
                              <Table.Td>
                                {l.certificateNumber
                                  ? t('classes.certified', {
                                      number: l.certificateNumber,
                                      date: formatDate(l.certificateDate),
                                    })
                                  : ''}
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    )}
                  </Paper>
                ))}
              </Stack>
            )
          }
        </QueryView>
      </Panel>

      {(
        [
          {
            id: 'labour',
            kind: 'labour',
            add: 'classes.addLabour',
            line: (e: FacilityEvent) =>
              [
                t(`activity.${e.subkind}`),
                `${str(e.data.hours)} h × ${t('classes.attendeeCount', { count: ids(e.data.participantAdmissionIds).length })}`,
                str(e.data.output),
                e.data.incomeVnd != null ? `${Number(e.data.incomeVnd).toLocaleString('vi-VN')} đ` : '',
              ]
                .filter(Boolean)
                .join(' · '),
          },
          {
            id: 'sessions',
            kind: 'session',
            add: 'classes.addSession',
            line: (e: FacilityEvent) =>
              `${sessionLabel(e.subkind)}: ${str(e.data.topic)} — ${str(e.data.leader)} (${ids(
                e.data.attendeeAdmissionIds,
              )
                .map(nameOf)
                .join(', ')})`,
          },
          {
            id: 'groups',
            kind: 'group',
            add: 'classes.addGroup',
            line: (e: FacilityEvent) =>
              `${str(e.data.name)}: ${ids(e.data.memberAdmissionIds).map(nameOf).join(', ')}`,
          },
        ] as const
      ).map((list) => (
        // The facility-wide registers: labour, therapy sessions, self-management groups.
        <Panel
          key={list.id}
          id={list.id}
          title={t(`classes.${list.id}`)}
          action={
            writable && (
              <Button variant="default" onClick={() => setDialog({ kind: list.kind })}>
                {t(list.add)}
              </Button>
            )
          }
        >
          {eventList(byKind(list.kind), t(`classes.${list.id}Empty`), `${list.kind}-list`, list.line)}
        </Panel>
      ))}

      {dialog && current && (
        <SpecFormModal
          key={dialog.kind}
          opened
          title={current.title}
          fields={current.fields}
          onClose={() => setDialog(null)}
          onSubmit={async (p) => {
            await current.submit(p);
            await done();
          }}
        />
      )}
      {voiding && (
        <VoidEventDialog
          e={voiding}
          onClose={() => setVoiding(null)}
          onDone={async () => {
            await qc.invalidateQueries({ queryKey: facilityKeys.all });
            setFlash(t('fix.voidedDone'));
            setVoiding(null);
          }}
        />
      )}
    </Stack>
  );
}
