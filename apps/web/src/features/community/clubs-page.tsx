import { CLUB_MEETING_KINDS, CLUB_MEMBER_KINDS } from '@hoanhap/domain/community-rules';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can, useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DateField } from '../../components/date-field.tsx';
import { formatDate } from '../../i18n/format.ts';
import {
  type Club,
  communityApi,
  useClub,
  useClubs,
  useCommunityWrite,
  usePeopleOptions,
} from './community-api.ts';
import {
  checker,
  type Errors,
  FormModal,
  Section,
  serverFieldErrors,
  todayDmy,
  todayIso,
} from './community-kit.tsx';
import { VersionedEdit } from './versioned-edit.tsx';

function AddClub({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('community');
  const [name, setName] = useState('');
  const [on, setOn] = useState(todayDmy());
  const [errors, setErrors] = useState<Errors>({});
  const write = useCommunityWrite(communityApi.createClub);
  const submit = () => {
    const c = checker(t);
    const body = { name: c.required('name', name), foundedOn: c.date('foundedOn', on) };
    setErrors(c.errors);
    if (c.ok())
      write.mutate(body, {
        onSuccess: () => {
          setName('');
          onClose();
        },
        onError: (e) => setErrors(serverFieldErrors(e)),
      });
  };
  return (
    <FormModal
      opened={opened}
      title={t('club.add')}
      onClose={onClose}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
      shown={['name', 'foundedOn']}
    >
      <TextInput
        label={t('club.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
      />
      <DateField label={t('club.foundedOn')} required value={on} onChange={setOn} error={errors.foundedOn} />
    </FormModal>
  );
}

/** The commune's support clubs (CLB hỗ trợ người sau cai nghiện) with member counts. */
export function ClubsPage() {
  const { t } = useTranslation('community');
  usePageTitle(t('club.title'));
  const me = useSession();
  const [adding, setAdding] = useState(false);
  const q = useClubs();
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {t('club.title')}
        </Title>
        {can(me, 'community.write') && <Button onClick={() => setAdding(true)}>{t('club.add')}</Button>}
      </Group>
      {q.isPending ? (
        <InlineLoader />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="clubs-empty">
          {t('club.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {q.data.map((c) => (
            <Card withBorder padding="sm" component="li" key={c.id}>
              <Anchor component={Link} to={`/community/clubs/${c.id}`} fw={600}>
                {c.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t('club.foundedOn')}: {formatDate(c.foundedOn)} · {t('club.counts', c.memberCounts)}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      <AddClub opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}

function AddMember({ club, opened, onClose }: { club: Club; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('community');
  const [kind, setKind] = useState<string>('person');
  const [personId, setPersonId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const people = usePeopleOptions(kind === 'person' && opened ? debounced : '__none__');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [relation, setRelation] = useState('');
  const [joinedOn, setJoinedOn] = useState(todayDmy());
  const [errors, setErrors] = useState<Errors>({});
  const write = useCommunityWrite((body: unknown) => communityApi.addMember(club.id, body));
  const submit = () => {
    const c = checker(t);
    if (kind === 'person' && !personId) c.errors.personId = t('common.required');
    const body =
      kind === 'person'
        ? { kind, personId, joinedOn: c.date('joinedOn', joinedOn) }
        : {
            kind,
            name: c.required('name', name),
            phone: phone.trim() || undefined,
            relation: relation.trim() || undefined,
            joinedOn: c.date('joinedOn', joinedOn),
          };
    setErrors(c.errors);
    if (c.ok())
      write.mutate(body, {
        onSuccess: () => {
          setName('');
          setPersonId(null);
          onClose();
        },
        onError: (e) => setErrors(serverFieldErrors(e)),
      });
  };
  return (
    <FormModal
      opened={opened}
      title={t('club.addMember')}
      onClose={onClose}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
      shown={['kind', 'personId', 'name', 'phone', 'relation', 'joinedOn']}
    >
      <Select
        label={t('club.memberKind')}
        data={CLUB_MEMBER_KINDS.map((k) => ({ value: k, label: t(`club.memberKindOpt.${k}`) }))}
        value={kind}
        onChange={(v) => setKind(v ?? 'person')}
        allowDeselect={false}
      />
      {kind === 'person' ? (
        <Select
          label={t('asg.person')}
          required
          placeholder={t('asg.personHint')}
          data={(people.data ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
          value={personId}
          onChange={setPersonId}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          searchable
          error={errors.personId}
        />
      ) : (
        <>
          <TextInput
            label={t('common.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('common.phone')}
              type="tel"
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={errors.phone}
            />
            <TextInput
              label={t('club.relation')}
              value={relation}
              onChange={(e) => setRelation(e.currentTarget.value)}
              error={errors.relation}
            />
          </SimpleGrid>
        </>
      )}
      <DateField
        label={t('club.joinedOn')}
        required
        value={joinedOn}
        onChange={setJoinedOn}
        error={errors.joinedOn}
      />
    </FormModal>
  );
}

function AddMeeting({ club, opened, onClose }: { club: Club; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('community');
  const members = club.members.filter((m) => !m.leftOn);
  const [kind, setKind] = useState<string>('regular');
  const [heldOn, setHeldOn] = useState(todayDmy());
  const [topic, setTopic] = useState('');
  const [place, setPlace] = useState('');
  const [present, setPresent] = useState<string[]>([]);
  const [guests, setGuests] = useState<string | number>('');
  const [errors, setErrors] = useState<Errors>({});
  const write = useCommunityWrite((body: unknown) => communityApi.addMeeting(club.id, body));
  const submit = () => {
    const c = checker(t);
    const body = {
      kind,
      heldOn: c.date('heldOn', heldOn),
      topic: c.required('topic', topic),
      place: place.trim() || undefined,
      attendeeMemberIds: present,
      guests: c.count('guests', guests),
    };
    setErrors(c.errors);
    if (c.ok())
      write.mutate(body, {
        onSuccess: () => {
          setTopic('');
          setPresent([]);
          onClose();
        },
        onError: (e) => setErrors(serverFieldErrors(e)),
      });
  };
  return (
    <FormModal
      opened={opened}
      title={t('club.addMeeting')}
      onClose={onClose}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
      shown={['kind', 'heldOn', 'topic', 'place', 'attendeeMemberIds', 'guests']}
    >
      <Select
        label={t('club.meetingKind')}
        data={CLUB_MEETING_KINDS.map((k) => ({ value: k, label: t(`club.meetingKindOpt.${k}`) }))}
        value={kind}
        onChange={(v) => setKind(v ?? 'regular')}
        allowDeselect={false}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t('common.date')}
          required
          value={heldOn}
          onChange={setHeldOn}
          error={errors.heldOn}
        />
        <TextInput
          label={t('common.place')}
          value={place}
          onChange={(e) => setPlace(e.currentTarget.value)}
          error={errors.place}
        />
      </SimpleGrid>
      <TextInput
        label={t('club.topic')}
        required
        value={topic}
        onChange={(e) => setTopic(e.currentTarget.value)}
        error={errors.topic}
      />
      <Checkbox.Group
        label={t('club.attendees')}
        value={present}
        onChange={setPresent}
        error={errors.attendeeMemberIds}
      >
        <Stack gap={6} mt={4}>
          {members.map((m) => (
            <Checkbox key={m.id} value={m.id} label={m.name ?? m.id} />
          ))}
        </Stack>
      </Checkbox.Group>
      <NumberInput
        label={t('club.guests')}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        value={guests}
        onChange={setGuests}
        error={errors.guests}
      />
    </FormModal>
  );
}

function MemberRow({ club, m, mayWrite }: { club: Club; m: Club['members'][number]; mayWrite: boolean }) {
  const { t } = useTranslation('community');
  const [confirm, setConfirm] = useState(false);
  const write = useCommunityWrite(() => communityApi.memberLeaves(club.id, m.id, todayIso()));
  return (
    <Group component="li" justify="space-between" gap="xs" wrap="wrap">
      <Stack gap={0}>
        <Text size="sm" fw={500}>
          {m.name}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`club.memberKindOpt.${m.kind}`)}
          {m.relation ? ` · ${m.relation}` : ''} · {formatDate(m.joinedOn)}
          {m.leftOn ? ` · ${t('club.left', { date: formatDate(m.leftOn) })}` : ''}
        </Text>
      </Stack>
      {mayWrite && !m.leftOn && (
        <Button size="compact-sm" variant="default" onClick={() => setConfirm(true)}>
          {t('club.leave')}
        </Button>
      )}
      <ConfirmDialog
        opened={confirm}
        title={t('club.leaveTitle')}
        message={t('club.leaveConfirm', { name: m.name })}
        confirmLabel={t('club.leave')}
        danger
        busy={write.isPending}
        error={write.error ? (write.error as Error).message : null}
        onConfirm={() => write.mutate(undefined, { onSuccess: () => setConfirm(false) })}
        onClose={() => setConfirm(false)}
      />
    </Group>
  );
}

/** One club: members (people after rehab, families, collaborators) and meetings with topics and attendance. */
type ClubBase = Pick<Club, 'id' | 'name' | 'notes' | 'active' | 'version'>;

/** Corrects a club's name and notes, or closes it (version-checked; closing asks for confirmation). */
function EditClub({ club, onClose }: { club: ClubBase; onClose: () => void }) {
  const { t } = useTranslation('community');
  return (
    <VersionedEdit
      record={club}
      toForm={(c: ClubBase) => ({ name: c.name, notes: c.notes ?? '', active: c.active })}
      toBody={(f, base, c) => ({
        name: c.required('name', f.name),
        notes: f.notes.trim() || null,
        ...(f.active !== base.active ? { active: f.active } : {}),
      })}
      update={(body) => communityApi.updateClub(club.id, body)}
      title={t('edit.clubTitle', { name: club.name })}
      shown={['name', 'notes']}
      staleRows={(s) => [
        [t('club.name'), s.name],
        [t('common.note'), s.notes ?? ''],
        [t('team.status'), s.active ? t('common.active') : t('common.inactive')],
      ]}
      stop={{
        title: t('edit.clubStopTitle'),
        message: t('edit.clubStopConfirm', { name: club.name }),
        label: t('edit.stop'),
      }}
      onClose={onClose}
    >
      {({ f, set, errors }) => (
        <>
          <TextInput
            label={t('club.name')}
            required
            value={f.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label={t('common.note')}
            value={f.notes}
            onChange={(e) => set('notes')(e.currentTarget.value)}
            error={errors.notes}
          />
          <Checkbox
            label={t('edit.clubActive')}
            checked={f.active}
            onChange={(e) => set('active')(e.currentTarget.checked)}
          />
        </>
      )}
    </VersionedEdit>
  );
}

export function ClubPage() {
  const { t } = useTranslation('community');
  const { id = '' } = useParams();
  const me = useSession();
  const mayWrite = can(me, 'community.write');
  const q = useClub(id);
  const [dialog, setDialog] = useState<'member' | 'meeting' | 'edit' | null>(null);
  usePageTitle(q.data?.name ?? t('club.title'));
  if (q.isPending) return <InlineLoader />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const club = q.data;
  return (
    <Stack>
      <Anchor component={Link} to="/community/clubs" size="sm">
        ← {t('common.back')}
      </Anchor>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} size="h2">
          {club.name}
        </Title>
        {mayWrite && (
          <Button variant="default" onClick={() => setDialog('edit')} data-testid="edit-club">
            {t('edit.edit')}
          </Button>
        )}
      </Group>
      <Text size="sm">
        {!club.active && (
          <Badge color="gray" variant="light" mr="xs">
            {t('common.inactive')}
          </Badge>
        )}
        {t('club.foundedOn')}: {formatDate(club.foundedOn)} · {t('club.counts', club.memberCounts)}
      </Text>
      {club.notes && <Text size="sm">{club.notes}</Text>}
      <Section
        title={t('club.members')}
        action={mayWrite && <Button onClick={() => setDialog('member')}>{t('club.addMember')}</Button>}
      >
        {club.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('club.membersEmpty')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {club.members.map((m) => (
              <MemberRow key={m.id} club={club} m={m} mayWrite={mayWrite} />
            ))}
          </Stack>
        )}
      </Section>
      <Section
        title={t('club.meetings')}
        action={mayWrite && <Button onClick={() => setDialog('meeting')}>{t('club.addMeeting')}</Button>}
      >
        {club.meetings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('club.meetingsEmpty')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {club.meetings.map((m) => (
              <Card withBorder padding="sm" component="li" key={m.id}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {formatDate(m.heldOn)}
                  </Text>
                  <Badge variant="light">{t(`club.meetingKindOpt.${m.kind}`)}</Badge>
                  <Text size="sm">{t('club.attendance', { count: m.attendance })}</Text>
                </Group>
                <Text size="sm">{m.topic}</Text>
              </Card>
            ))}
          </Stack>
        )}
      </Section>
      {mayWrite && (
        <>
          <AddMember club={club} opened={dialog === 'member'} onClose={() => setDialog(null)} />
          <AddMeeting club={club} opened={dialog === 'meeting'} onClose={() => setDialog(null)} />
          {dialog === 'edit' && <EditClub club={club} onClose={() => setDialog(null)} />}
        </>
      )}
    </Stack>
  );
}
