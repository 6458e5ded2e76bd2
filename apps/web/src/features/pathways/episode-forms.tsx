import { NativeSelect, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../api/schema.ts';
import { useSession } from '../../api/session.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DateField as DateFieldLocal } from '../../components/date-field.tsx';
import { useFields } from '../../components/form-fields.ts';
import { formatDate } from '../../i18n/format.ts';
import { mayKeepOnDevice, sendOrKeep, wasKept } from '../../offline/outbox.ts';
import { type AddressValue, CommunePicker, emptyAddress } from '../org/commune-picker.tsx';
import { checker, FormModal, todayDmy, tx } from './form-kit.tsx';
import { type EntrySubject, officerEntry } from './offline-entry.ts';
import { useConfirmedWrite, usePathwayForm } from './pathway-form.ts';
import { type Episode, pathwayApi, type Task, type Transfer } from './pathways-api.ts';

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

type Outcome = BodyOf<'closeEpisode'>['outcome'];

const CONTACT_METHODS = ['visit', 'phone', 'office', 'meeting'] as const;

/** Decisions of the commune chairman: only roles with 'decisions.issue' may record them. */
export const CHAIRMAN_TYPES = ['user_management', 'post_rehab'];

export type Base<T> = { opened: boolean; onClose: () => void; onDone: (out: T) => void };

/** Closes an episode with an outcome, after a confirmation (it cannot be undone from the UI). */
export function CloseEpisodeForm({ episode, ...p }: Base<Episode> & { episode: Episode }) {
  const { t } = useTranslation('pathways');
  const form = useFields({ outcome: 'completed' as Outcome, endDate: todayDmy(), reason: '' });
  const { f: v, setErrors } = form;
  const { confirming, ask, send, modal, dialog } = useConfirmedWrite<
    { endDate: string },
    BodyOf<'closeEpisode'>,
    Episode
  >(
    episode.personId,
    (body: BodyOf<'closeEpisode'>) => pathwayApi.closeEpisode(episode.id, body),
    p.opened,
    p.onDone,
  );
  const submit = () => {
    const c = checker(t);
    const endDate = c.date('endDate', v.endDate);
    setErrors(c.errors);
    if (c.ok() && endDate) ask({ endDate });
  };
  const confirm = () => {
    if (!confirming) return;
    send({
      version: episode.version,
      outcome: v.outcome,
      endDate: confirming.endDate,
      ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
    });
  };
  return (
    <>
      <FormModal
        {...modal}
        onClose={p.onClose}
        title={`${t('close.title')}: ${tx(episode.typeLabel)}`}
        onSubmit={submit}
        size="md"
      >
        <NativeSelect
          label={t('close.outcome')}
          {...form.text('outcome')}
          data={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
        />
        <DateFieldLocal label={t('close.endDate')} required {...form.value('endDate')} />
        <Textarea label={t('close.reason')} {...form.text('reason')} />
      </FormModal>
      <ConfirmDialog
        {...dialog}
        title={t('close.confirmTitle')}
        message={t('close.confirm', {
          type: tx(episode.typeLabel),
          outcome: t(`outcome.${v.outcome}`),
          date: formatDate(confirming?.endDate),
        })}
        confirmLabel={t('close.confirmButton')}
        onConfirm={confirm}
      />
    </>
  );
}

/** The completion certificate (Form 54) of post-rehab management. */
export function CertificateForm({ episode, ...p }: Base<Episode> & { episode: Episode }) {
  const { t } = useTranslation('pathways');
  const form = usePathwayForm(
    episode.personId,
    { issuedOn: todayDmy(), number: '', signer: '' },
    (body: BodyOf<'issueEpisodeCertificate'>) => pathwayApi.certificate(episode.id, body),
  );
  const submit = () =>
    form.submit(
      (v, c) => ({
        version: episode.version,
        issuedOn: c.date('issuedOn', v.issuedOn),
        signer: c.required('signer', v.signer),
        ...(v.number.trim() ? { number: v.number.trim() } : {}),
      }),
      p.onDone,
    );
  return (
    <FormModal
      opened={p.opened}
      onClose={p.onClose}
      title={t('cert.title')}
      onSubmit={submit}
      {...form.modal}
      size="md"
    >
      <DateFieldLocal label={t('cert.issuedOn')} required {...form.value('issuedOn')} />
      <TextInput label={t('cert.number')} {...form.text('number')} />
      <TextInput label={t('cert.signer')} required {...form.text('signer')} />
    </FormModal>
  );
}

/**
 * A contact with the managed person (closes a due contact task). Works offline for the field roles: without a
 * connection it waits in the outbox (`onKept`).
 */
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
  // Sent through the offline outbox (sendOrKeep), which keeps the entry on the device without a connection.
  const form = usePathwayForm(
    episode.personId,
    { contactDate: todayDmy(), method: 'visit', summary: '', byName: '' },
    (body: BodyOf<'recordEpisodeContact'>) =>
      sendOrKeep(
        officerEntry(
          me.user.id,
          person,
          `/api/episodes/${encodeURIComponent(episode.id)}/contacts`,
          body,
          t('contact.title'),
          body.contactDate,
        ),
        field,
      ),
  );
  const submit = () =>
    form.submit(
      (v, c) => ({
        contactDate: c.date('contactDate', v.contactDate),
        method: v.method,
        summary: c.required('summary', v.summary),
        ...(v.byName.trim() ? { byName: v.byName.trim() } : {}),
      }),
      (r) => (wasKept(r) ? onKept() : p.onDone(r)),
    );
  return (
    <FormModal
      opened={p.opened}
      onClose={p.onClose}
      worksOffline={field}
      title={t('contact.title')}
      onSubmit={submit}
      {...form.modal}
      size="md"
    >
      <Text size="sm" c="dimmed">
        {t('act.contactHint')}
      </Text>
      <DateFieldLocal label={t('contact.date')} required {...form.value('contactDate')} />
      <NativeSelect
        label={t('contact.method')}
        {...form.text('method')}
        data={CONTACT_METHODS.map((m) => ({ value: m, label: t(`contactMethod.${m}`) }))}
      />
      <Textarea label={t('contact.summary')} required {...form.text('summary')} />
      <TextInput label={t('contact.byName')} {...form.text('byName')} />
    </FormModal>
  );
}

/** Schedules a drug test or a contact: it appears on the work list. */
export function ScheduleForm({ episode, ...p }: Base<Task> & { episode: Episode }) {
  const { t } = useTranslation('pathways');
  const form = usePathwayForm(
    episode.personId,
    { kind: 'contact', dueDate: '' },
    (body: BodyOf<'scheduleEpisodeTask'>) => pathwayApi.schedule(episode.id, body),
  );
  const submit = () =>
    form.submit((v, c) => ({ kind: v.kind, dueDate: c.date('dueDate', v.dueDate) }), p.onDone);
  return (
    <FormModal
      opened={p.opened}
      onClose={p.onClose}
      title={t('schedule.title')}
      onSubmit={submit}
      {...form.modal}
      size="md"
    >
      <NativeSelect
        label={t('schedule.kind')}
        {...form.text('kind')}
        data={[
          { value: 'contact', label: t('schedule.contact') },
          { value: 'drug_test', label: t('schedule.drug_test') },
        ]}
      />
      <DateFieldLocal label={t('schedule.dueDate')} required {...form.value('dueDate')} />
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
  const form = useFields({ movedOn: todayDmy(), reason: '' });
  const { f: v, errors, setErrors } = form;
  const [communeName, setCommuneName] = useState('');
  const { confirming, ask, send, modal, dialog } = useConfirmedWrite<
    { movedOn: string },
    BodyOf<'transferPerson'>,
    Transfer
  >(person.id, (body: BodyOf<'transferPerson'>) => pathwayApi.transfer(person.id, body), p.opened, p.onDone);
  const submit = () => {
    const c = checker(t);
    const movedOn = c.date('movedOn', v.movedOn);
    if (!addr.communeCode) c.errors.commune = t('transfer.pickCommune');
    setErrors(c.errors);
    if (c.ok() && movedOn) ask({ movedOn });
  };
  const confirm = () => {
    if (!confirming || !addr.communeCode) return;
    send({
      version: person.version,
      toCommuneCode: addr.communeCode,
      movedOn: confirming.movedOn,
      ...(addr.detail.trim() ? { detail: addr.detail.trim() } : {}),
      ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
    });
  };
  return (
    <>
      <FormModal {...modal} onClose={p.onClose} title={t('transfer.title')} onSubmit={submit}>
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
        <DateFieldLocal label={t('transfer.movedOn')} required {...form.value('movedOn')} />
        <Textarea label={t('transfer.reason')} {...form.text('reason')} />
      </FormModal>
      <ConfirmDialog
        {...dialog}
        title={t('transfer.confirmTitle')}
        message={t('transfer.confirm', { name: person.fullName, commune: communeName || addr.communeCode })}
        confirmLabel={t('transfer.confirmButton')}
        onConfirm={confirm}
      />
    </>
  );
}
