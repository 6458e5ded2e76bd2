import { Alert, Anchor, Button, Group, List, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, call, client } from '../../api/client.ts';
import type { BodyOf, Schemas } from '../../api/schema.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { DateField } from '../../components/date-field.tsx';
import { formatDate } from '../../i18n/format.ts';
import { PickedPeople } from './person-finder.tsx';
import './decisions-i18n.ts';
import { PageTitle } from '../../components/record-list.tsx';
import { checker, type Errors, ServerProblem, todayDmy } from './form-kit.tsx';

type Picked = { id: string; fullName: string; birthYear: number };
type Decision = Schemas['Decision'];
const TYPES = ['user_management', 'post_rehab'] as const;

/** Enters one decision naming several people, once (POST /api/decisions): all or nothing. */
export function DecisionPage() {
  const { t } = useTranslation('decisions');
  const { t: tp } = useTranslation('pathways');
  usePageTitle(t('title'));
  const qc = useQueryClient();
  const [type, setType] = useState<(typeof TYPES)[number]>('user_management');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(todayDmy());
  const [signer, setSigner] = useState('');
  const [startDate, setStartDate] = useState(todayDmy());
  const [picked, setPicked] = useState<Picked[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<Decision | null>(null);
  const write = useMutation({
    mutationFn: (body: BodyOf<'createDecision'>) => call(client.POST('/api/decisions', { body })),
    onSuccess: (d) => {
      setDone(d);
      void qc.invalidateQueries();
    },
  });
  // The server names the person it refused (personIds.i): shown under that person.
  const serverErrors = write.error instanceof ApiError ? write.error.errors : [];
  const personError = (i: number) =>
    serverErrors.find((f) => f.field === `personIds.${i}`)?.message ??
    (write.error instanceof ApiError && write.error.body.field === `personIds.${i}`
      ? write.error.detail
      : undefined);
  const fieldError = (field: string) => serverErrors.find((f) => f.field === field)?.message;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = checker(tp);
    const d = c.date('date', date);
    const s = c.date('startDate', startDate);
    if (picked.length === 0) c.errors.people = t('needPerson');
    setErrors(c.errors);
    if (!c.ok() || !d || !s) return;
    write.mutate({
      type,
      decision: {
        date: d,
        ...(number.trim() ? { number: number.trim() } : {}),
        ...(signer.trim() ? { signer: signer.trim() } : {}),
      },
      startDate: s,
      personIds: picked.map((p) => p.id),
    });
  };
  const reset = () => {
    setDone(null);
    setPicked([]);
    setNumber('');
    write.reset();
  };

  if (done)
    return (
      <Stack maw={760}>
        <PageTitle title={t('title')} />
        <Alert color="green" variant="light" role="status" data-testid="decision-done">
          {t('done', { number: done.number ?? '—', date: formatDate(done.date), count: done.people.length })}
        </Alert>
        <List>
          {done.people.map((p) => (
            <List.Item key={p.personId}>
              <Anchor component={Link} to={`/people/${p.personId}`}>
                {p.fullName}
              </Anchor>
            </List.Item>
          ))}
        </List>
        <Group>
          <Button onClick={reset}>{t('another')}</Button>
        </Group>
      </Stack>
    );

  const shownFields = [
    'decision.number',
    'decision.date',
    'startDate',
    ...picked.map((_, i) => `personIds.${i}`),
  ];
  return (
    <Stack maw={760}>
      <PageTitle title={t('title')} intro={t('intro')} />
      <form onSubmit={submit} noValidate>
        <Stack>
          <NativeSelect
            label={t('type')}
            value={type}
            onChange={(e) => setType(e.currentTarget.value as (typeof TYPES)[number])}
            data={TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
          />
          <TextInput
            label={t('number')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            error={fieldError('decision.number')}
          />
          <DateField
            label={t('date')}
            required
            value={date}
            onChange={setDate}
            error={errors.date ?? fieldError('decision.date')}
          />
          <TextInput label={t('signer')} value={signer} onChange={(e) => setSigner(e.currentTarget.value)} />
          <DateField
            label={t('startDate')}
            required
            value={startDate}
            onChange={setStartDate}
            error={errors.startDate ?? fieldError('startDate')}
          />
          <PickedPeople
            purpose="decision"
            label={t('findPerson')}
            error={errors.people}
            testId="decision-person-results"
            texts={{ noMatch: t('noMatch'), add: t('add') }}
            picked={picked}
            onChange={setPicked}
            make={(p) => ({ id: p.id, fullName: p.fullName, birthYear: p.birthYear })}
            count={t('people', { count: picked.length })}
            removeLabel={(name) => t('remove', { name })}
            cardTestId="decision-picked"
            numbered
          >
            {(_, i) =>
              personError(i) && (
                <Text size="sm" c="red.9" role="alert" data-testid="decision-person-error">
                  {personError(i)}
                </Text>
              )
            }
          </PickedPeople>
          <ServerProblem error={write.error} fields={shownFields} />
          <Group justify="flex-end">
            <Button type="submit" loading={write.isPending}>
              {t('submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
