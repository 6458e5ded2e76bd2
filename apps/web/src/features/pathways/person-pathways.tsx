import { Alert, Button, Group, Stack, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can, useSession } from '../../api/session.ts';
import type { Person } from '../../api/types.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { Panel } from '../../components/panel.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { StatusBadge } from '../people/status-badge.tsx';
import { CounsellingForm, StagesForm } from './care-forms.tsx';
import { Case256a, type CriminalCase } from './case-256a.tsx';
import { type EpisodeAct, EpisodeCard, PersonDossiers, TimelineDetail } from './episode-card.tsx';
import {
  CertificateForm,
  CHAIRMAN_TYPES,
  CloseEpisodeForm,
  ContactForm,
  EPISODE_TYPES,
  ScheduleForm,
  TransferForm,
} from './episode-forms.tsx';
import { tx } from './form-kit.tsx';
import { OpenEpisodeForm } from './open-episode-form.tsx';
import { type Episode, useEpisodes, useTimeline } from './pathways-api.ts';
import { DeterminationForm, DrugTestForm } from './screening-forms.tsx';

type Dialog =
  | { kind: 'test' | 'determination' | 'open' | 'transfer' | 'counselling' | 'dossier' }
  | { kind: EpisodeAct; episode: Episode };

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
        <Panel id="pathway-actions" title={t('section.actions')}>
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
        </Panel>
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
        <Panel id="pathway-episodes" title={t('section.episodes')}>
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
        </Panel>
      )}

      {can(me, 'dossiers.read') && <PersonDossiers personId={person.id} />}

      <Panel id="pathway-timeline" title={t('section.timeline')}>
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
      </Panel>

      {dialog && (
        <PathwayDialog
          dialog={dialog}
          person={person}
          openTypes={openTypes}
          onClose={close}
          onDone={done}
          onKept={kept}
        />
      )}
    </Stack>
  );
}

/** The open dialog of an act on the person's path; `onDone` gets the flash to show (null: none). */
function PathwayDialog({
  dialog,
  person,
  openTypes,
  onClose,
  onDone,
  onKept,
}: {
  dialog: Dialog;
  person: Person;
  openTypes: readonly string[];
  onClose: () => void;
  onDone: (f: Flash | null) => void;
  onKept: () => void;
}) {
  const { t } = useTranslation('pathways');
  const modal = { opened: true, onClose };
  const ok = (testId: string, text: string) => onDone({ color: 'green', testId, text });
  const quiet = () => onDone(null);
  switch (dialog.kind) {
    case 'test':
      return (
        <DrugTestForm
          personId={person.id}
          person={person}
          onKept={onKept}
          {...modal}
          onDone={(r) =>
            onDone({
              color: r.positive ? 'orange' : 'green',
              testId: 'flash-test',
              text: `${t('test.title')}: ${r.positive ? t('test.positive') : t('test.negative')}${
                r.relapse ? ` — ${t('test.relapse')}` : ''
              }`,
            })
          }
        />
      );
    case 'determination':
      return (
        <DeterminationForm
          personId={person.id}
          {...modal}
          onDone={(d) =>
            onDone({
              color: d.warning ? 'yellow' : d.addicted ? 'orange' : 'green',
              testId: 'flash-determination',
              // The doctor's conclusion is the result; a disagreeing criteria check is said, not hidden.
              text: d.warning
                ? `${d.addicted ? t('det.resultAddicted') : t('det.resultNotAddicted')}. ${tx(d.warning)}`
                : `${d.addicted ? t('det.resultAddicted') : t('det.resultNotAddicted')}. ${tx(d.reason)}`,
            })
          }
        />
      );
    case 'open':
      return (
        <OpenEpisodeForm
          personId={person.id}
          types={openTypes}
          {...modal}
          onDone={(e) =>
            ok(
              'flash-episode',
              e.plannedEnd
                ? `${tx(e.typeLabel)}. ${t('ep.created', { date: formatDate(e.plannedEnd) })}`
                : `${tx(e.typeLabel)}. ${t('ep.createdNoEnd')}`,
            )
          }
        />
      );
    case 'transfer':
      return (
        <TransferForm
          person={person}
          {...modal}
          onDone={(tr) =>
            ok(
              'flash-transfer',
              t('transfer.done', { at: formatDateTime(tr.handoverDueAt) || formatDate(tr.movedOn) }),
            )
          }
        />
      );
    case 'counselling':
      return (
        <CounsellingForm
          personId={person.id}
          {...modal}
          onDone={(c) =>
            ok('flash-counselling', t('dossiers:counselling.done', { date: formatDate(c.heldOn) }))
          }
        />
      );
    case 'stages':
      return (
        <StagesForm
          episode={dialog.episode}
          {...modal}
          onDone={(e) =>
            ok(
              'flash-stages',
              `${t('dossiers:stages.saved')}.${
                e.type === 'voluntary_community'
                  ? ` ${e.subsidyEligible ? t('dossiers:stages.subsidyYes') : t('dossiers:stages.subsidyNo')}`
                  : ''
              }`,
            )
          }
        />
      );
    case 'close':
      return <CloseEpisodeForm episode={dialog.episode} {...modal} onDone={quiet} />;
    case 'certificate':
      return <CertificateForm episode={dialog.episode} {...modal} onDone={quiet} />;
    case 'contact':
      return (
        <ContactForm episode={dialog.episode} person={person} onKept={onKept} {...modal} onDone={quiet} />
      );
    case 'schedule':
      return (
        <ScheduleForm
          episode={dialog.episode}
          {...modal}
          onDone={(task) => ok('flash-schedule', t('schedule.done', { date: formatDate(task.dueDate) }))}
        />
      );
    default:
      return null;
  }
}
