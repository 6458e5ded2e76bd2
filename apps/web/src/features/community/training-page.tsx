import {
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { DateField } from '../../components/date-field.tsx';
import { formatDate } from '../../i18n/format.ts';
import {
  communityApi,
  useCommunityWrite,
  useTrainingShare,
  useTrainingStaff,
  useTrainings,
  useVolunteers,
} from './community-api.ts';
import { checker, type Errors, FormModal, Section, serverFieldErrors, todayDmy } from './community-kit.tsx';

function AddTraining({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('community');
  const volunteers = useVolunteers(true);
  const staff = useTrainingStaff(opened);
  const [staffIds, setStaffIds] = useState<string[]>([]);
  const [course, setCourse] = useState('');
  const [heldOn, setHeldOn] = useState(todayDmy());
  const [organiser, setOrganiser] = useState('');
  const [hours, setHours] = useState<string | number>('');
  const [ids, setIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const write = useCommunityWrite(communityApi.createTraining);
  const submit = () => {
    const c = checker(t);
    const h = c.count('hours', hours);
    const body = {
      course: c.required('course', course),
      heldOn: c.date('heldOn', heldOn),
      organiser: organiser.trim() || undefined,
      hours: h === 0 ? undefined : h,
      attendeeVolunteerIds: ids,
      attendeeUserIds: staffIds,
    };
    setErrors(c.errors);
    if (c.ok())
      write.mutate(body, {
        onSuccess: () => {
          setCourse('');
          setIds([]);
          setStaffIds([]);
          onClose();
        },
        onError: (e) => setErrors(serverFieldErrors(e)),
      });
  };
  return (
    <FormModal
      opened={opened}
      title={t('training.add')}
      onClose={onClose}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
      shown={['course', 'heldOn', 'organiser', 'hours', 'attendeeVolunteerIds', 'attendeeUserIds']}
    >
      <TextInput
        label={t('training.course')}
        required
        value={course}
        onChange={(e) => setCourse(e.currentTarget.value)}
        error={errors.course}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t('training.heldOn')}
          required
          value={heldOn}
          onChange={setHeldOn}
          error={errors.heldOn}
        />
        <NumberInput
          label={t('training.hours')}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          value={hours}
          onChange={setHours}
          error={errors.hours}
        />
      </SimpleGrid>
      <TextInput
        label={t('training.organiser')}
        value={organiser}
        onChange={(e) => setOrganiser(e.currentTarget.value)}
        error={errors.organiser}
      />
      <Checkbox.Group
        label={t('training.staff')}
        value={staffIds}
        onChange={setStaffIds}
        error={errors.attendeeUserIds}
      >
        <Stack gap={6} mt={4}>
          {(staff.data ?? []).map((u) => (
            <Checkbox key={u.id} value={u.id} label={u.fullName} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Checkbox.Group
        label={t('training.attendees')}
        value={ids}
        onChange={setIds}
        error={errors.attendeeVolunteerIds}
      >
        <Stack gap={6} mt={4}>
          {(volunteers.data ?? []).map((v) => (
            <Checkbox key={v.id} value={v.id} label={v.fullName} />
          ))}
        </Stack>
      </Checkbox.Group>
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
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {t('training.title')}
        </Title>
        {can(me, 'community.training') && (
          <Button onClick={() => setAdding(true)}>{t('training.add')}</Button>
        )}
      </Group>
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
      {q.isPending ? (
        <InlineLoader />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('training.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {q.data.map((x) => (
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
        </Stack>
      )}
      <AddTraining opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
