import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can, useSession } from '../../api/session.ts';
import type { Person } from '../../api/types.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { useNeedsConnection } from '../../offline/needs-connection.tsx';
import { StatusBadge } from '../people/status-badge.tsx';
import { CounsellingForm, StagesForm, StagesSummary } from './care-forms.tsx';
import { Case256a, type CriminalCase } from './case-256a.tsx';
import { useDossiers } from './dossiers-api.ts';
import {
  CertificateForm,
  CHAIRMAN_TYPES,
  CloseEpisodeForm,
  ContactForm,
  EPISODE_TYPE_LABELS,
  EPISODE_TYPES,
  OpenEpisodeForm,
  ScheduleForm,
  TransferForm,
} from './episode-forms.tsx';
import { tx } from './form-kit.tsx';
import {
  documentsOf,
  documentUrl,
  type Episode,
  type TimelineItem,
  useEpisodes,
  useTimeline,
} from './pathways-api.ts';
import { DeterminationForm, DrugTestForm } from './screening-forms.tsx';

type Dialog =
  | { kind: 'test' | 'determination' | 'open' | 'transfer' | 'counselling' | 'dossier' }
  | { kind: EpisodeAct; episode: Episode };
type EpisodeAct = 'close' | 'certificate' | 'contact' | 'schedule' | 'stages';
/** Episode types whose five stages of rehab are recorded (DOMAIN.md §4). */
const STAGED_TYPES = ['voluntary_community', 'voluntary_facility', 'compulsory'];

type Flash = { color: string; text: string; testId: string };

/**
 * The person's legal path on their page: the derived status, the acts the role may record, the episodes with
 * their documents, and the timeline of episodes and events.
 */
export function PersonPathways({ person }: { person: Person }) {
  const { t } = useTranslation('pathways');
  const me = useSession();
  const classes = me.abilities.readableClasses;
  const readsLegal = can(me, 'episodes.read') && classes.includes('legal');
  const readsTimeline = can(me, 'episodes.read');
  const timeline = useTimeline(person.id, readsTimeline);
  const episodes = useEpisodes(person.id, readsLegal);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [flash, setFlash] = useState<Flash | null>(null);
  const navigate = useNavigate();
  if (!readsTimeline) return null;

  const close = () => setDialog(null);
  const done = (f: Flash | null) => {
    setDialog(null);
    setFlash(f);
  };
  // Recorded without a connection: it waits in the outbox ("chờ gửi" in the header) and is sent later.
  const kept = () => done({ color: 'blue', testId: 'flash-kept', text: t('offline:savedOffline') });
  // Who decides on a drug user follows the rule of the decision date (the chairman until 30/06/2026, the head
  // of commune police under Law 120/2025): offer it to both; the server refuses the wrong one, citing the rule.
  const openTypes = EPISODE_TYPES.filter(
    (x) =>
      !CHAIRMAN_TYPES.includes(x) ||
      can(me, 'decisions.issue') ||
      (x === 'user_management' && can(me, 'police_decisions.issue')),
  );

  const actions: { key: Dialog['kind']; label: string; allowed: boolean }[] = [
    { key: 'test', label: t('act.drugTest'), allowed: can(me, 'tests.write') },
    { key: 'determination', label: t('act.determination'), allowed: can(me, 'determinations.record') },
    { key: 'counselling', label: t('dossiers:counselling.act'), allowed: can(me, 'screening.write') },
    { key: 'open', label: t('act.openEpisode'), allowed: can(me, 'episodes.write') },
    { key: 'dossier', label: t('act.dossier'), allowed: can(me, 'dossiers.write') },
    { key: 'transfer', label: t('act.transfer'), allowed: can(me, 'transfers.write') },
  ];
  const allowed = actions.filter((a) => a.allowed);
  const items = timeline.data?.items ?? [];
  const relapses = items.filter((i) => i.kind === 'relapse');
  // The latest positive test that fell in a Criminal Code Art. 256a situation (sent to 'legal' readers only).
  const flagged = items
    .filter((i) => i.kind === 'drug_test' && i.data.criminalCase)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];

  return (
    <Stack data-testid="person-pathways">
      {timeline.data && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('derivedStatus')}:
          </Text>
          <span data-testid="derived-status">
            <StatusBadge status={timeline.data.status} />
          </span>
        </Group>
      )}
      {(timeline.data?.status === 'relapsed' || relapses.length > 0) && (
        <Alert
          color="red"
          variant="filled"
          role="alert"
          title={t('relapseFlag')}
          data-testid="relapse-flag"
        />
      )}
      {flagged && <Case256a value={flagged.data.criminalCase as CriminalCase} testedOn={flagged.date} />}
      {allowed.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="pathway-actions">
          <Title order={2} size="h4" mb="sm" id="pathway-actions">
            {t('section.actions')}
          </Title>
          <Group>
            {allowed.map((a) => (
              <Button
                key={a.key}
                variant={a.key === 'transfer' ? 'default' : 'light'}
                onClick={() => {
                  setFlash(null);
                  if (a.key === 'dossier') navigate(`/dossiers?new=${encodeURIComponent(person.id)}`);
                  else setDialog({ kind: a.key } as Dialog);
                }}
              >
                {a.label}
              </Button>
            ))}
          </Group>
        </Paper>
      )}
      {flash && (
        <Alert
          color={flash.color}
          role="status"
          data-testid={flash.testId}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setFlash(null)}
        >
          {flash.text}
        </Alert>
      )}

      {readsLegal && (
        <Paper withBorder p="md" component="section" aria-labelledby="pathway-episodes">
          <Title order={2} size="h4" mb="sm" id="pathway-episodes">
            {t('section.episodes')}
          </Title>
          {episodes.isPending ? (
            <InlineLoader />
          ) : episodes.isError ? (
            <ErrorState error={episodes.error} onRetry={() => episodes.refetch()} />
          ) : episodes.data.length === 0 ? (
            <Text size="sm">{t('episodesEmpty')}</Text>
          ) : (
            <Stack>
              {[...episodes.data]
                .sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0))
                .map((e) => (
                  <EpisodeCard key={e.id} episode={e} onAct={(kind) => setDialog({ kind, episode: e })} />
                ))}
            </Stack>
          )}
        </Paper>
      )}

      {can(me, 'dossiers.read') && <PersonDossiers personId={person.id} />}

      <Paper withBorder p="md" component="section" aria-labelledby="pathway-timeline">
        <Title order={2} size="h4" mb="sm" id="pathway-timeline">
          {t('section.timeline')}
        </Title>
        {timeline.isPending ? (
          <InlineLoader />
        ) : timeline.isError ? (
          <ErrorState error={timeline.error} onRetry={() => timeline.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm">{t('timelineEmpty')}</Text>
        ) : (
          <Timeline
            bulletSize={14}
            lineWidth={2}
            data-testid="timeline"
            component="ol"
            style={{ listStyle: 'none', paddingInlineStart: 0 }}
          >
            {items.map((i) => (
              <Timeline.Item
                key={i.id}
                component="li"
                color={i.kind === 'relapse' ? 'red' : i.kind === 'certificate' ? 'green' : 'blue'}
                title={
                  <Group gap="xs">
                    <Text fw={600} size="sm" component="span">
                      {formatDate(i.date)}
                    </Text>
                    <Text size="sm" component="span" fw={500}>
                      {tx(i.title)}
                    </Text>
                  </Group>
                }
                data-testid={`timeline-${i.kind}`}
              >
                <TimelineDetail item={i} />
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Paper>

      {dialog?.kind === 'test' && (
        <DrugTestForm
          personId={person.id}
          person={person}
          onKept={kept}
          opened
          onClose={close}
          onDone={(r) =>
            done({
              color: r.positive ? 'orange' : 'green',
              testId: 'flash-test',
              text: `${t('test.title')}: ${r.positive ? t('test.positive') : t('test.negative')}${
                r.relapse ? ` — ${t('test.relapse')}` : ''
              }`,
            })
          }
        />
      )}
      {dialog?.kind === 'determination' && (
        <DeterminationForm
          personId={person.id}
          opened
          onClose={close}
          onDone={(d) =>
            done({
              color: d.warning ? 'yellow' : d.addicted ? 'orange' : 'green',
              testId: 'flash-determination',
              // The doctor's conclusion is the result; a disagreeing criteria check is said, not hidden.
              text: d.warning
                ? `${d.addicted ? t('det.resultAddicted') : t('det.resultNotAddicted')}. ${tx(d.warning)}`
                : `${d.addicted ? t('det.resultAddicted') : t('det.resultNotAddicted')}. ${tx(d.reason)}`,
            })
          }
        />
      )}
      {dialog?.kind === 'open' && (
        <OpenEpisodeForm
          personId={person.id}
          types={openTypes}
          opened
          onClose={close}
          onDone={(e) =>
            done({
              color: 'green',
              testId: 'flash-episode',
              text: e.plannedEnd
                ? `${tx(e.typeLabel)}. ${t('ep.created', { date: formatDate(e.plannedEnd) })}`
                : `${tx(e.typeLabel)}. ${t('ep.createdNoEnd')}`,
            })
          }
        />
      )}
      {dialog?.kind === 'transfer' && (
        <TransferForm
          person={person}
          opened
          onClose={close}
          onDone={(tr) =>
            done({
              color: 'green',
              testId: 'flash-transfer',
              text: t('transfer.done', { at: formatDateTime(tr.handoverDueAt) || formatDate(tr.movedOn) }),
            })
          }
        />
      )}
      {dialog?.kind === 'counselling' && (
        <CounsellingForm
          personId={person.id}
          opened
          onClose={close}
          onDone={(c) =>
            done({
              color: 'green',
              testId: 'flash-counselling',
              text: t('dossiers:counselling.done', { date: formatDate(c.heldOn) }),
            })
          }
        />
      )}
      {dialog?.kind === 'stages' && (
        <StagesForm
          episode={dialog.episode}
          opened
          onClose={close}
          onDone={(e) =>
            done({
              color: 'green',
              testId: 'flash-stages',
              text: `${t('dossiers:stages.saved')}.${
                e.type === 'voluntary_community'
                  ? ` ${e.subsidyEligible ? t('dossiers:stages.subsidyYes') : t('dossiers:stages.subsidyNo')}`
                  : ''
              }`,
            })
          }
        />
      )}
      {dialog?.kind === 'close' && (
        <CloseEpisodeForm episode={dialog.episode} opened onClose={close} onDone={() => done(null)} />
      )}
      {dialog?.kind === 'certificate' && (
        <CertificateForm episode={dialog.episode} opened onClose={close} onDone={() => done(null)} />
      )}
      {dialog?.kind === 'contact' && (
        <ContactForm
          episode={dialog.episode}
          person={person}
          onKept={kept}
          opened
          onClose={close}
          onDone={() => done(null)}
        />
      )}
      {dialog?.kind === 'schedule' && (
        <ScheduleForm
          episode={dialog.episode}
          opened
          onClose={close}
          onDone={(task) =>
            done({
              color: 'green',
              testId: 'flash-schedule',
              text: t('schedule.done', { date: formatDate(task.dueDate) }),
            })
          }
        />
      )}
    </Stack>
  );
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm" fw={500} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

function EpisodeCard({ episode: e, onAct }: { episode: Episode; onAct: (kind: EpisodeAct) => void }) {
  const { t } = useTranslation('pathways');
  const me = useSession();
  const open = !e.actualEnd && !e.certificate;
  const writes = can(me, 'episodes.write');
  const managed = ['user_management', 'post_rehab', 'compulsory_pending'].includes(e.type);
  const docs = documentsOf(e);
  // Documents are made by the server: without a connection the links say so instead of failing.
  const net = useNeedsConnection();
  return (
    <Card
      withBorder
      padding="sm"
      component="article"
      aria-label={tx(e.typeLabel)}
      data-testid={`episode-${e.type}`}
    >
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{tx(e.typeLabel)}</Text>
        {e.outcome ? (
          <Badge color="gray" tt="none" data-testid="episode-state">
            {t('ep.ended')}: {tx(e.outcomeLabel)}
          </Badge>
        ) : (
          <Badge color="blue" tt="none" data-testid="episode-state">
            {t('ep.active')}
          </Badge>
        )}
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 4 }} m={0} spacing="xs">
        <Field label={t('ep.startDate')}>{formatDate(e.startDate)}</Field>
        {e.termStart && e.termStart !== e.startDate && (
          <Field label={t('ep.termStart')}>{formatDate(e.termStart)}</Field>
        )}
        {e.termMonths !== null && <Field label={t('ep.termMonths')}>{e.termMonths}</Field>}
        <Field label={t('ep.plannedEnd')} testId="planned-end">
          {e.plannedEnd ? formatDate(e.plannedEnd) : '—'}
        </Field>
        {e.actualEnd && <Field label={t('ep.actualEnd')}>{formatDate(e.actualEnd)}</Field>}
        {e.outcomeLabel && <Field label={t('ep.outcome')}>{tx(e.outcomeLabel)}</Field>}
        <Field label={t('ep.authority')}>{tx(e.authorityLabel)}</Field>
        {e.decision && (
          <Field label={t('ep.decision')}>
            {[e.decision.number, formatDate(e.decision.date), e.decision.signer, e.decision.body]
              .filter(Boolean)
              .join(' · ')}
          </Field>
        )}
        {e.documentNumber && <Field label={t('ep.documentNumber')}>{e.documentNumber}</Field>}
        {e.subsidyEligible && <Field label={t('ep.subsidy')}>✓</Field>}
        {e.certificate && (
          <Field label={t('ep.certificate')}>
            {[e.certificate.number, formatDate(e.certificate.date)].filter(Boolean).join(' · ')}
          </Field>
        )}
      </SimpleGrid>
      {e.transition && (
        <Alert
          color="blue"
          variant="light"
          p="xs"
          mt="xs"
          title={t('ep.transition')}
          data-testid="episode-transition"
        >
          <Text size="sm">{tx(e.transition.reason)}</Text>
          <Text size="xs" c="dimmed">
            {t('ep.transitionBasis', { basis: e.transition.basis.map(tx).join('; ') })}
            {e.transition.verify ? ` ${t('ep.transitionVerify')}` : ''}
          </Text>
        </Alert>
      )}
      {STAGED_TYPES.includes(e.type) && (
        <div style={{ marginTop: 'var(--mantine-spacing-xs)' }}>
          <StagesSummary episode={e} />
        </div>
      )}
      {docs.length > 0 && net.offline && (
        <Text size="sm" c="dimmed" mt="sm" data-testid="documents-need-connection">
          {t('ep.documents')}: {net.why}
        </Text>
      )}
      {docs.length > 0 && !net.offline && (
        <Group gap="md" mt="sm" aria-label={t('ep.documents')} role="group">
          {docs.map((kind) => (
            <Group key={kind} gap={6}>
              <Text size="sm">{t(`doc.${kind}`)}:</Text>
              <Anchor
                href={documentUrl(e.id, kind, 'docx')}
                download
                size="sm"
                aria-label={`${t(`doc.${kind}`)} (DOCX)`}
              >
                DOCX
              </Anchor>
              <Anchor
                href={documentUrl(e.id, kind, 'pdf')}
                download
                size="sm"
                aria-label={`${t(`doc.${kind}`)} (PDF)`}
              >
                PDF
              </Anchor>
            </Group>
          ))}
        </Group>
      )}
      {open && writes && (
        <Group gap="xs" mt="sm">
          {managed && (
            <Button
              size="xs"
              variant="light"
              onClick={() => onAct('contact')}
              aria-describedby={`contact-hint-${e.id}`}
            >
              {t('act.contact')}
            </Button>
          )}
          {managed && (
            <Button size="xs" variant="light" onClick={() => onAct('schedule')}>
              {t('act.schedule')}
            </Button>
          )}
          {STAGED_TYPES.includes(e.type) && (
            <Button size="xs" variant="light" onClick={() => onAct('stages')}>
              {t('dossiers:stages.act')}
            </Button>
          )}
          {e.type === 'post_rehab' && can(me, 'decisions.issue') && (
            <Button size="xs" variant="light" color="green" onClick={() => onAct('certificate')}>
              {t('act.certificate')}
            </Button>
          )}
          <Button size="xs" variant="outline" color="red.9" onClick={() => onAct('close')}>
            {t('act.close')}
          </Button>
        </Group>
      )}
      {open && writes && managed && (
        <Text size="xs" c="dimmed" mt={4} id={`contact-hint-${e.id}`} data-testid="contact-hint">
          {t('act.contactHint')}
        </Text>
      )}
    </Card>
  );
}

/** The compulsory-rehab dossiers that name this person, each linking to its page. */
function PersonDossiers({ personId }: { personId: string }) {
  const { t } = useTranslation('pathways');
  const q = useDossiers({ personId });
  if (!q.data || q.data.items.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="person-dossiers">
      <Title order={2} size="h4" mb="sm" id="person-dossiers">
        {t('nav.dossiers')}
      </Title>
      <Stack gap={4} data-testid="person-dossiers">
        {q.data.items.map((d) => (
          <Group key={d.id} gap="xs">
            <Anchor component={Link} to={`/dossiers/${d.id}`} size="sm">
              {formatDate(d.preparedOn)}: {d.persons.map((p) => p.fullName).join(', ')}
            </Anchor>
            <Text size="sm" fw={700} c="blue.9" span>
              {tx(d.statusLabel)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function TimelineDetail({ item: i }: { item: TimelineItem }) {
  const { t, i18n } = useTranslation('pathways');
  const d = i.data as Record<string, unknown>;
  const line = (text: string) => (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  );
  switch (i.kind) {
    case 'drug_test': {
      const results = (d.results as { substance: string; result: string }[]) ?? [];
      const pos = results.filter((r) => r.result === 'positive').map((r) => t(`substance.${r.substance}`));
      return (
        <Stack gap={2}>
          {line(`${t(`method.${d.method}`)} · ${t(`reason.${d.reason}`)} · ${String(d.performedBy ?? '')}`)}
          <Text size="sm" c={pos.length ? 'red.9' : 'green.9'} fw={500}>
            {pos.length ? t('tl.positive', { list: pos.join(', ') }) : t('tl.negative')}
          </Text>
          {Boolean(d.criminalCase) && (
            <Case256a compact value={d.criminalCase as CriminalCase} testedOn={i.date} />
          )}
        </Stack>
      );
    }
    case 'relapse':
      return (
        <Stack gap={4}>
          <Badge color="red" tt="none" data-testid="relapse-badge">
            {t('test.relapse')}
          </Badge>
          {typeof d.duringEpisodeType === 'string' &&
            line(
              t('tl.relapseDuring', {
                type: tx(EPISODE_LABEL_OF(d.duringEpisodeType)),
              }),
            )}
          {d.criminalWindow === true && !d.criminalCase && (
            <Alert color="red" variant="light" p="xs" data-testid="window-256a">
              {t('tl.window256a')}
            </Alert>
          )}
        </Stack>
      );
    case 'determination': {
      const met = (d.criteriaMet as string[]) ?? [];
      return (
        <Stack gap={2}>
          <Text size="sm" fw={600} c={d.addicted ? 'red.9' : 'green.9'}>
            {d.addicted ? t('det.resultAddicted') : t('det.resultNotAddicted')}
          </Text>
          {d.conclusion ? line(t('det.byDoctor')) : null}
          {line(tx(d.reason as { vi: string; en: string }))}
          {d.warning ? (
            <Alert color="yellow" variant="light" p="xs" data-testid="determination-warning">
              {tx(d.warning as { vi: string; en: string })}
            </Alert>
          ) : null}
          {met.length > 0 &&
            line(`${t('det.criteriaMet')}: ${met.map((c) => t(`criterion.${c}`)).join('; ')}`)}
          {line(`${(d.doctor as { name: string })?.name ?? ''} · ${String(d.facilityName ?? '')}`)}
        </Stack>
      );
    }
    case 'decision':
      return line(
        [
          d.number,
          formatDate(d.date as string),
          d.signer,
          d.body,
          tx(d.authority as { vi: string; en: string }),
        ]
          .filter(Boolean)
          .join(' · '),
      );
    case 'episode_start': {
      const end = d.plannedEnd as string | null;
      return end ? line(`${t('ep.plannedEnd')}: ${formatDate(end)}`) : null;
    }
    case 'episode_end': {
      const reason = typeof d.reason === 'string' ? d.reason : '';
      if (!reason) return null;
      // A reason the server recorded as a code (e.g. compulsory_order) is shown in words.
      return line(i18n.exists(`pathways:endReason.${reason}`) ? t(`endReason.${reason}`) : reason);
    }
    case 'certificate':
      return line([d.number, formatDate(d.date as string)].filter(Boolean).join(' · '));
    case 'contact':
      return line(
        t('tl.contactBy', {
          method: t(`contactMethod.${d.method}`),
          by: String(d.byName ?? ''),
          summary: String(d.summary ?? ''),
        }),
      );
    case 'transfer':
      return line(t('tl.movedTo', { code: (d.to as { communeCode: string })?.communeCode ?? '' }));
    case 'counselling':
      return line(`${String(d.topic ?? '')} · ${String(d.counsellor ?? '')}`);
    default:
      return null;
  }
}

const EPISODE_LABEL_OF = (type: string) =>
  EPISODE_TYPE_LABELS[type as keyof typeof EPISODE_TYPE_LABELS] ?? { vi: type, en: type };
