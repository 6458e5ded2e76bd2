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
import { api } from '../../api/client.ts';
import { can, useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DateField } from '../../components/date-field.tsx';
import { formatDate, parseDmy } from '../../i18n/format.ts';
import {
  communityApi,
  type Team,
  useCommunityWrite,
  useTeams,
  useVolunteer,
  type Volunteer,
} from './community-api.ts';
import {
  checker,
  type Errors,
  FormModal,
  Problem,
  Section,
  serverFieldErrors,
  todayDmy,
  todayIso,
} from './community-kit.tsx';
import { VersionedEdit } from './versioned-edit.tsx';

type Account = { id: string; username: string; fullName: string; volunteerId: string | null };

/** The commune's first team, or (another) a further one, which needs the officer's reason. */
function CreateTeam({ another = false }: { another?: boolean }) {
  const { t } = useTranslation('community');
  const me = useSession();
  const [name, setName] = useState(
    another ? '' : `Đội công tác xã hội tình nguyện ${me.user.scopeName ?? ''}`.trim(),
  );
  const [on, setOn] = useState(todayDmy());
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const write = useCommunityWrite(communityApi.createTeam);
  const submit = () => {
    const c = checker(t);
    const body = {
      name: c.required('name', name),
      establishedOn: c.date('establishedOn', on),
      ...(another ? { severalReason: c.required('severalReason', reason) } : {}),
    };
    setErrors(c.errors);
    if (c.ok()) write.mutate(body, { onError: (e) => setErrors(serverFieldErrors(e)) });
  };
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
            <TextInput
              label={t('team.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <DateField
              label={t('team.establishedOn')}
              required
              value={on}
              onChange={setOn}
              error={errors.establishedOn}
            />
            {another && (
              <Textarea
                label={t('team.severalReason')}
                required
                autosize
                minRows={2}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.severalReason}
              />
            )}
            <Problem error={write.error} shown={['name', 'establishedOn', 'severalReason']} />
            <Button type="submit" loading={write.isPending}>
              {another ? t('team.another') : t('team.create')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function AddVolunteer({ team, opened, onClose }: { team: Team; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('community');
  const empty = { fullName: '', phone: '', organisation: 'womens_union', detail: '', joinedOn: todayDmy() };
  const [f, setF] = useState(empty);
  const [userId, setUserId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const accounts = useAccounts(opened);
  const write = useCommunityWrite(communityApi.createVolunteer);
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const submit = () => {
    const c = checker(t);
    const body = {
      teamId: team.id,
      fullName: c.required('fullName', f.fullName),
      phone: f.phone.trim() || undefined,
      organisation: f.organisation,
      organisationDetail: f.detail.trim() || undefined,
      joinedOn: c.date('joinedOn', f.joinedOn),
      userId: userId ?? undefined,
    };
    setErrors(c.errors);
    if (!c.ok()) return;
    write.mutate(body, {
      onSuccess: () => {
        setF(empty);
        setUserId(null);
        onClose();
      },
      onError: (e) => setErrors(serverFieldErrors(e)),
    });
  };
  return (
    <FormModal
      opened={opened}
      title={t('team.addVolunteer')}
      onClose={onClose}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
      shown={['fullName', 'phone', 'organisation', 'organisationDetail', 'joinedOn', 'userId']}
    >
      <TextInput
        label={t('common.name')}
        required
        value={f.fullName}
        onChange={(e) => set('fullName')(e.currentTarget.value)}
        error={errors.fullName}
      />
      <TextInput
        label={t('common.phone')}
        type="tel"
        value={f.phone}
        onChange={(e) => set('phone')(e.currentTarget.value)}
        error={errors.phone}
      />
      <Select
        label={t('team.organisation')}
        required
        data={VOLUNTEER_ORGANISATIONS.map((o) => ({ value: o, label: t(`org.${o}`) }))}
        value={f.organisation}
        onChange={(v) => set('organisation')(v ?? 'other')}
        error={errors.organisation}
        allowDeselect={false}
      />
      <TextInput
        label={t('team.organisationDetail')}
        value={f.detail}
        onChange={(e) => set('detail')(e.currentTarget.value)}
        error={errors.organisationDetail}
      />
      <DateField
        label={t('team.joinedOn')}
        required
        value={f.joinedOn}
        onChange={set('joinedOn')}
        error={errors.joinedOn}
      />
      <Select
        label={t('team.account')}
        placeholder={t('team.noAccount')}
        data={(accounts.data ?? [])
          .filter((a) => !a.volunteerId)
          .map((a) => ({ value: a.id, label: `${a.fullName} (${a.username})` }))}
        value={userId}
        onChange={setUserId}
        error={errors.userId}
        clearable
        searchable
      />
    </FormModal>
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
    queryFn: () => api.get<{ items: Account[] }>('/api/community/volunteer-accounts').then((r) => r.items),
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
        [t('team.status'), s.active ? t('common.active') : t('common.inactive')],
      ]}
      stop={{
        title: t('team.deactivateTitle'),
        message: t('team.deactivateConfirm', { name: v.fullName }),
        label: t('team.deactivate'),
      }}
      onClose={onClose}
    >
      {({ f, set, errors }) => (
        <>
          <TextInput
            label={t('common.name')}
            required
            value={f.fullName}
            onChange={(e) => set('fullName')(e.currentTarget.value)}
            error={errors.fullName}
          />
          <TextInput
            label={t('common.phone')}
            type="tel"
            value={f.phone}
            onChange={(e) => set('phone')(e.currentTarget.value)}
            error={errors.phone}
          />
          <NativeSelect
            label={t('team.organisation')}
            required
            data={VOLUNTEER_ORGANISATIONS.map((o) => ({ value: o, label: t(`org.${o}`) }))}
            value={f.organisation}
            onChange={(e) => set('organisation')(e.currentTarget.value)}
            error={errors.organisation}
          />
          <TextInput
            label={t('team.organisationDetail')}
            value={f.detail}
            onChange={(e) => set('detail')(e.currentTarget.value)}
            error={errors.organisationDetail}
          />
          <TextInput
            label={t('common.note')}
            value={f.notes}
            onChange={(e) => set('notes')(e.currentTarget.value)}
            error={errors.notes}
          />
          <Checkbox
            label={t('edit.activeLabel')}
            checked={f.active}
            onChange={(e) => set('active')(e.currentTarget.checked)}
          />
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
  const [confirm, setConfirm] = useState(false);
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
            <Button variant="default" color="red" size="xs" onClick={() => setConfirm(true)}>
              {t('team.deactivate')}
            </Button>
          ) : (
            <Button variant="default" size="xs" onClick={() => write.mutate(true)} loading={write.isPending}>
              {t('team.reactivate')}
            </Button>
          ))}
      </Group>
      <ConfirmDialog
        opened={confirm}
        title={t('team.deactivateTitle')}
        message={t('team.deactivateConfirm', { name: v.fullName })}
        confirmLabel={t('team.deactivate')}
        danger
        busy={write.isPending}
        error={write.error ? (write.error as Error).message : null}
        onConfirm={() => write.mutate(false, { onSuccess: () => setConfirm(false) })}
        onClose={() => setConfirm(false)}
      />
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
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {team.members.map((v) => (
              <VolunteerCard key={v.id} v={v} mayWrite={mayWrite} />
            ))}
          </Stack>
        )}
      </Section>
      {mayWrite && <AddVolunteer team={team} opened={adding} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

type Model = {
  total: number;
  withModel: number;
  communes: {
    communeCode: string;
    communeName: string;
    teamId: string | null;
    hasVolunteerModel: boolean;
    activeVolunteers: number;
    volunteersWithPeople: number;
  }[];
};

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
function ProvinceModel({ provinceCode }: { provinceCode: string }) {
  const { t } = useTranslation('community');
  const { asOf, field } = useAsOf();
  const q = useQuery({
    queryKey: ['community', 'volunteer-model', provinceCode, asOf],
    queryFn: () => api.get<Model>('/api/community/volunteer-model', { provinceCode, asOf }),
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

type ProvinceModelRow = {
  provinceCode: string;
  provinceName: string;
  communes: number;
  teams: number;
  withModel: number;
};

/** National view: per province, how many communes meet the volunteer-model rule in force. */
function NationalModel() {
  const { t } = useTranslation('community');
  const { asOf, field } = useAsOf();
  const q = useQuery({
    queryKey: ['community', 'volunteer-model', 'provinces', asOf],
    queryFn: () =>
      api.get<{
        rule: { minVolunteersWithPeople: number; minPeoplePerVolunteer: number };
        provinces: ProvinceModelRow[];
        communes: number;
        withModel: number;
      }>('/api/community/volunteer-model/provinces', { asOf }),
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
      <Title order={1} size="h2">
        {t('team.title')}
      </Title>
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
