import { VOLUNTEER_ORGANISATIONS } from '@hoanhap/domain/community-rules';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, client } from '../../api/client.ts';
import { can, useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { ConfirmButton } from '../../components/confirm-dialog.tsx';
import { DateField } from '../../components/date-field.tsx';
import type { Fields } from '../../components/form-fields.ts';
import { CardList, PageTitle } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import {
  communityApi,
  type Team,
  useCommunityWrite,
  useTeams,
  useVolunteer,
  type Volunteer,
} from './community-api.ts';
import {
  type DialogState,
  FormModal,
  Problem,
  Section,
  serverFieldErrors,
  todayDmy,
  todayIso,
  useCommunityForm,
} from './community-kit.tsx';
import { NationalModel, ProvinceModel } from './team-model.tsx';
import { VersionedEdit } from './versioned-edit.tsx';

/** The commune's first team, or (another) a further one, which needs the officer's reason. */
function CreateTeam({ another = false }: { another?: boolean }) {
  const { t } = useTranslation('community');
  const me = useSession();
  const form = useCommunityForm(
    {
      name: another ? '' : `Đội công tác xã hội tình nguyện ${me.user.scopeName ?? ''}`.trim(),
      on: todayDmy(),
      reason: '',
    },
    communityApi.createTeam,
  );
  const submit = () =>
    form.submit((f, c) => ({
      name: c.required('name', f.name),
      establishedOn: c.date('establishedOn', f.on),
      ...(another ? { severalReason: c.required('severalReason', f.reason) } : {}),
    }));
  return (
    <Stack>
      {another ? (
        <Title order={2} size="h4">
          {t('team.another')}
        </Title>
      ) : (
        <Alert color="blue" data-testid="team-none">
          {t('team.none')}
        </Alert>
      )}
      {another && <Text size="sm">{t('team.anotherHint')}</Text>}
      {can(me, 'community.write') && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          noValidate
        >
          <Stack>
            <TextInput label={t('team.name')} required {...form.text('name')} />
            <DateField label={t('team.establishedOn')} required {...form.value('on', 'establishedOn')} />
            {another && (
              <Textarea
                label={t('team.severalReason')}
                required
                autosize
                minRows={2}
                {...form.text('reason', 'severalReason')}
              />
            )}
            <Problem error={form.write.error} shown={['name', 'establishedOn', 'severalReason']} />
            <Button type="submit" loading={form.write.isPending}>
              {another ? t('team.another') : t('team.create')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function AddVolunteer({ team, opened, onClose }: DialogState & { team: Team }) {
  const { t } = useTranslation('community');
  const form = useCommunityForm(
    {
      fullName: '',
      phone: '',
      organisation: 'womens_union',
      detail: '',
      joinedOn: todayDmy(),
      userId: null as string | null,
    },
    communityApi.createVolunteer,
    { opened, onClose },
  );
  const accounts = useAccounts(opened);
  const modal = form.dialog((f, c) => ({
    teamId: team.id,
    fullName: c.required('fullName', f.fullName),
    phone: f.phone.trim() || undefined,
    organisation: f.organisation,
    organisationDetail: f.detail.trim() || undefined,
    joinedOn: c.date('joinedOn', f.joinedOn),
    userId: f.userId ?? undefined,
  }));
  return (
    <FormModal
      title={t('team.addVolunteer')}
      shown={['fullName', 'phone', 'organisation', 'organisationDetail', 'joinedOn', 'userId']}
      {...modal}
    >
      <NameAndPhone form={form} />
      <Select
        label={t('team.organisation')}
        required
        data={VOLUNTEER_ORGANISATIONS.map((o) => ({ value: o, label: t(`org.${o}`) }))}
        {...form.pick('organisation', 'other')}
      />
      <TextInput label={t('team.organisationDetail')} {...form.text('detail', 'organisationDetail')} />
      <DateField label={t('team.joinedOn')} required {...form.value('joinedOn')} />
      <Select
        label={t('team.account')}
        placeholder={t('team.noAccount')}
        data={(accounts.data ?? [])
          .filter((a) => !a.volunteerId)
          .map((a) => ({ value: a.id, label: `${a.fullName} (${a.username})` }))}
        {...form.value('userId')}
        clearable
        searchable
      />
    </FormModal>
  );
}

/** A volunteer's name and phone, the same when adding and when correcting. */
function NameAndPhone({ form }: { form: Pick<Fields<{ fullName: string; phone: string }>, 'text'> }) {
  const { t } = useTranslation('community');
  return (
    <>
      <TextInput label={t('common.name')} required {...form.text('fullName')} />
      <TextInput label={t('common.phone')} type="tel" {...form.text('phone')} />
    </>
  );
}

function VolunteerTrainings({ id }: { id: string }) {
  const { t } = useTranslation('community');
  const q = useVolunteer(id);
  if (q.isPending) return <InlineLoader />;
  if (q.isError) return <ErrorState error={q.error} />;
  return (
    <Text size="sm">
      {t('team.trainings')}:{' '}
      {q.data.trainings.length === 0
        ? t('team.notTrained')
        : q.data.trainings.map((x) => `${x.course} (${formatDate(x.heldOn)})`).join('; ')}
    </Text>
  );
}

function useAccounts(enabled: boolean) {
  return useQuery({
    queryKey: ['community', 'volunteer-accounts'],
    queryFn: () => call(client.GET('/api/community/volunteer-accounts')).then((r) => r.items),
    enabled,
  });
}

/** Links (or unlinks) the volunteer's account: the account that sees the volunteer's people. */
function AccountLink({ v }: { v: Volunteer }) {
  const { t } = useTranslation('community');
  const accounts = useAccounts(true);
  const write = useCommunityWrite((userId: string | null) =>
    communityApi.updateVolunteer(v.id, { version: v.version, userId }),
  );
  if (accounts.isPending) return <InlineLoader />;
  if (accounts.isError) return <ErrorState error={accounts.error} onRetry={() => accounts.refetch()} />;
  const data = accounts.data
    .filter((a) => !a.volunteerId || a.volunteerId === v.id)
    .map((a) => ({ value: a.id, label: `${a.fullName} (${a.username})` }));
  return (
    <Stack gap={4}>
      <NativeSelect
        label={t('team.account')}
        data={[{ value: '', label: t('team.noAccount') }, ...data]}
        value={v.userId ?? ''}
        onChange={(e) => write.mutate(e.currentTarget.value || null)}
        error={serverFieldErrors(write.error).userId}
        disabled={write.isPending}
        size="sm"
      />
      <Problem error={write.error} shown={['userId']} />
    </Stack>
  );
}

type VolunteerForm = {
  fullName: string;
  phone: string;
  organisation: string;
  detail: string;
  notes: string;
  active: boolean;
};
const volunteerForm = (v: Volunteer): VolunteerForm => ({
  fullName: v.fullName,
  phone: v.phone ?? '',
  organisation: v.organisation,
  detail: v.organisationDetail ?? '',
  notes: v.notes ?? '',
  active: v.active,
});

/** Corrects a volunteer's details (version-checked); stopping them asks for confirmation first. */
function EditVolunteer({ v, onClose }: { v: Volunteer; onClose: () => void }) {
  const { t } = useTranslation('community');
  return (
    <VersionedEdit
      record={v}
      toForm={volunteerForm}
      toBody={(f, base, c) => ({
        fullName: c.required('fullName', f.fullName),
        phone: f.phone.trim() || null,
        organisation: f.organisation,
        organisationDetail: f.detail.trim() || null,
        notes: f.notes.trim() || null,
        ...(f.active !== base.active
          ? { active: f.active, ...(f.active ? {} : { leftOn: todayIso() }) }
          : {}),
      })}
      update={(body) => communityApi.updateVolunteer(v.id, body)}
      title={t('edit.volunteerTitle', { name: v.fullName })}
      shown={['fullName', 'phone', 'organisation', 'organisationDetail', 'notes']}
      staleRows={(s) => [
        [t('common.name'), s.fullName],
        [t('common.phone'), s.phone ?? ''],
        [t('team.organisation'), t(`org.${s.organisation}`)],
        [t('team.organisationDetail'), s.organisationDetail ?? ''],
      ]}
      stop={{
        title: t('team.deactivateTitle'),
        message: t('team.deactivateConfirm', { name: v.fullName }),
        label: t('team.deactivate'),
      }}
      onClose={onClose}
    >
      {(form) => (
        <>
          <NameAndPhone form={form} />
          <NativeSelect
            label={t('team.organisation')}
            required
            data={VOLUNTEER_ORGANISATIONS.map((o) => ({ value: o, label: t(`org.${o}`) }))}
            {...form.text('organisation')}
          />
          <TextInput label={t('team.organisationDetail')} {...form.text('detail', 'organisationDetail')} />
          <TextInput label={t('common.note')} {...form.text('notes')} />
          <Checkbox label={t('edit.activeLabel')} {...form.check('active')} />
          <VolunteerTrainings id={v.id} />
          <Text size="sm">
            <Anchor component={Link} to="/community/training">
              {t('edit.trainingHint')}
            </Anchor>
          </Text>
        </>
      )}
    </VersionedEdit>
  );
}

function VolunteerCard({ v, mayWrite }: { v: Volunteer; mayWrite: boolean }) {
  const { t } = useTranslation('community');
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const write = useCommunityWrite((active: boolean) =>
    communityApi.updateVolunteer(v.id, {
      version: v.version,
      active,
      ...(active ? {} : { leftOn: todayIso() }),
    }),
  );
  return (
    <Card withBorder padding="sm" component="li" data-testid="volunteer-card">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Group gap="xs">
            <Anchor component="button" type="button" fw={600} onClick={() => setOpen((o) => !o)}>
              {v.fullName}
            </Anchor>
            {v.isLeader && <Badge color="grape">{t('team.leaderLabel')}</Badge>}
            <Badge color={v.active ? 'green' : 'gray'} variant="light">
              {v.active ? t('common.active') : t('common.inactive')}
            </Badge>
          </Group>
          <Text size="sm">
            {t(`org.${v.organisation}`)}
            {v.organisationDetail ? ` · ${v.organisationDetail}` : ''}
            {v.phone ? ` · ${v.phone}` : ''}
          </Text>
          <Text size="sm" c="dimmed">
            {t('team.joinedOn')}: {formatDate(v.joinedOn)} · {t('team.people')}:{' '}
            {t('team.peopleCount', { count: v.assignedPeople })}
          </Text>
          {open && <VolunteerTrainings id={v.id} />}
          {open && mayWrite && v.active && <AccountLink v={v} />}
        </Stack>
        {mayWrite && (
          <Button variant="default" size="xs" onClick={() => setEditing(true)} data-testid="edit-volunteer">
            {t('edit.edit')}
          </Button>
        )}
        {mayWrite &&
          (v.active ? (
            <ConfirmButton
              label={t('team.deactivate')}
              title={t('team.deactivateTitle')}
              message={t('team.deactivateConfirm', { name: v.fullName })}
              busy={write.isPending}
              error={write.error}
              onConfirm={(close) => write.mutate(false, { onSuccess: close })}
              button={{ size: 'xs', color: 'red' }}
            />
          ) : (
            <Button variant="default" size="xs" onClick={() => write.mutate(true)} loading={write.isPending}>
              {t('team.reactivate')}
            </Button>
          ))}
      </Group>
      {editing && <EditVolunteer v={v} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function TeamView({ team, mayWrite }: { team: Team; mayWrite: boolean }) {
  const { t } = useTranslation('community');
  const [adding, setAdding] = useState(false);
  const leader = useCommunityWrite((leaderVolunteerId: string | null) =>
    communityApi.updateTeam(team.id, { version: team.version, leaderVolunteerId }),
  );
  const active = team.members.filter((m) => m.active);
  return (
    <Stack>
      <Section title={team.name} testId="team">
        <Stack gap="xs">
          <Text size="sm">
            {team.communeName} · {t('team.establishedOn')}: {formatDate(team.establishedOn)}
            {team.severalReason ? ` · ${t('team.severalReasonShown', { reason: team.severalReason })}` : ''}
          </Text>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t('team.model')}:
            </Text>
            <Badge color={team.hasVolunteerModel ? 'green' : 'orange'} data-testid="team-model">
              {team.hasVolunteerModel ? t('team.modelYes') : t('team.modelNo')}
            </Badge>
          </Group>
          <Text size="sm">
            {t('team.stats', { active: team.activeVolunteers, withPeople: team.volunteersWithPeople })}
          </Text>
          {mayWrite ? (
            <Select
              label={t('team.leader')}
              placeholder={t('team.noLeader')}
              data={active.map((m) => ({ value: m.id, label: m.fullName }))}
              value={team.leaderVolunteerId}
              onChange={(v) => leader.mutate(v)}
              clearable
              maw={360}
            />
          ) : (
            <Text size="sm">
              {t('team.leader')}:{' '}
              {team.members.find((m) => m.id === team.leaderVolunteerId)?.fullName ?? t('team.noLeader')}
            </Text>
          )}
          <Problem error={leader.error} />
        </Stack>
      </Section>
      <Section
        title={`${t('team.members')} (${team.members.length})`}
        action={
          mayWrite && (
            <Button onClick={() => setAdding(true)} data-testid="add-volunteer">
              {t('team.addVolunteer')}
            </Button>
          )
        }
      >
        {team.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('team.membersEmpty')}
          </Text>
        ) : (
          <CardList>
            {team.members.map((v) => (
              <VolunteerCard key={v.id} v={v} mayWrite={mayWrite} />
            ))}
          </CardList>
        )}
      </Section>
      {mayWrite && <AddVolunteer team={team} opened={adding} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

/** The commune's volunteer team: leader, members (organisation, training, active), the volunteer model. */
export function TeamPage() {
  const { t } = useTranslation('community');
  usePageTitle(t('team.title'));
  const me = useSession();
  // National officers get the model by province; every team of the country would be too long a page.
  const national = me.user.scopeKind === 'nation';
  const q = useTeams(!national);
  const mayWrite = can(me, 'community.write');
  return (
    <Stack>
      <PageTitle title={t('team.title')} />
      {me.user.scopeKind === 'nation' && <NationalModel />}
      {me.user.scopeKind === 'province' && me.user.scopeCode && (
        <ProvinceModel provinceCode={me.user.scopeCode} />
      )}
      {national ? null : q.isPending ? (
        <InlineLoader />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.length === 0 && me.user.scopeKind !== 'commune' ? (
        <Text size="sm" c="dimmed">
          {t('team.noneInScope')}
        </Text>
      ) : q.data.length === 0 ? (
        <CreateTeam />
      ) : (
        <SimpleGrid cols={1}>
          {q.data.map((team) => (
            <TeamView key={team.id} team={team} mayWrite={mayWrite} />
          ))}
          {me.user.scopeKind === 'commune' && mayWrite && (
            <Paper withBorder p="sm" data-testid="team-another">
              <CreateTeam another />
            </Paper>
          )}
        </SimpleGrid>
      )}
    </Stack>
  );
}
