import { CONTACT_KINDS, CONTACT_OUTCOMES } from '@hoanhap/domain/contact-vocabulary';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.ts';
import { logContactMutation } from '../../field/field-data.ts';
import '../../field/field-i18n.ts';
import {
  Choices,
  DateInput,
  dmyIn,
  type Errors,
  isoDate,
  Note,
  Problem,
  serverFieldErrors,
  TextField,
  todayDmy,
} from '../../field/field-kit.tsx';
import { formatDate } from '../../i18n/format.ts';
import '../../offline/offline-i18n.ts';
import { addToOutbox, isNetworkFailure } from '../../offline/outbox.ts';

const FIELDS = ['kind', 'outcome', 'note', 'service', 'contactDate', 'nextContactDate'];

/**
 * "Log a contact" in a few taps: kind and outcome preselected to the usual (home visit, met), an optional note,
 * today's date, and the next contact a week ahead (it becomes the volunteer's task). Large touch targets, plain
 * HTML (a volunteer's page on a slow link; the officer's person page uses it too). Without a connection the
 * contact waits in the device's outbox.
 */
export function LogContactForm({
  personId,
  personName,
  personVersion,
}: {
  personId: string;
  personName?: string;
  /** The person's version the page showed: a contact kept offline is checked against it when sent. */
  personVersion?: number;
}) {
  const { t } = useTranslation('community');
  const me = useSession();
  const qc = useQueryClient();
  const [kind, setKind] = useState<string>('visit');
  const [outcome, setOutcome] = useState<string>('met');
  const [note, setNote] = useState('');
  const [service, setService] = useState('');
  const [contactDate, setContactDate] = useState(todayDmy());
  const [nextDate, setNextDate] = useState(dmyIn(7));
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const write = useMutation(logContactMutation(qc));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const problems: Errors = {};
    const body = {
      personId,
      kind,
      outcome,
      contactDate: isoDate(t, problems, 'contactDate', contactDate),
      nextContactDate: isoDate(t, problems, 'nextContactDate', nextDate, true),
      note: note.trim() || undefined,
      service: kind === 'accompany_to_service' ? service.trim() || undefined : undefined,
    };
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const cleared = () => {
      setNote('');
      setService('');
      setErrors({});
    };
    // Without a connection the contact waits in the device's outbox (sent once when the connection returns).
    const keepOnDevice = async () => {
      await addToOutbox({
        method: 'POST',
        path: '/api/community/contacts',
        body,
        label: `${t(`kind.${kind}`)}${personName ? ` — ${personName}` : ''}, ${formatDate(body.contactDate)}`,
        userId: me.user.id,
        subjectPath: `/api/community/my-people/${encodeURIComponent(personId)}`,
        // The server refuses it (conflict inbox) if the person was changed meanwhile.
        basedOn:
          personVersion === undefined ? null : { kind: 'person', id: personId, version: personVersion },
      });
      setSaved(t('offline:savedOffline'));
      cleared();
    };
    if (!navigator.onLine) {
      void keepOnDevice();
      return;
    }
    write.mutate(body, {
      onSuccess: (r) => {
        setSaved(
          r.nextContactDate ? t('log.savedNext', { date: formatDate(r.nextContactDate) }) : t('log.saved'),
        );
        cleared();
      },
      onError: (err) => {
        if (isNetworkFailure(err)) {
          write.reset();
          void keepOnDevice();
        } else setErrors(serverFieldErrors(err));
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('log.title')} className="f-root">
      <div className="f-stack">
        <Choices
          legend={t('log.kind')}
          name={`kind-${personId}`}
          value={kind}
          onChange={setKind}
          error={errors.kind}
          options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        {kind === 'accompany_to_service' && (
          <TextField label={t('log.service')} value={service} onChange={setService} error={errors.service} />
        )}
        <Choices
          legend={t('log.outcome')}
          name={`outcome-${personId}`}
          value={outcome}
          onChange={setOutcome}
          error={errors.outcome}
          options={CONTACT_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
        />
        <TextField
          label={`${t('log.note')} ${t('common.optional')}`}
          value={note}
          onChange={setNote}
          error={errors.note}
          multiline
          maxLength={2000}
        />
        <div className="f-two">
          <DateInput
            label={t('log.contactDate')}
            value={contactDate}
            onChange={setContactDate}
            error={errors.contactDate}
          />
          <DateInput
            label={t('log.nextContactDate')}
            value={nextDate}
            onChange={setNextDate}
            error={errors.nextContactDate}
            hint={t('log.nextHint')}
          />
        </div>
        <Problem error={write.error} shown={FIELDS} />
        {saved && (
          <Note tone="green" role="status" testId="contact-saved">
            {saved}
          </Note>
        )}
        <button type="submit" className="f-btn f-full" disabled={write.isPending} aria-busy={write.isPending}>
          {t('log.submit')}
        </button>
      </div>
    </form>
  );
}
