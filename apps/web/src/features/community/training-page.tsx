import { Button, Card, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../../api/session.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { DateField } from '../../components/date-field.tsx';
import { CardList, CheckList, PageHeader, QueryList } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import {
  communityApi,
  useTrainingShare,
  useTrainingStaff,
  useTrainings,
  useVolunteers,
} from './community-api.ts';
import { type DialogState, FormModal, Section, todayDmy, useCommunityForm } from './community-kit.tsx';

function AddTraining({ opened, onClose }: DialogState) {
  const { t } = useTranslation('community');
  const volunteers = useVolunteers(true);
  const staff = useTrainingStaff(opened);
  const form = useCommunityForm(
    {
      course: '',
      heldOn: todayDmy(),
      organiser: '',
      hours: '' as string | number,
      ids: [] as string[],
      staffIds: [] as string[],
    },
    communityApi.createTraining,
    { opened, onClose },
  );
  const modal = form.dialog((f, c) => {
    const h = c.count('hours', f.hours);
    return {
      course: c.required('course', f.course),
      heldOn: c.date('heldOn', f.heldOn),
      organiser: f.organiser.trim() || undefined,
      hours: h === 0 ? undefined : h,
      attendeeVolunteerIds: f.ids,
      attendeeUserIds: f.staffIds,
    };
  });
  return (
    <FormModal
      title={t('training.add')}
      shown={['course', 'heldOn', 'organiser', 'hours', 'attendeeVolunteerIds', 'attendeeUserIds']}
      {...modal}
    >
      <TextInput label={t('training.course')} required {...form.text('course')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('training.heldOn')} required {...form.value('heldOn')} />
        <NumberInput
          label={t('training.hours')}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          {...form.value('hours')}
        />
      </SimpleGrid>
      <TextInput label={t('training.organiser')} {...form.text('organiser')} />
      <CheckList
        label={t('training.staff')}
        options={(staff.data ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
        {...form.value('staffIds', 'attendeeUserIds')}
      />
      <CheckList
        label={t('training.attendees')}
        options={(volunteers.data ?? []).map((v) => ({ value: v.id, label: v.fullName }))}
        {...form.value('ids', 'attendeeVolunteerIds')}
      />
    </FormModal>
  );
}

/** Training records of staff and volunteers, and the share trained (an indicator). */
export function TrainingPage() {
  const { t } = useTranslation('community');
  usePageTitle(t('training.title'));
  const me = useSession();
  const [adding, setAdding] = useState(false);
  const q = useTrainings();
  const share = useTrainingShare();
  return (
    <Stack>
      <PageHeader
        title={t('training.title')}
        action={
          can(me, 'community.training') && (
            <Button onClick={() => setAdding(true)}>{t('training.add')}</Button>
          )
        }
      />
      {share.data && (
        <Section title={t('training.share')}>
          <Text size="sm">
            {t('training.shareStaff', share.data.staff)}
            {share.data.staff.percent !== null ? ` (${share.data.staff.percent}%)` : ''}
          </Text>
          <Text size="sm">
            {t('training.shareVolunteers', share.data.volunteers)}
            {share.data.volunteers.percent !== null ? ` (${share.data.volunteers.percent}%)` : ''}
          </Text>
        </Section>
      )}
      <QueryList q={q} empty={t('training.empty')}>
        {(items) => (
          <CardList>
            {items.map((x) => (
              <Card withBorder padding="sm" component="li" key={x.id}>
                <Text size="sm" fw={600}>
                  {x.course}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatDate(x.heldOn)}
                  {x.organiser ? ` · ${x.organiser}` : ''} ·{' '}
                  {t('training.attendeeCount', { count: x.attendees.length })}
                </Text>
                {x.attendees.length > 0 && <Text size="sm">{x.attendees.map((a) => a.name).join(', ')}</Text>}
              </Card>
            ))}
          </CardList>
        )}
      </QueryList>
      <AddTraining opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
