import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Codes as in packages/domain's person statuses; an unknown code is shown as is.
export const PERSON_STATUS_CODES = [
  'registered',
  'drug_user_managed',
  'addicted',
  'community_rehab',
  'facility_rehab',
  'compulsory_pending',
  'compulsory_rehab',
  'substitution_therapy',
  'post_rehab',
  'relapsed',
  'completed',
] as const;

const COLORS: Record<string, string> = {
  registered: 'gray',
  drug_user_managed: 'orange',
  addicted: 'red',
  community_rehab: 'blue',
  facility_rehab: 'blue',
  compulsory_pending: 'orange',
  compulsory_rehab: 'grape',
  substitution_therapy: 'cyan',
  post_rehab: 'teal',
  relapsed: 'red',
  completed: 'green',
};

export function useStatusLabel() {
  const { t, i18n } = useTranslation();
  return (code: string) => (i18n.exists(`status.${code}`) ? t(`status.${code}`) : code);
}

export function StatusBadge({ status }: { status: string }) {
  const label = useStatusLabel();
  return (
    <Badge color={COLORS[status] ?? 'gray'} tt="none" size="lg" radius="sm">
      {label(status)}
    </Badge>
  );
}
