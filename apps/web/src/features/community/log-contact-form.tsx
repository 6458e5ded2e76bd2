import { CONTACT_KINDS, CONTACT_OUTCOMES } from '@hoanhap/domain/community-rules';
import { Alert, Button, Group, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { formatDate } from '../../i18n/format.ts';
import '../../offline/offline-i18n.ts';
import { addToOutbox, isNetworkFailure } from '../../offline/outbox.ts';
import { communityApi, useCommunityWrite } from './community-api.ts';
import { checker, dmyIn, type Errors, Problem, serverFieldErrors, todayDmy } from './community-kit.tsx';

const FIELDS = ['kind', 'outcome', 'note', 'service', 'contactDate', 'nextContactDate'];

function Choice({ value, label }: { value: string; label: string }) {
  return (
    <Radio.Card value={value} radius="md" p="sm" mih={48}>
      <Group wrap="nowrap" gap="sm">
        <Radio.Indicator />
        <Text size="md">{label}</Text>
      </Group>
    </Radio.Card>
  );
}

/**
 * "Log a contact" in a few taps: kind and outcome preselected to the usual (home visit, met), an optional note,
 * today's date, and the next contact a week ahead (it becomes the volunteer's task). Large touch targets.
 */
export function LogContactForm({ personId, personName }: { personId: string; personName?: string }) {
  const { t } = useTranslation('community');
  const me = useSession();
  const [kind, setKind] = useState<string>('visit');
  const [outcome, setOutcome] = useState<string>('met');
  const [note, setNote] = useState('');
  const [service, setService] = useState('');
  const [contactDate, setContactDate] = useState(todayDmy());
  const [nextDate, setNextDate] = useState(dmyIn(7));
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const write = useCommunityWrite(communityApi.logContact);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const c = checker(t);
    const body = {
      personId,
      kind,
      outcome,
      contactDate: c.date('contactDate', contactDate),
      nextContactDate: c.date('nextContactDate', nextDate, true),
      note: note.trim() || undefined,
      service: kind === 'accompany_to_service' ? service.trim() || undefined : undefined,
    };
    setErrors(c.errors);
    if (!c.ok()) return;
    // Without a connection the contact waits in the device's outbox (sent once when the connection returns).
    const keepOnDevice = async () => {
      await addToOutbox({
        method: 'POST',
        path: '/api/community/contacts',
        body,
        label: `${t(`kind.${kind}`)}${personName ? ` — ${personName}` : ''}, ${formatDate(body.contactDate)}`,
        userId: me.user.id,
        subjectPath: `/api/community/my-people/${encodeURIComponent(personId)}`,
      });
      setSaved(t('offline:savedOffline'));
      setNote('');
      setService('');
      setErrors({});
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
        setNote('');
        setService('');
        setErrors({});
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
    <form onSubmit={submit} noValidate aria-label={t('log.title')}>
      <Stack gap="md">
        <Radio.Group value={kind} onChange={setKind} label={t('log.kind')} error={errors.kind}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt={4}>
            {CONTACT_KINDS.map((k) => (
              <Choice key={k} value={k} label={t(`kind.${k}`)} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        {kind === 'accompany_to_service' && (
          <TextInput
            label={t('log.service')}
            value={service}
            onChange={(e) => setService(e.currentTarget.value)}
            error={errors.service}
            size="md"
          />
        )}
        <Radio.Group value={outcome} onChange={setOutcome} label={t('log.outcome')} error={errors.outcome}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt={4}>
            {CONTACT_OUTCOMES.map((o) => (
              <Choice key={o} value={o} label={t(`outcome.${o}`)} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <Textarea
          label={`${t('log.note')} ${t('common.optional')}`}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          autosize
          minRows={2}
          maxLength={2000}
          size="md"
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField
            label={t('log.contactDate')}
            value={contactDate}
            onChange={setContactDate}
            error={errors.contactDate}
            size="md"
          />
          <DateField
            label={t('log.nextContactDate')}
            value={nextDate}
            onChange={setNextDate}
            error={errors.nextContactDate}
            description={t('log.nextHint')}
            size="md"
          />
        </SimpleGrid>
        <Problem error={write.error} shown={FIELDS} />
        {saved && (
          <Alert color="green" role="status" data-testid="contact-saved">
            {saved}
          </Alert>
        )}
        <Button type="submit" size="lg" fullWidth loading={write.isPending}>
          {t('log.submit')}
        </Button>
      </Stack>
    </form>
  );
}
