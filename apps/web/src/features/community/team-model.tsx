import { Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { DateField } from '../../components/date-field.tsx';
import { parseDmy } from '../../i18n/format.ts';
import { Section, todayDmy, todayIso } from './community-kit.tsx';

// The volunteer model on the team page: for a province, its communes with and without the model; for the
// nation, the provinces side by side.

/**
 * The date the volunteer model is read on (today by default): the same dated rule as the indicator
 * "communes with the volunteer model" of a period ending that day.
 */
function useAsOf() {
  const { t } = useTranslation('community');
  const [text, setText] = useState(todayDmy());
  const iso = parseDmy(text);
  const field = (
    <DateField
      label={t('team.modelAsOf')}
      value={text}
      onChange={setText}
      error={iso ? undefined : t('team.modelAsOfInvalid')}
      maw={220}
      data-testid="model-as-of"
    />
  );
  return { asOf: iso ?? todayIso(), field };
}

/** For a province: how many communes have the volunteer model on a date, and which do not. */
export function ProvinceModel({ provinceCode }: { provinceCode: string }) {
  const { t } = useTranslation('community');
  const { asOf, field } = useAsOf();
  const q = useQuery({
    queryKey: ['community', 'volunteer-model', provinceCode, asOf],
    queryFn: () =>
      call(client.GET('/api/community/volunteer-model', { params: { query: { provinceCode, asOf } } })),
  });
  if (q.isPending) return <InlineLoader />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const missing = q.data.communes.filter((c) => !c.hasVolunteerModel);
  return (
    <Section title={t('team.model')} testId="province-model">
      {field}
      <Text size="sm" fw={600}>
        {t('team.modelCount', { withModel: q.data.withModel, total: q.data.total })}
      </Text>
      {missing.length > 0 && (
        <>
          <Text size="sm" mt="xs">
            {t('team.modelMissing')}
          </Text>
          <Text size="sm" c="dimmed">
            {missing.map((c) => c.communeName).join(', ')}
          </Text>
        </>
      )}
    </Section>
  );
}

/** National view: per province, how many communes meet the volunteer-model rule in force. */
export function NationalModel() {
  const { t } = useTranslation('community');
  const { asOf, field } = useAsOf();
  const q = useQuery({
    queryKey: ['community', 'volunteer-model', 'provinces', asOf],
    queryFn: () =>
      call(client.GET('/api/community/volunteer-model/provinces', { params: { query: { asOf } } })),
  });
  if (q.isPending) return <InlineLoader />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const { rule, provinces } = q.data;
  const sorted = [...provinces].sort(
    (a, b) =>
      b.withModel / (b.communes || 1) - a.withModel / (a.communes || 1) ||
      a.provinceCode.localeCompare(b.provinceCode),
  );
  return (
    <Section title={t('nat.title')} testId="national-model">
      {field}
      <Text size="sm" fw={600}>
        {t('team.modelCount', { withModel: q.data.withModel, total: q.data.communes })}
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        {t('nat.rule', rule)}
      </Text>
      {q.data.withModel === 0 && (
        <Text size="sm" mb="xs" data-testid="national-model-none">
          {t('nat.none')}
        </Text>
      )}
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {sorted.map((p) => (
          <Group
            key={p.provinceCode}
            component="li"
            justify="space-between"
            wrap="nowrap"
            gap="xs"
            data-testid="province-row"
          >
            <Text size="sm">{p.provinceName}</Text>
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {t('nat.row', p)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}
