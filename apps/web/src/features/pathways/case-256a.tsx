import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.ts';
import { tx } from './form-kit.tsx';
import type { DrugTest } from './pathways-api.ts';
import './pathways-i18n.ts';

/** The Criminal Code Art. 256a case of a positive test, as the server computed and stored it (legal class). */
export type CriminalCase = NonNullable<DrugTest['criminalCase']>;

/**
 * Which situation of Criminal Code Art. 256a applied on the date of a positive test, with the episode that
 * put the person in it, its span and its legal basis. The server sends it only to roles that may read the
 * 'legal' class; for the others nothing is shown.
 */
export function Case256a({
  value,
  testedOn,
  compact = false,
}: {
  value: CriminalCase;
  testedOn: string;
  compact?: boolean;
}) {
  const { t } = useTranslation('pathways');
  const span = value.to
    ? t('case256a.span', { from: formatDate(value.from), to: formatDate(value.to) })
    : t('case256a.since', { from: formatDate(value.from) });
  return (
    <Alert
      color="red"
      variant={compact ? 'light' : 'outline'}
      p={compact ? 'xs' : undefined}
      title={compact ? undefined : t('case256a.title')}
      data-testid={compact ? 'case-256a-item' : 'case-256a'}
      data-case={value.case}
    >
      <Text size="sm" fw={600}>
        {t('case256a.case', { point: value.point, date: formatDate(testedOn), label: tx(value.label) })}
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>{t('case256a.episode', { type: tx(value.episodeLabel), span })}</List.Item>
        <List.Item>{t('case256a.basis', { basis: value.basis.map((b) => tx(b)).join('; ') })}</List.Item>
      </List>
      {!compact && (
        <Text size="xs" mt={4}>
          {t('case256a.note')}
        </Text>
      )}
    </Alert>
  );
}
