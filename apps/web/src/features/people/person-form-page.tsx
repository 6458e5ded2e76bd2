import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, call, client } from '../../api/client.ts';
import type { BodyOf } from '../../api/schema.ts';
import { useSession } from '../../api/session.ts';
import type { DuplicateCandidate, Person } from '../../api/types.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { PageTitle } from '../../components/record-list.tsx';
import { currentLang } from '../../i18n/i18n.ts';
import { DuplicateCitizenIdAlert, PossibleDuplicateAlert, StaleVersionPanel } from './conflict-alerts.tsx';
import { usePerson } from './people-api.ts';
import { PersonFields } from './person-form.tsx';
import {
  emptyValues,
  type FieldErrors,
  type PersonFormValues,
  toPayload,
  validatePerson,
  valuesFromPerson,
} from './person-form-values.ts';

type PersonBody = Omit<BodyOf<'createPerson'>, 'confirmPossibleDuplicate'>;

type Conflict =
  | { kind: 'citizenId'; detail: string; existing?: { id: string; fullName: string } }
  | { kind: 'possible'; detail: string; candidates: DuplicateCandidate[]; candidateCount: number }
  | { kind: 'stale'; detail: string; current: Person }
  | { kind: 'general'; detail: string };

/** Form state, client validation with the shared schema, server errors mapped onto the fields. */
function usePersonForm(initial: PersonFormValues, mode: 'create' | 'update') {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const clientErrors = submitted ? validatePerson(values, mode, currentLang(), t) : {};
  const errors = { ...clientErrors, ...serverErrors };

  const onChange = useCallback((patch: Partial<PersonFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setServerErrors({});
  }, []);

  // After a failed attempt, move the keyboard focus to the first field in error, or the message.
  useEffect(() => {
    if (!focusTick) return;
    const el =
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      formRef.current?.querySelector<HTMLElement>('[role="alert"]');
    el?.focus?.();
    el?.scrollIntoView?.({ block: 'center' });
  }, [focusTick]);

  /**
   * Validates, then runs the request with the values as the API's body; maps a failure to field errors or a
   * conflict. Values that pass validatePerson (the very schemas the server uses) are the contract's body.
   */
  async function run(send: (body: PersonBody) => Promise<void>) {
    setSubmitted(true);
    setConflict(null);
    setServerErrors({});
    const errs = validatePerson(values, mode, currentLang(), t);
    if (Object.keys(errs).length) {
      setFocusTick((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await send(toPayload(values) as PersonBody);
    } catch (e) {
      if (!(e instanceof ApiError)) setConflict({ kind: 'general', detail: t('common.error') });
      else if (e.code === 'duplicate_citizen_id') {
        setConflict({ kind: 'citizenId', detail: e.detail, existing: e.body.existing as any });
        setServerErrors({ citizenId: e.detail });
      } else if (e.code === 'possible_duplicate') {
        setConflict({
          kind: 'possible',
          detail: e.detail,
          candidates: (e.body.candidates as DuplicateCandidate[]) ?? [],
          candidateCount: Number(e.body.candidateCount ?? 0),
        });
      } else if (e.code === 'stale_version' && e.body.current) {
        setConflict({ kind: 'stale', detail: e.detail, current: e.body.current as Person });
      } else {
        const mapped: FieldErrors = {};
        for (const f of e.errors)
          mapped[f.field.startsWith('otherNames.') ? 'otherNames' : f.field] = f.message;
        setServerErrors(mapped);
        setConflict({ kind: 'general', detail: e.detail });
      }
      setFocusTick((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return { values, setValues, onChange, errors, conflict, setConflict, busy, run, formRef, submitted };
}

type PersonForm = ReturnType<typeof usePersonForm>;

/**
 * The page around the person's fields, for creating and editing: back link, title, the fields, the general
 * and duplicate-ID problems, what the page adds (`children`: its conflict panels), Save / Cancel (to `backTo`).
 */
function PersonFormFrame(p: {
  f: PersonForm;
  backTo: string;
  title: string;
  /** Under the title (the version being edited). */
  header?: ReactNode;
  onSubmit: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { f } = p;
  return (
    <form
      ref={f.formRef}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      <Stack maw={960}>
        <Anchor component={Link} to={p.backTo} size="sm">
          ← {t('common.back')}
        </Anchor>
        <PageTitle title={p.title} />
        {p.header}
        <PersonFields values={f.values} onChange={f.onChange} errors={f.errors} />
        <GeneralError
          conflict={f.conflict}
          hasFieldErrors={f.submitted && Object.keys(f.errors).length > 0}
        />
        {f.conflict?.kind === 'citizenId' && (
          <DuplicateCitizenIdAlert detail={f.conflict.detail} existing={f.conflict.existing} />
        )}
        {p.children}
        <Group>
          <Button type="submit" loading={f.busy}>
            {t('common.save')}
          </Button>
          <Button component={Link} to={p.backTo} variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function GeneralError({ conflict, hasFieldErrors }: { conflict: Conflict | null; hasFieldErrors: boolean }) {
  const { t } = useTranslation();
  if (conflict?.kind === 'general')
    return (
      <Alert color="red" role="alert" tabIndex={-1}>
        {conflict.detail}
        {hasFieldErrors ? ` ${t('person.fixErrors')}` : ''}
      </Alert>
    );
  if (hasFieldErrors)
    return (
      <Alert color="red" role="alert">
        {t('person.fixErrors')}
      </Alert>
    );
  return null;
}

export function PersonCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('person.createTitle'));
  const me = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const f = usePersonForm(emptyValues(me), 'create');

  const save = (confirmPossibleDuplicate: boolean) =>
    f.run(async (payload) => {
      const body = { ...payload, ...(confirmPossibleDuplicate ? { confirmPossibleDuplicate } : {}) };
      const p = await call(client.POST('/api/people', { body }));
      await qc.invalidateQueries({ queryKey: ['people'] });
      notifications.show({ color: 'green', message: t('person.created') });
      navigate(`/people/${p.id}`);
    });

  return (
    <PersonFormFrame f={f} backTo="/people" title={t('person.createTitle')} onSubmit={() => void save(false)}>
      {f.conflict?.kind === 'possible' && (
        <PossibleDuplicateAlert
          detail={f.conflict.detail}
          candidates={f.conflict.candidates}
          candidateCount={f.conflict.candidateCount}
          busy={f.busy}
          onConfirm={() => void save(true)}
        />
      )}
    </PersonFormFrame>
  );
}

export function PersonEditPage() {
  const { id } = useParams();
  const person = usePerson(id);
  // The form starts from the record as the server has it now (not from a kept copy while it is being refreshed)
  // and a later refresh does not reset it: what the officer typed stays, and saving over someone else's change
  // meanwhile is answered with the stale-version panel (409) instead. Keyed by the version, a refresh landing
  // after the other officer's save re-mounted the form with their values and lost the typing.
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (person.isSuccess && !person.isFetching) setStarted(true);
  }, [person.isSuccess, person.isFetching]);
  if (person.isPending || (!started && person.isFetching)) return <InlineLoader />;
  if (person.isError) return <ErrorState error={person.error} onRetry={() => person.refetch()} />;
  return <PersonEditForm key={person.data.id} person={person.data} />;
}

function PersonEditForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  usePageTitle(t('person.editTitle', { name: person.fullName }));
  const qc = useQueryClient();
  const navigate = useNavigate();
  const f = usePersonForm(valuesFromPerson(person), 'update');
  const [baseVersion, setBaseVersion] = useState(person.version);

  const save = (version: number) =>
    f.run(async (payload) => {
      const p = await call(
        client.PUT('/api/people/{id}', {
          params: { path: { id: person.id } },
          body: { ...payload, version },
        }),
      );
      qc.setQueryData(['people', 'one', p.id], p);
      await qc.invalidateQueries({ queryKey: ['people', 'search'] });
      notifications.show({ color: 'green', message: t('person.saved') });
      navigate(`/people/${p.id}`);
    });

  const stale = f.conflict?.kind === 'stale' ? f.conflict : null;
  return (
    <PersonFormFrame
      f={f}
      backTo={`/people/${person.id}`}
      title={t('person.editTitle', { name: person.fullName })}
      header={
        <Text size="sm" c="dimmed">
          {t('person.version')}: {baseVersion}
        </Text>
      }
      onSubmit={() => void save(baseVersion)}
    >
      {stale && (
        <StaleVersionPanel
          detail={stale.detail}
          current={stale.current}
          mine={f.values}
          busy={f.busy}
          onReload={() => {
            f.setValues(valuesFromPerson(stale.current));
            setBaseVersion(stale.current.version);
            qc.setQueryData(['people', 'one', person.id], stale.current);
            f.setConflict(null);
          }}
          onReapply={() => {
            setBaseVersion(stale.current.version);
            void save(stale.current.version);
          }}
        />
      )}
    </PersonFormFrame>
  );
}
