import { COMPULSORY_GROUNDS, groundLabels } from '@hoanhap/domain/episode-types';
import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import type { Person } from '../../api/types.ts';
import { DateField } from '../../components/date-field.tsx';
import { currentLang } from '../../i18n/i18n.ts';
import './dossiers-i18n.ts';
import { type Dossier, dossierApi, useDossierWrite } from './dossiers-api.ts';
import { checker, type Errors, FormModal, todayDmy } from './form-kit.tsx';

type Picked = { id: string; fullName: string; birthYear: number; ground: string; groundNote: string };

/** Opens a dossier for one or more people: the preparation date, and per person the ground and a note. */
export function DossierCreateForm({
  opened,
  onClose,
  onDone,
  initial,
}: {
  opened: boolean;
  onClose: () => void;
  onDone: (d: Dossier) => void;
  initial?: Pick<Person, 'id' | 'fullName' | 'birthYear'> | null;
}) {
  const { t } = useTranslation('dossiers');
  const { t: tp } = useTranslation('pathways');
  const [preparedOn, setPreparedOn] = useState(todayDmy());
  const [notes, setNotes] = useState('');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Picked[]>(
    initial ? [{ ...initial, ground: COMPULSORY_GROUNDS[0], groundNote: '' }] : [],
  );
  const [errors, setErrors] = useState<Errors>({});
  const search = useQuery({
    queryKey: ['people', 'search', { q, limit: 8, purpose: 'dossier' }],
    queryFn: () => call(client.GET('/api/people', { params: { query: { q, limit: 8 } } })),
    enabled: opened && q.trim().length >= 2,
  });
  const write = useDossierWrite((body: unknown) => dossierApi.create(body));
  const lang = currentLang();

  const add = (p: Person) => {
    if (picked.some((x) => x.id === p.id)) return;
    setPicked([
      ...picked,
      {
        id: p.id,
        fullName: p.fullName,
        birthYear: p.birthYear,
        ground: COMPULSORY_GROUNDS[0],
        groundNote: '',
      },
    ]);
    setQ('');
  };
  const update = (id: string, patch: Partial<Picked>) =>
    setPicked(picked.map((p) => (p.id === id ? { ...p, ...patch } : p)));

  const submit = () => {
    const c = checker(tp);
    const date = c.date('preparedOn', preparedOn);
    if (picked.length === 0) c.errors.persons = t('create.needPerson');
    setErrors(c.errors);
    if (!c.ok()) return;
    write.mutate(
      {
        preparedOn: date,
        persons: picked.map((p) => ({
          personId: p.id,
          ground: p.ground,
          ...(p.groundNote.trim() ? { groundNote: p.groundNote.trim() } : {}),
        })),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      },
      { onSuccess: onDone },
    );
  };

  const results = (search.data?.items ?? []).filter((p) => !picked.some((x) => x.id === p.id));
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('create.title')}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
      submitLabel={tp('common.save')}
    >
      <DateField
        label={t('create.preparedOn')}
        required
        value={preparedOn}
        onChange={setPreparedOn}
        error={errors.preparedOn}
      />
      <TextInput
        label={t('create.findPerson')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        error={errors.persons}
        autoComplete="off"
      />
      {q.trim().length >= 2 && search.data && (
        <Stack gap={4} data-testid="dossier-person-results">
          {results.length === 0 ? (
            <Text size="sm">{t('create.noMatch')}</Text>
          ) : (
            results.map((p) => (
              <Group key={p.id} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {p.fullName} ({p.birthYear}) —{' '}
                  {p.currentAddress.communeName ?? p.currentAddress.communeCode}
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => add(p)}
                  aria-label={`${t('create.add')}: ${p.fullName}`}
                >
                  {t('create.add')}
                </Button>
              </Group>
            ))
          )}
        </Stack>
      )}
      <Text fw={600} size="sm">
        {t('create.persons', { count: picked.length })}
      </Text>
      {picked.map((p) => (
        <Paper key={p.id} withBorder p="sm" data-testid="dossier-picked">
          <Group justify="space-between" mb="xs">
            <Text fw={600} size="sm">
              {p.fullName} ({p.birthYear})
            </Text>
            <ActionIcon
              variant="subtle"
              color="red.9"
              aria-label={t('create.remove', { name: p.fullName })}
              onClick={() => setPicked(picked.filter((x) => x.id !== p.id))}
            >
              ×
            </ActionIcon>
          </Group>
          <NativeSelect
            label={t('create.ground', { name: p.fullName })}
            value={p.ground}
            onChange={(e) => update(p.id, { ground: e.currentTarget.value })}
            data={COMPULSORY_GROUNDS.map((g) => ({ value: g, label: groundLabels[lang][g] }))}
          />
          <TextInput
            label={t('create.groundNote', { name: p.fullName })}
            value={p.groundNote}
            onChange={(e) => update(p.id, { groundNote: e.currentTarget.value })}
          />
        </Paper>
      ))}
      <Textarea label={tp('common.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
    </FormModal>
  );
}
