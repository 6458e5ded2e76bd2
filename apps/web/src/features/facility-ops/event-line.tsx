import { Group, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.ts';
import type { FacilityEvent } from './facility-api.ts';

export const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** The register line's words for one event. */
export function eventText(e: FacilityEvent, t: TFunction<'facility'>): string {
  const d = e.data;
  let text = '';
  switch (e.kind) {
    case 'visit':
      text = `${t(`visit.${e.subkind}`)} — ${str(d.visitor)} (${str(d.relation)})${d.platform ? ` · ${str(d.platform)}` : ''}`;
      break;
    case 'incident':
      text = `${t(`incident.${e.subkind}`)}: ${str(d.description)}${d.actionTaken ? ` — ${str(d.actionTaken)}` : ''}`;
      break;
    case 'reward':
      text = `${t(`reward.${e.subkind}`)}: ${str(d.reason)} — ${str(d.decidedBy)}`;
      break;
    case 'support':
      text = `${t(`support.${e.subkind}`)}${d.partner ? ` — ${str(d.partner)}` : ''}${d.outcome ? `: ${str(d.outcome)}` : ''}`;
      break;
    case 'term_change':
      text = `${t(`termKind.${e.subkind}`)}${d.decisionNumber ? ` (${str(d.decisionNumber)})` : ''} — ${
        d.newRelease
          ? t('resident.newRelease', { date: formatDate(str(d.newRelease)) })
          : t('resident.newReleaseNone')
      }${d.previousRelease ? `, ${t('resident.previousRelease', { date: formatDate(str(d.previousRelease)) })}` : ''}`;
      break;
    case 'release_notice':
      text = `${str(d.communeChairman)}, ${str(d.communePolice)}: ${str(d.summary)}`;
      break;
    case 'release':
      text = str((d.certificate as { number?: string } | undefined)?.number);
      break;
    case 'departure':
      text = t(`departure.${str(d.reason)}`);
      break;
  }
  return text;
}

/** One line of the register, in words; a voided one struck through with its reason, kept in the history. */
export function EventLine({ e, actions }: { e: FacilityEvent; actions?: ReactNode }) {
  const { t } = useTranslation('facility');
  return (
    <Timeline.Item
      title={`${formatDate(e.occurredOn)} · ${t(`event.${e.kind}`)}`}
      data-testid={`event-${e.kind}`}
      data-voided={e.voided ? 'true' : undefined}
    >
      <Text size="sm" td={e.voided ? 'line-through' : undefined}>
        {eventText(e, t)}
      </Text>
      {e.voided && (
        <Text size="xs" c="red.9" fw={600} data-testid="event-voided">
          {t('fix.voided', { reason: e.voided.reason })}
        </Text>
      )}
      {!e.voided && e.updatedAt && (
        <Text size="xs" c="dimmed">
          {t('fix.corrected', { date: formatDate(e.updatedAt.slice(0, 10)) })}
        </Text>
      )}
      {actions && !e.voided && (
        <Group gap="xs" mt={4}>
          {actions}
        </Group>
      )}
    </Timeline.Item>
  );
}
