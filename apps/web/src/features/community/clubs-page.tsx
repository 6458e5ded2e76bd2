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
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { BodyOf } from '../../api/schema.ts';
import { can, useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { ConfirmButton } from '../../components/confirm-dialog.tsx';
import { DateField } from '../../components/date-field.tsx';
import { CardList, CheckList, Listed, PageHeader, QueryList } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import { type Club, communityApi, useClub, useClubs, useCommunityWrite } from './community-api.ts';
import {
  DatedCard,
  type DialogState,
  FormModal,
  Section,
  todayDmy,
  todayIso,
  useCommunityForm,
  usePersonSearch,
} from './community-kit.tsx';
import { VersionedEdit } from './versioned-edit.tsx';

function AddClub({ opened, onClose }: DialogState) {
  const { t } = useTranslation('community');
  const form = useCommunityForm({ name: '', on: todayDmy() }, communityApi.createClub, {
    opened,
    onClose,
  });
  const modal = form.dialog((f, c) => ({
    name: c.required('name', f.name),
    foundedOn: c.date('foundedOn', f.on),
  }));
  return (
    <FormModal title={t('club.add')} shown={['name', 'foundedOn']} {...modal}>
      <TextInput label={t('club.name')} required {...form.text('name')} />
      <DateField label={t('club.foundedOn')} required {...form.value('on', 'foundedOn')} />
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
      <PageHeader
        title={t('club.title')}
        action={
          can(me, 'community.write') && <Button onClick={() => setAdding(true)}>{t('club.add')}</Button>
        }
      />
      <QueryList q={q} empty={t('club.empty')} emptyTestId="clubs-empty">
        {(items) => (
          <CardList>
            {items.map((c) => (
              <Card withBorder padding="sm" component="li" key={c.id}>
                <Anchor component={Link} to={`/community/clubs/${c.id}`} fw={600}>
                  {c.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('club.foundedOn')}: {formatDate(c.foundedOn)} · {t('club.counts', c.memberCounts)}
                </Text>
              </Card>
            ))}
          </CardList>
        )}
      </QueryList>
      <AddClub opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}

function AddMember({ club, opened, onClose }: DialogState & { club: Club }) {
  const { t } = useTranslation('community');
  const form = useCommunityForm(
    {
      kind: 'person',
      personId: null as string | null,
      name: '',
      phone: '',
      relation: '',
      joinedOn: todayDmy(),
    },
    (body: BodyOf<'addClubMember'>) => communityApi.addMember(club.id, body),
    { opened, onClose },
  );
  const find = usePersonSearch(form.f.kind === 'person' && opened);
  const modal = form.dialog((f, c) => {
    if (f.kind === 'person' && !f.personId) c.errors.personId = t('common.required');
    return f.kind === 'person'
      ? { kind: f.kind, personId: f.personId, joinedOn: c.date('joinedOn', f.joinedOn) }
      : {
          kind: f.kind,
          name: c.required('name', f.name),
          phone: f.phone.trim() || undefined,
          relation: f.relation.trim() || undefined,
          joinedOn: c.date('joinedOn', f.joinedOn),
        };
  });
  return (
    <FormModal
      title={t('club.addMember')}
      shown={['kind', 'personId', 'name', 'phone', 'relation', 'joinedOn']}
      {...modal}
    >
      <Select
        label={t('club.memberKind')}
        data={CLUB_MEMBER_KINDS.map((k) => ({ value: k, label: t(`club.memberKindOpt.${k}`) }))}
        {...form.pick('kind', 'person')}
        error={undefined}
      />
      {form.f.kind === 'person' ? (
        <Select
          label={t('asg.person')}
          required
          placeholder={t('asg.personHint')}
          data={(find.people.data ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
          {...form.value('personId')}
          {...find.selectProps}
        />
      ) : (
        <>
          <TextInput label={t('common.name')} required {...form.text('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('common.phone')} type="tel" {...form.text('phone')} />
            <TextInput label={t('club.relation')} {...form.text('relation')} />
          </SimpleGrid>
        </>
      )}
      <DateField label={t('club.joinedOn')} required {...form.value('joinedOn')} />
    </FormModal>
  );
}

function AddMeeting({ club, opened, onClose }: DialogState & { club: Club }) {
  const { t } = useTranslation('community');
  const members = club.members.filter((m) => !m.leftOn);
  const form = useCommunityForm(
    {
      kind: 'regular',
      heldOn: todayDmy(),
      topic: '',
      place: '',
      present: [] as string[],
      guests: '' as string | number,
    },
    (body: BodyOf<'recordClubMeeting'>) => communityApi.addMeeting(club.id, body),
    { opened, onClose },
  );
  const modal = form.dialog((f, c) => ({
    kind: f.kind,
    heldOn: c.date('heldOn', f.heldOn),
    topic: c.required('topic', f.topic),
    place: f.place.trim() || undefined,
    attendeeMemberIds: f.present,
    guests: c.count('guests', f.guests),
  }));
  return (
    <FormModal
      title={t('club.addMeeting')}
      shown={['kind', 'heldOn', 'topic', 'place', 'attendeeMemberIds', 'guests']}
      {...modal}
    >
      <Select
        label={t('club.meetingKind')}
        data={CLUB_MEETING_KINDS.map((k) => ({ value: k, label: t(`club.meetingKindOpt.${k}`) }))}
        {...form.pick('kind', 'regular')}
        error={undefined}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('common.date')} required {...form.value('heldOn')} />
        <TextInput label={t('common.place')} {...form.text('place')} />
      </SimpleGrid>
      <TextInput label={t('club.topic')} required {...form.text('topic')} />
      <CheckList
        label={t('club.attendees')}
        options={members.map((m) => ({ value: m.id, label: m.name ?? m.id }))}
        {...form.value('present', 'attendeeMemberIds')}
      />
      <NumberInput
        label={t('club.guests')}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        {...form.value('guests')}
      />
    </FormModal>
  );
}

function MemberRow({ club, m, mayWrite }: { club: Club; m: Club['members'][number]; mayWrite: boolean }) {
  const { t } = useTranslation('community');
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
        <ConfirmButton
          label={t('club.leave')}
          title={t('club.leaveTitle')}
          message={t('club.leaveConfirm', { name: m.name })}
          busy={write.isPending}
          error={write.error}
          onConfirm={(close) => write.mutate(undefined, { onSuccess: close })}
        />
      )}
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
      ]}
      stop={{
        title: t('edit.clubStopTitle'),
        message: t('edit.clubStopConfirm', { name: club.name }),
        label: t('edit.stop'),
      }}
      onClose={onClose}
    >
      {(form) => (
        <>
          <TextInput label={t('club.name')} required {...form.text('name')} />
          <TextInput label={t('common.note')} {...form.text('notes')} />
          <Checkbox label={t('edit.clubActive')} {...form.check('active')} />
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
      <PageHeader
        title={club.name}
        action={
          mayWrite && (
            <Button variant="default" onClick={() => setDialog('edit')} data-testid="edit-club">
              {t('edit.edit')}
            </Button>
          )
        }
      />
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
        <Listed items={club.members} empty={t('club.membersEmpty')}>
          {(items) => (
            <CardList>
              {items.map((m) => (
                <MemberRow key={m.id} club={club} m={m} mayWrite={mayWrite} />
              ))}
            </CardList>
          )}
        </Listed>
      </Section>
      <Section
        title={t('club.meetings')}
        action={mayWrite && <Button onClick={() => setDialog('meeting')}>{t('club.addMeeting')}</Button>}
      >
        <Listed items={club.meetings} empty={t('club.meetingsEmpty')}>
          {(items) => (
            <CardList>
              {items.map((m) => (
                <DatedCard
                  key={m.id}
                  date={m.heldOn}
                  head={
                    <>
                      <Badge variant="light">{t(`club.meetingKindOpt.${m.kind}`)}</Badge>
                      <Text size="sm">{t('club.attendance', { count: m.attendance })}</Text>
                    </>
                  }
                >
                  <Text size="sm">{m.topic}</Text>
                </DatedCard>
              ))}
            </CardList>
          )}
        </Listed>
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
