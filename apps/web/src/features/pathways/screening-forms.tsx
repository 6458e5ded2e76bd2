import { ADDICTION_CRITERIA } from '@hoanhap/domain/addiction';
import { SUBSTANCES as DOMAIN_SUBSTANCES } from '@hoanhap/domain/pathway-rules';
import {
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../api/schema.ts';
import { useSession } from '../../api/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { mayKeepOnDevice, sendOrKeep, wasKept } from '../../offline/outbox.ts';
import { FormModal, todayDmy } from './form-kit.tsx';
import { type EntrySubject, officerEntry } from './offline-entry.ts';
import { usePathwayForm } from './pathway-form.ts';
import { type Determination, type DrugTest, pathwayApi } from './pathways-api.ts';

const METHODS = ['rapid_urine', 'lab'] as const;
const REASONS = ['routine', 'suspicion', 'scheduled_during_management', 'intake'] as const;
// The substances a test result names (the domain's panel, without its free 'other'), and the criteria of an
// addiction determination: the domain's lists, so a substance or criterion added there shows here.
export const SUBSTANCES = DOMAIN_SUBSTANCES.filter((s) => s !== 'other');
export const CRITERIA = ADDICTION_CRITERIA;

type Props<T> = { personId: string; opened: boolean; onClose: () => void; onDone: (out: T) => void };

/**
 * A drug test: date, method, reason, who performed it, and a result per substance tested. Works offline: without
 * a connection the test waits in the outbox, based on the person's version the page showed (`onKept`).
 */
export function DrugTestForm({
  personId,
  person,
  opened,
  onClose,
  onDone,
  onKept,
}: Props<DrugTest> & { person: EntrySubject; onKept: () => void }) {
  const { t } = useTranslation('pathways');
  const me = useSession();
  // A field role's entry waits on the device without a connection; other roles need one.
  const field = mayKeepOnDevice(me);
  const [results, setResults] = useState<Record<string, '' | 'positive' | 'negative'>>({});
  // Sent through the offline outbox (sendOrKeep), which keeps the entry on the device without a connection.
  const form = usePathwayForm(
    personId,
    { testedOn: todayDmy(), method: 'rapid_urine', reason: 'routine', performedBy: '' },
    (body: BodyOf<'createDrugTest'>) =>
      sendOrKeep<DrugTest>(
        officerEntry(
          me.user.id,
          person,
          `/api/people/${encodeURIComponent(personId)}/drug-tests`,
          body,
          t('test.title'),
          body.testedOn,
        ),
        field,
      ),
  );
  const { errors } = form;

  const submit = () =>
    form.submit(
      (v, c) => {
        const testedOn = c.date('testedOn', v.testedOn);
        const performedBy = c.required('performedBy', v.performedBy);
        const list = Object.entries(results)
          .filter(([, r]) => r)
          .map(([substance, result]) => ({ substance, result }));
        if (list.length === 0) c.errors.results = t('test.needOne');
        return { testedOn, method: v.method, reason: v.reason, performedBy, results: list };
      },
      (r) => (wasKept(r) ? onKept() : onDone(r)),
    );
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      worksOffline={field}
      title={t('test.title')}
      onSubmit={submit}
      {...form.modal}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('test.testedOn')} required {...form.value('testedOn')} />
        <TextInput label={t('test.performedBy')} required {...form.text('performedBy')} />
        <NativeSelect
          label={t('test.method')}
          {...form.text('method')}
          data={METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
        />
        <NativeSelect
          label={t('test.reason')}
          {...form.text('reason')}
          data={REASONS.map((m) => ({ value: m, label: t(`reason.${m}`) }))}
        />
      </SimpleGrid>
      <Fieldset legend={t('test.substances')}>
        <Table>
          <Table.Tbody>
            {SUBSTANCES.map((s) => (
              <Table.Tr key={s}>
                <Table.Td>{t(`substance.${s}`)}</Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={`${t('test.result')}: ${t(`substance.${s}`)}`}
                    value={results[s] ?? ''}
                    onChange={(e) =>
                      setResults({ ...results, [s]: e.currentTarget.value as '' | 'positive' | 'negative' })
                    }
                    data={[
                      { value: '', label: t('test.notTested') },
                      { value: 'positive', label: t('test.positive') },
                      { value: 'negative', label: t('test.negative') },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {errors.results && (
          <Text c="red.9" size="sm" role="alert">
            {errors.results}
          </Text>
        )}
      </Fieldset>
    </FormModal>
  );
}

type Obs = { on: boolean; from: string; to: string };

/**
 * Form 04 of a qualified health facility and doctor (Decree 109/2021): the facility, the doctor and their
 * practising certificate, the doctor's conclusion (the result) and the criteria, which the server checks
 * against the conclusion (a warning, not a refusal, when they disagree).
 */
export function DeterminationForm({ personId, opened, onClose, onDone }: Props<Determination>) {
  const { t } = useTranslation('pathways');
  const form = usePathwayForm(
    personId,
    {
      assessedOn: todayDmy(),
      doctor: '',
      certificate: '',
      facility: '',
      licence: '',
      conclusion: '',
      form04: '',
    },
    (body: BodyOf<'createAddictionDetermination'>) => pathwayApi.determination(personId, body),
  );
  const { errors } = form;
  const [obs, setObs] = useState<Record<string, Obs>>(
    Object.fromEntries(CRITERIA.map((c) => [c, { on: false, from: '', to: '' }])),
  );
  const [subs, setSubs] = useState<string[]>([]);

  const submit = () =>
    form.submit((v, c) => {
      const assessedOn = c.date('assessedOn', v.assessedOn);
      const doctor = c.required('doctor', v.doctor);
      const certificate = c.required('certificate', v.certificate);
      const facilityName = c.required('facility', v.facility);
      const conclusion = c.required('conclusion', v.conclusion);
      const observations = CRITERIA.filter((k) => obs[k].on).map((k) => {
        const from = c.date(`${k}.from`, obs[k].from);
        const to = c.date(`${k}.to`, obs[k].to, true);
        return { criterion: k, from, ...(to ? { to } : {}) };
      });
      return {
        assessedOn,
        observations,
        doctor: { name: doctor, certificate },
        facilityName,
        ...(v.licence.trim() ? { facilityLicence: v.licence.trim() } : {}),
        conclusion,
        ...(v.form04.trim() ? { form04Number: v.form04.trim() } : {}),
        substances: subs,
      };
    }, onDone);
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('det.title')}
      onSubmit={submit}
      {...form.modal}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('det.assessedOn')} required {...form.value('assessedOn')} />
        <TextInput label={t('det.facility')} required {...form.text('facility')} />
        <TextInput label={t('det.doctor')} required {...form.text('doctor')} />
        <TextInput
          label={t('det.certificate')}
          required
          {...form.text('certificate')}
          error={errors.certificate ?? errors['doctor.certificate']}
        />
        <TextInput label={t('det.licence')} {...form.text('licence')} error={errors.facilityLicence} />
        <NativeSelect
          label={t('det.conclusion')}
          required
          {...form.text('conclusion')}
          data={[
            { value: '', label: t('det.conclusionPick') },
            { value: 'addicted', label: t('det.conclusionAddicted') },
            { value: 'not_addicted', label: t('det.conclusionNotAddicted') },
          ]}
        />
        <TextInput label={t('det.form04')} {...form.text('form04')} />
      </SimpleGrid>
      <Stack gap="xs">
        <Text fw={600}>{t('det.criteria')}</Text>
        <Text size="sm" c="dimmed">
          {t('det.criteriaHint')}
        </Text>
        {CRITERIA.map((k) => (
          <Fieldset key={k} legend={t(`criterion.${k}`)} variant="unstyled" aria-label={t(`criterion.${k}`)}>
            <Group align="flex-start" wrap="wrap">
              <Checkbox
                mt="xs"
                label={t('det.criteriaMet')}
                checked={obs[k].on}
                onChange={(e) => setObs({ ...obs, [k]: { ...obs[k], on: e.currentTarget.checked } })}
              />
              {obs[k].on && (
                <>
                  <DateField
                    label={t('det.from')}
                    required
                    value={obs[k].from}
                    onChange={(from) => setObs({ ...obs, [k]: { ...obs[k], from } })}
                    error={errors[`${k}.from`]}
                  />
                  <DateField
                    label={t('det.to')}
                    value={obs[k].to}
                    onChange={(to) => setObs({ ...obs, [k]: { ...obs[k], to } })}
                    error={errors[`${k}.to`]}
                  />
                </>
              )}
            </Group>
          </Fieldset>
        ))}
      </Stack>
      <Checkbox.Group label={t('det.substances')} value={subs} onChange={setSubs}>
        <SimpleGrid cols={{ base: 2, sm: 3 }} mt="xs">
          {SUBSTANCES.map((s) => (
            <Checkbox key={s} value={s} label={t(`substance.${s}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </FormModal>
  );
}
