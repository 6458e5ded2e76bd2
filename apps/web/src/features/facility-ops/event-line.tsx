import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.ts';
import type { FacilityEvent } from './facility-api.ts';

export const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** One line of the register, in words. */
export function EventLine({ e }: { e: FacilityEvent }) {
  const { t } = useTranslation('facility');
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
  return (
    <Timeline.Item
      title={`${formatDate(e.occurredOn)} · ${t(`event.${e.kind}`)}`}
      data-testid={`event-${e.kind}`}
    >
      <Text size="sm">{text}</Text>
    </Timeline.Item>
  );
}
