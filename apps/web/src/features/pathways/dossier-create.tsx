import { COMPULSORY_GROUNDS, type CompulsoryGround, groundLabels } from '@hoanhap/domain/episode-types';
import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types.ts';
import { DateField } from '../../components/date-field.tsx';
import { currentLang } from '../../i18n/i18n.ts';
import './dossiers-i18n.ts';
import { type Dossier, dossierApi, useDossierWrite } from './dossiers-api.ts';
import { checker, type Errors, FormModal, todayDmy } from './form-kit.tsx';
import { PickedPeople } from './person-finder.tsx';

type Picked = {
  id: string;
  fullName: string;
  birthYear: number;
  ground: CompulsoryGround;
  groundNote: string;
};

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
  const [picked, setPicked] = useState<Picked[]>(
    initial ? [{ ...initial, ground: COMPULSORY_GROUNDS[0], groundNote: '' }] : [],
  );
  const [errors, setErrors] = useState<Errors>({});
  const write = useDossierWrite(dossierApi.create);
  const lang = currentLang();

  const update = (id: string, patch: Partial<Picked>) =>
    setPicked(picked.map((p) => (p.id === id ? { ...p, ...patch } : p)));

  const submit = () => {
    const c = checker(tp);
    const date = c.date('preparedOn', preparedOn);
    if (picked.length === 0) c.errors.persons = t('create.needPerson');
    setErrors(c.errors);
    if (!c.ok() || !date) return;
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
      <PickedPeople
        purpose="dossier"
        enabled={opened}
        label={t('create.findPerson')}
        error={errors.persons}
        testId="dossier-person-results"
        texts={{ noMatch: t('create.noMatch'), add: t('create.add') }}
        picked={picked}
        onChange={setPicked}
        make={(p) => ({
          id: p.id,
          fullName: p.fullName,
          birthYear: p.birthYear,
          ground: COMPULSORY_GROUNDS[0],
          groundNote: '',
        })}
        count={t('create.persons', { count: picked.length })}
        removeLabel={(name) => t('create.remove', { name })}
        cardTestId="dossier-picked"
      >
        {(p) => (
          <>
            <NativeSelect
              label={t('create.ground', { name: p.fullName })}
              value={p.ground}
              onChange={(e) => update(p.id, { ground: e.currentTarget.value as CompulsoryGround })}
              data={COMPULSORY_GROUNDS.map((g) => ({ value: g, label: groundLabels[lang][g] }))}
            />
            <TextInput
              label={t('create.groundNote', { name: p.fullName })}
              value={p.groundNote}
              onChange={(e) => update(p.id, { groundNote: e.currentTarget.value })}
            />
          </>
        )}
      </PickedPeople>
      <Textarea label={tp('common.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
    </FormModal>
  );
}
