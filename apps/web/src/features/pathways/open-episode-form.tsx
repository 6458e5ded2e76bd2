import { NativeSelect, NumberInput, SimpleGrid, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../api/schema.ts';
import { type Draft, useTextFields } from '../../components/form-kit.tsx';
import { type Base, EPISODE_TYPE_LABELS } from './episode-forms.tsx';
import { checker, type Errors, FormModal, todayDmy, tx } from './form-kit.tsx';
import { type Episode, pathwayApi, useFacilities, usePathwayWrite } from './pathways-api.ts';

// Opening an episode (of any type) with its decision.

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
  const [term, setTerm] = useState<number | string>(6);
  const [errors, setErrors] = useState<Errors>({});
  const { v, set, opt, text, date } = useTextFields(errors, {
    startDate: todayDmy(),
    decisionDate: todayDmy(),
    registeredOn: todayDmy(),
    signedOn: todayDmy(),
    place: 'family',
  });
  const needsFacility = [
    'voluntary_facility',
    'compulsory',
    'compulsory_pending',
    'substitution_therapy',
  ].includes(type);
  const facilities = useFacilities(p.opened && needsFacility);
  const write = usePathwayWrite(personId, (body: BodyOf<'openEpisode'>) =>
    pathwayApi.openEpisode(personId, body),
  );

  const submit = () => {
    const c = checker(t);
    const startDate = c.date('startDate', v.startDate ?? '');
    const termMonths = typeof term === 'number' ? term : Number(term);
    const base = { type, startDate, notes: opt('notes') };
    let body: Draft<BodyOf<'openEpisode'>> = base;
    if (type === 'user_management' || type === 'post_rehab') {
      body = {
        ...base,
        decision: {
          number: opt('decisionNumber'),
          date: c.date('decisionDate', v.decisionDate ?? ''),
          signer: opt('signer'),
        },
      };
    } else if (type === 'voluntary_community') {
      body = {
        ...base,
        termMonths,
        registration: {
          registeredOn: c.date('registeredOn', v.registeredOn ?? ''),
          provider: c.required('provider', v.provider ?? ''),
          plan: opt('plan'),
        },
      };
    } else if (type === 'voluntary_facility') {
      body = {
        ...base,
        termMonths,
        facilityId: c.required('facilityId', v.facilityId ?? ''),
        contract: { number: opt('contractNumber'), signedOn: c.date('signedOn', v.signedOn ?? '') },
        priorityGroup: opt('priorityGroup'),
      };
    } else if (type === 'compulsory_pending') {
      body = {
        ...base,
        place: v.place,
        ...(grounds?.length ? { grounds: [...grounds] } : {}),
        ...(v.place === 'facility'
          ? { facilityId: c.required('facilityId', v.facilityId ?? '') }
          : opt('committedBy')
            ? {
                familyCommitment: {
                  committedBy: opt('committedBy'),
                  relation: c.required('relation', v.relation ?? ''),
                  signedOn: c.date('signedOn', v.signedOn ?? ''),
                },
              }
            : {}),
      };
    } else if (type === 'compulsory') {
      body = {
        ...base,
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
      // A registered methadone clinic, when chosen: the server checks its kind (Decree 90/2016).
      body = {
        ...base,
        clinic: { name: c.required('clinic', v.clinic ?? ''), code: opt('clinicCode') },
        facilityId: opt('facilityId'),
      };
    }
    setErrors(c.errors);
    if (!c.ok()) return;
    // Sent without the members left undefined (JSON drops them); the checker passed (see Draft).
    write.mutate(JSON.parse(JSON.stringify(body)) as BodyOf<'openEpisode'>, { onSuccess: p.onDone });
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
