import { NativeSelect, NumberInput, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DateField as DateFieldLocal } from '../../components/date-field.tsx';
import { formatDate } from '../../i18n/format.ts';
import { mayKeepOnDevice, sendOrKeep, wasKept } from '../../offline/outbox.ts';
import { type AddressValue, CommunePicker, emptyAddress } from '../org/commune-picker.tsx';
import { checker, type Errors, FormModal, todayDmy, tx } from './form-kit.tsx';
import { type EntrySubject, officerEntry } from './offline-entry.ts';
import {
  type Episode,
  pathwayApi,
  type Task,
  type Transfer,
  useFacilities,
  usePathwayWrite,
} from './pathways-api.ts';

export const EPISODE_TYPES = [
  'user_management',
  'voluntary_community',
  'voluntary_facility',
  'compulsory_pending',
  'compulsory',
  'substitution_therapy',
  'post_rehab',
] as const;
export const EPISODE_TYPE_LABELS: Record<(typeof EPISODE_TYPES)[number], { vi: string; en: string }> = {
  user_management: {
    vi: 'Quản lý người sử dụng trái phép chất ma túy',
    en: 'Management of an illegal drug user',
  },
  voluntary_community: {
    vi: 'Cai nghiện tự nguyện tại gia đình, cộng đồng',
    en: 'Voluntary rehab at family/community',
  },
  voluntary_facility: {
    vi: 'Cai nghiện tự nguyện tại cơ sở cai nghiện',
    en: 'Voluntary rehab at a facility',
  },
  compulsory_pending: {
    vi: 'Quản lý trong thời gian lập hồ sơ cai nghiện bắt buộc',
    en: 'Management while a compulsory dossier is pending',
  },
  compulsory: { vi: 'Cai nghiện bắt buộc', en: 'Compulsory rehab' },
  substitution_therapy: { vi: 'Điều trị thay thế (methadone)', en: 'Substitution therapy (methadone)' },
  post_rehab: { vi: 'Quản lý sau cai nghiện', en: 'Post-rehab management' },
};
const OUTCOMES = [
  'completed',
  'quit',
  'expelled',
  'relapsed',
  'transferred',
  'escaped',
  'died',
  'cancelled',
] as const;
const CONTACT_METHODS = ['visit', 'phone', 'office', 'meeting'] as const;
/** Decisions of the commune chairman: only roles with 'decisions.issue' may record them. */
export const CHAIRMAN_TYPES = ['user_management', 'post_rehab'];

type Base<T> = { opened: boolean; onClose: () => void; onDone: (out: T) => void };

/** Opens an episode of any type with its decision; the server computes regime, authority and planned end. */
export function OpenEpisodeForm({
  personId,
  types,
  grounds,
  ...p
}: Base<Episode> & {
  personId: string;
  types: readonly string[];
  /** Grounds for compulsory rehab the history cannot show (e.g. from a dossier: did not register). */
  grounds?: readonly string[];
}) {
  const { t } = useTranslation('pathways');
  const [type, setType] = useState<string>(types[0] ?? 'user_management');
  const [v, setV] = useState<Record<string, string>>({
    startDate: todayDmy(),
    decisionDate: todayDmy(),
    registeredOn: todayDmy(),
    signedOn: todayDmy(),
    place: 'family',
  });
  const [term, setTerm] = useState<number | string>(6);
  const [errors, setErrors] = useState<Errors>({});
  const needsFacility = [
    'voluntary_facility',
    'compulsory',
    'compulsory_pending',
    'substitution_therapy',
  ].includes(type);
  const facilities = useFacilities(p.opened && needsFacility);
  const write = usePathwayWrite(personId, (body: unknown) => pathwayApi.openEpisode(personId, body));
  const set = (k: string) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const text = (k: string, label: string, required = false) => (
    <TextInput
      label={label}
      required={required}
      value={v[k] ?? ''}
      onChange={(e) => set(k)(e.currentTarget.value)}
      error={errors[k]}
    />
  );
  const date = (k: string, label: string, required = true) => (
    <DateFieldLocal
      label={label}
      required={required}
      value={v[k] ?? ''}
      onChange={set(k)}
      error={errors[k]}
    />
  );

  const submit = () => {
    const c = checker(t);
    const opt = (k: string) => (v[k]?.trim() ? v[k].trim() : undefined);
    const startDate = c.date('startDate', v.startDate ?? '');
    const termMonths = typeof term === 'number' ? term : Number(term);
    let body: Record<string, unknown> = { type, startDate, notes: opt('notes') };
    if (type === 'user_management' || type === 'post_rehab') {
      body.decision = {
        number: opt('decisionNumber'),
        date: c.date('decisionDate', v.decisionDate ?? ''),
        signer: opt('signer'),
      };
    } else if (type === 'voluntary_community') {
      body = {
        ...body,
        termMonths,
        registration: {
          registeredOn: c.date('registeredOn', v.registeredOn ?? ''),
          provider: c.required('provider', v.provider ?? ''),
          plan: opt('plan'),
        },
      };
    } else if (type === 'voluntary_facility') {
      body = {
        ...body,
        termMonths,
        facilityId: c.required('facilityId', v.facilityId ?? ''),
        contract: { number: opt('contractNumber'), signedOn: c.date('signedOn', v.signedOn ?? '') },
        priorityGroup: opt('priorityGroup'),
      };
    } else if (type === 'compulsory_pending') {
      body.place = v.place;
      if (grounds?.length) body.grounds = grounds;
      if (v.place === 'facility') body.facilityId = c.required('facilityId', v.facilityId ?? '');
      else if (opt('committedBy'))
        body.familyCommitment = {
          committedBy: opt('committedBy'),
          relation: c.required('relation', v.relation ?? ''),
          signedOn: c.date('signedOn', v.signedOn ?? ''),
        };
    } else if (type === 'compulsory') {
      body = {
        ...body,
        termMonths,
        facilityId: opt('facilityId'),
        court: {
          name: c.required('courtName', v.courtName ?? ''),
          decisionNumber: c.required('courtNumber', v.courtNumber ?? ''),
          decisionDate: c.date('courtDate', v.courtDate ?? ''),
          signer: opt('signer'),
        },
      };
    } else if (type === 'substitution_therapy') {
      body.clinic = { name: c.required('clinic', v.clinic ?? ''), code: opt('clinicCode') };
      // A registered methadone clinic, when chosen: the server checks its kind (Decree 90/2016).
      body.facilityId = opt('facilityId');
    }
    setErrors(c.errors);
    if (!c.ok()) return;
    write.mutate(JSON.parse(JSON.stringify(body)), { onSuccess: p.onDone });
  };

  const facilitySelect = (required: boolean, kind?: string) => (
    <NativeSelect
      label={t('ep.facility')}
      required={required}
      value={v.facilityId ?? ''}
      onChange={(e) => set('facilityId')(e.currentTarget.value)}
      data={[
        { value: '', label: '—' },
        ...(facilities.data ?? [])
          .filter((f) => !kind || f.kind === kind)
          .map((f) => ({ value: f.id, label: f.name })),
      ]}
      error={errors.facilityId}
    />
  );
  const termInput = (
    <NumberInput
      label={t('ep.termMonths')}
      required
      min={1}
      max={120}
      value={term}
      onChange={setTerm}
      allowDecimal={false}
    />
  );

  return (
    <FormModal
      opened={p.opened}
      onClose={p.onClose}
      title={t('ep.title')}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
    >
      <NativeSelect
        label={t('ep.type')}
        value={type}
        onChange={(e) => {
          setType(e.currentTarget.value);
          write.reset();
        }}
        data={types.map((x) => ({
          value: x,
          label: tx(EPISODE_TYPE_LABELS[x as keyof typeof EPISODE_TYPE_LABELS]),
        }))}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {date('startDate', t('ep.startDate'))}
        {(type === 'user_management' || type === 'post_rehab') && (
          <>
            {text('decisionNumber', t('ep.decisionNumber'))}
            {date('decisionDate', t('ep.decisionDate'))}
            {text('signer', t('ep.signer'))}
          </>
        )}
        {type === 'voluntary_community' && (
          <>
            {termInput}
            {date('registeredOn', t('ep.registeredOn'))}
            {text('provider', t('ep.provider'), true)}
          </>
        )}
        {type === 'voluntary_facility' && (
          <>
            {termInput}
            {facilitySelect(true)}
            {text('contractNumber', t('ep.contractNumber'))}
            {date('signedOn', t('ep.contractSigned'))}
            {text('priorityGroup', t('ep.priorityGroup'))}
          </>
        )}
        {type === 'compulsory_pending' && (
          <>
            <NativeSelect
              label={t('ep.place')}
              value={v.place}
              onChange={(e) => set('place')(e.currentTarget.value)}
              data={[
                { value: 'family', label: t('ep.placeFamily') },
                { value: 'facility', label: t('ep.placeFacility') },
              ]}
            />
            {v.place === 'facility' ? (
              facilitySelect(true)
            ) : (
              <>
                {text('committedBy', t('ep.committedBy'))}
                {text('relation', t('ep.relation'))}
                {date('signedOn', t('ep.signedOn'))}
              </>
            )}
          </>
        )}
        {type === 'compulsory' && (
          <>
            {termInput}
            {facilitySelect(false)}
            {text('courtName', t('ep.courtName'), true)}
            {text('courtNumber', t('ep.courtNumber'), true)}
            {date('courtDate', t('ep.courtDate'))}
            {text('signer', t('ep.signer'))}
          </>
        )}
        {type === 'substitution_therapy' && (
          <>
            {text('clinic', t('ep.clinic'), true)}
            {text('clinicCode', t('ep.clinicCode'))}
            {facilitySelect(false, 'methadone_clinic')}
          </>
        )}
      </SimpleGrid>
      {type === 'voluntary_community' && (
        <Textarea
          label={t('ep.plan')}
          value={v.plan ?? ''}
          onChange={(e) => set('plan')(e.currentTarget.value)}
        />
      )}
      <Textarea
        label={t('common.notes')}
        value={v.notes ?? ''}
        onChange={(e) => set('notes')(e.currentTarget.value)}
      />
    </FormModal>
  );
}

/** Closes an episode with an outcome, after a confirmation (it cannot be undone from the UI). */
export function CloseEpisodeForm({ episode, ...p }: Base<Episode> & { episode: Episode }) {
  const { t } = useTranslation('pathways');
  const [v, setV] = useState({ outcome: 'completed', endDate: todayDmy(), reason: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [confirming, setConfirming] = useState<null | { endDate: string }>(null);
  const write = usePathwayWrite(episode.personId, (body: unknown) =>
    pathwayApi.closeEpisode(episode.id, body),
  );
  const submit = () => {
    const c = checker(t);
    const endDate = c.date('endDate', v.endDate);
    setErrors(c.errors);
    if (c.ok() && endDate) setConfirming({ endDate });
  };
  const confirm = () => {
    if (!confirming) return;
    write.mutate(
      {
        version: episode.version,
        outcome: v.outcome,
        endDate: confirming.endDate,
        ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
      },
      {
        onSuccess: (out) => {
          setConfirming(null);
          p.onDone(out);
        },
        onError: () => setConfirming(null),
      },
    );
  };
  return (
    <>
      <FormModal
        opened={p.opened && !confirming}
        onClose={p.onClose}
        title={`${t('close.title')}: ${tx(episode.typeLabel)}`}
        onSubmit={submit}
        busy={write.isPending}
        error={write.error}
        size="md"
      >
        <NativeSelect
          label={t('close.outcome')}
          value={v.outcome}
          onChange={(e) => setV({ ...v, outcome: e.currentTarget.value })}
          data={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
        />
        <DateFieldLocal
          label={t('close.endDate')}
          required
          value={v.endDate}
          onChange={(endDate) => setV({ ...v, endDate })}
          error={errors.endDate}
        />
        <Textarea
          label={t('close.reason')}
          value={v.reason}
          onChange={(e) => setV({ ...v, reason: e.currentTarget.value })}
        />
      </FormModal>
      <ConfirmDialog
        opened={!!confirming}
        title={t('close.confirmTitle')}
        message={t('close.confirm', {
          type: tx(episode.typeLabel),
          outcome: t(`outcome.${v.outcome}`),
          date: formatDate(confirming?.endDate),
        })}
        confirmLabel={t('close.confirmButton')}
        danger
        busy={write.isPending}
        onConfirm={confirm}
        onClose={() => setConfirming(null)}
      />
    </>
  );
}

/** The completion certificate (Form 54) of post-rehab management. */
export function CertificateForm({ episode, ...p }: Base<Episode> & { episode: Episode }) {
  const { t } = useTranslation('pathways');
  const [v, setV] = useState({ issuedOn: todayDmy(), number: '', signer: '' });
  const [errors, setErrors] = useState<Errors>({});
  const write = usePathwayWrite(episode.personId, (body: unknown) =>
    pathwayApi.certificate(episode.id, body),
  );
  const submit = () => {
    const c = checker(t);
    const issuedOn = c.date('issuedOn', v.issuedOn);
    const signer = c.required('signer', v.signer);
    setErrors(c.errors);
    if (!c.ok()) return;
    write.mutate(
      { version: episode.version, issuedOn, signer, ...(v.number.trim() ? { number: v.number.trim() } : {}) },
      { onSuccess: p.onDone },
    );
  };
  return (
    <FormModal
      opened={p.opened}
      onClose={p.onClose}
      title={t('cert.title')}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
      size="md"
    >
      <DateFieldLocal
        label={t('cert.issuedOn')}
        required
        value={v.issuedOn}
        onChange={(issuedOn) => setV({ ...v, issuedOn })}
        error={errors.issuedOn}
      />
      <TextInput
        label={t('cert.number')}
        value={v.number}
        onChange={(e) => setV({ ...v, number: e.currentTarget.value })}
      />
      <TextInput
        label={t('cert.signer')}
        required
        value={v.signer}
        onChange={(e) => setV({ ...v, signer: e.currentTarget.value })}
        error={errors.signer}
      />
    </FormModal>
  );
}

/** A contact with the managed person (closes a due contact task). */
/** A management contact. Works offline: without a connection it waits in the outbox (`onKept`). */
export function ContactForm({
  episode,
  person,
  onKept,
  ...p
}: Base<unknown> & { episode: Episode; person: EntrySubject; onKept: () => void }) {
  const { t } = useTranslation('pathways');
  const me = useSession();
  // A field role's entry waits on the device without a connection; other roles need one.
  const field = mayKeepOnDevice(me);
  const [v, setV] = useState({ contactDate: todayDmy(), method: 'visit', summary: '', byName: '' });
  const [errors, setErrors] = useState<Errors>({});
  const write = usePathwayWrite(episode.personId, (body: Record<string, unknown>) =>
    sendOrKeep(
      officerEntry(
        me.user.id,
        person,
        `/api/episodes/${encodeURIComponent(episode.id)}/contacts`,
        body,
        t('contact.title'),
        body.contactDate as string,
      ),
      field,
    ),
  );
  const submit = () => {
    const c = checker(t);
    const contactDate = c.date('contactDate', v.contactDate);
    const summary = c.required('summary', v.summary);
    setErrors(c.errors);
    if (!c.ok()) return;
    write.mutate(
      { contactDate, method: v.method, summary, ...(v.byName.trim() ? { byName: v.byName.trim() } : {}) },
      { onSuccess: (r) => (wasKept(r) ? onKept() : p.onDone(r)) },
    );
  };
  return (
    <FormModal
      opened={p.opened}
      onClose={p.onClose}
      worksOffline={field}
      title={t('contact.title')}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
      size="md"
    >
      <Text size="sm" c="dimmed">
        {t('act.contactHint')}
      </Text>
      <DateFieldLocal
        label={t('contact.date')}
        required
        value={v.contactDate}
        onChange={(contactDate) => setV({ ...v, contactDate })}
        error={errors.contactDate}
      />
      <NativeSelect
        label={t('contact.method')}
        value={v.method}
        onChange={(e) => setV({ ...v, method: e.currentTarget.value })}
        data={CONTACT_METHODS.map((m) => ({ value: m, label: t(`contactMethod.${m}`) }))}
      />
      <Textarea
        label={t('contact.summary')}
        required
        value={v.summary}
        onChange={(e) => setV({ ...v, summary: e.currentTarget.value })}
        error={errors.summary}
      />
      <TextInput
        label={t('contact.byName')}
        value={v.byName}
        onChange={(e) => setV({ ...v, byName: e.currentTarget.value })}
      />
    </FormModal>
  );
}

/** Schedules a drug test or a contact: it appears on the work list. */
export function ScheduleForm({ episode, ...p }: Base<Task> & { episode: Episode }) {
  const { t } = useTranslation('pathways');
  const [v, setV] = useState({ kind: 'contact', dueDate: '' });
  const [errors, setErrors] = useState<Errors>({});
  const write = usePathwayWrite(episode.personId, (body: unknown) => pathwayApi.schedule(episode.id, body));
  const submit = () => {
    const c = checker(t);
    const dueDate = c.date('dueDate', v.dueDate);
    setErrors(c.errors);
    if (!c.ok()) return;
    write.mutate({ kind: v.kind, dueDate }, { onSuccess: p.onDone });
  };
  return (
    <FormModal
      opened={p.opened}
      onClose={p.onClose}
      title={t('schedule.title')}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
      size="md"
    >
      <NativeSelect
        label={t('schedule.kind')}
        value={v.kind}
        onChange={(e) => setV({ ...v, kind: e.currentTarget.value })}
        data={[
          { value: 'contact', label: t('schedule.contact') },
          { value: 'drug_test', label: t('schedule.drug_test') },
        ]}
      />
      <DateFieldLocal
        label={t('schedule.dueDate')}
        required
        value={v.dueDate}
        onChange={(dueDate) => setV({ ...v, dueDate })}
        error={errors.dueDate}
      />
    </FormModal>
  );
}

/** Moves the record to another commune, after a confirmation. */
export function TransferForm({
  person,
  ...p
}: Base<Transfer> & { person: { id: string; fullName: string; version: number } }) {
  const { t } = useTranslation('pathways');
  const [addr, setAddr] = useState<AddressValue>(emptyAddress());
  const [v, setV] = useState({ movedOn: todayDmy(), reason: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [confirming, setConfirming] = useState<null | { movedOn: string }>(null);
  const [communeName, setCommuneName] = useState('');
  const write = usePathwayWrite(person.id, (body: unknown) => pathwayApi.transfer(person.id, body));
  const submit = () => {
    const c = checker(t);
    const movedOn = c.date('movedOn', v.movedOn);
    if (!addr.communeCode) c.errors.commune = t('transfer.pickCommune');
    setErrors(c.errors);
    if (c.ok() && movedOn) setConfirming({ movedOn });
  };
  const confirm = () => {
    if (!confirming || !addr.communeCode) return;
    write.mutate(
      {
        version: person.version,
        toCommuneCode: addr.communeCode,
        movedOn: confirming.movedOn,
        ...(addr.detail.trim() ? { detail: addr.detail.trim() } : {}),
        ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
      },
      {
        onSuccess: (out) => {
          setConfirming(null);
          p.onDone(out);
        },
        onError: () => setConfirming(null),
      },
    );
  };
  return (
    <>
      <FormModal
        opened={p.opened && !confirming}
        onClose={p.onClose}
        title={t('transfer.title')}
        onSubmit={submit}
        busy={write.isPending}
        error={write.error}
      >
        <CommunePicker
          legend={t('transfer.to')}
          value={addr}
          onChange={(a) => {
            setAddr(a);
            if (a.communeName) setCommuneName(a.communeName);
          }}
          communeError={errors.commune}
          required
          withDetail
        />
        <DateFieldLocal
          label={t('transfer.movedOn')}
          required
          value={v.movedOn}
          onChange={(movedOn) => setV({ ...v, movedOn })}
          error={errors.movedOn}
        />
        <Textarea
          label={t('transfer.reason')}
          value={v.reason}
          onChange={(e) => setV({ ...v, reason: e.currentTarget.value })}
        />
      </FormModal>
      <ConfirmDialog
        opened={!!confirming}
        title={t('transfer.confirmTitle')}
        message={t('transfer.confirm', { name: person.fullName, commune: communeName || addr.communeCode })}
        confirmLabel={t('transfer.confirmButton')}
        danger
        busy={write.isPending}
        onConfirm={confirm}
        onClose={() => setConfirming(null)}
      />
    </>
  );
}
