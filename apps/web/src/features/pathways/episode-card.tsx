import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, useSession } from '../../api/session.ts';
import { Panel } from '../../components/panel.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useNeedsConnection } from '../../offline/needs-connection.tsx';
import { StagesSummary } from './care-forms.tsx';
import { Case256a, type CriminalCase } from './case-256a.tsx';
import { useDossiers } from './dossiers-api.ts';
import { EPISODE_TYPE_LABELS } from './episode-forms.tsx';
import { tx } from './form-kit.tsx';
import { documentsOf, documentUrl, type Episode, type TimelineItem } from './pathways-api.ts';

// Pieces of a person's pathways: one episode's card, the dossiers that name the person, a timeline entry's detail.

export type EpisodeAct = 'close' | 'certificate' | 'contact' | 'schedule' | 'stages';

/** Episode types whose five stages of rehab are recorded (DOMAIN.md §4). */
export const STAGED_TYPES = ['voluntary_community', 'voluntary_facility', 'compulsory'];

export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
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

export function EpisodeCard({ episode: e, onAct }: { episode: Episode; onAct: (kind: EpisodeAct) => void }) {
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
              {(['docx', 'pdf'] as const).map((format) => (
                <Anchor
                  key={format}
                  href={documentUrl(e.id, kind, format)}
                  download
                  size="sm"
                  aria-label={`${t(`doc.${kind}`)} (${format.toUpperCase()})`}
                >
                  {format.toUpperCase()}
                </Anchor>
              ))}
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
export function PersonDossiers({ personId }: { personId: string }) {
  const { t } = useTranslation('pathways');
  const q = useDossiers({ personId });
  if (!q.data || q.data.items.length === 0) return null;
  return (
    <Panel id="person-dossiers" title={t('nav.dossiers')}>
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
    </Panel>
  );
}

export function TimelineDetail({ item: i }: { item: TimelineItem }) {
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

export const EPISODE_LABEL_OF = (type: string) =>
  EPISODE_TYPE_LABELS[type as keyof typeof EPISODE_TYPE_LABELS] ?? { vi: type, en: type };
