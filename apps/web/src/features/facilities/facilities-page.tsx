import { FACILITY_KINDS, facilityKindLabels } from '@hoanhap/domain/placement-rules';
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import type { BodyOf } from '../../api/schema.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { AdminDialog, byField, useDialogSend } from '../../components/admin-dialog.tsx';
import { DateField } from '../../components/date-field.tsx';
import { type Fields, useFields } from '../../components/form-fields.ts';
import { heads, PageHeader, PageTitle, RecordTable } from '../../components/record-list.tsx';
import { formatDate, parseDmy } from '../../i18n/format.ts';
import { type AddressValue, CommunePicker, emptyAddress } from '../org/commune-picker.tsx';
import { type Facility, useFacilities } from '../users/users-api.ts';
import { FACILITIES_NS } from './facilities-i18n.ts';

/** An operating licence of a private facility, as the server presents it. */
type Licence = {
  id: string;
  number: string;
  issuedOn: string;
  issuer: string;
  issuerRole: string | null;
  scope: string;
  validUntil: string;
  version: number;
};
type FacilityRow = Facility & { licences?: Licence[] };

/** The licence form's texts (dates typed dd/mm/yyyy). */
type LicenceForm = { number: string; issuedOn: string; issuer: string; scope: string; validUntil: string };
const emptyLicence = (): LicenceForm => ({ number: '', issuedOn: '', issuer: '', scope: '', validUntil: '' });
const licenceForm = (l: Licence): LicenceForm => ({
  number: l.number,
  issuedOn: formatDate(l.issuedOn),
  issuer: l.issuer,
  scope: l.scope,
  validUntil: formatDate(l.validUntil),
});
const todayIso = () => new Date().toISOString().slice(0, 10);

/** Checks the licence form in the browser; returns the API body or the errors by field. */
function licenceBody(
  f: LicenceForm,
  t: (k: string) => string,
): { body?: BodyOf<'addFacilityLicence'>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  for (const k of ['number', 'issuer', 'scope'] as const) if (!f[k].trim()) errors[k] = t('common.required');
  const issuedOn = parseDmy(f.issuedOn);
  const validUntil = parseDmy(f.validUntil);
  if (!issuedOn)
    errors.issuedOn = f.issuedOn ? t(`${FACILITIES_NS}:licence.invalidDate`) : t('common.required');
  if (!validUntil)
    errors.validUntil = f.validUntil ? t(`${FACILITIES_NS}:licence.invalidDate`) : t('common.required');
  if (Object.keys(errors).length || !issuedOn || !validUntil) return { errors };
  return {
    body: { number: f.number.trim(), issuedOn, issuer: f.issuer.trim(), scope: f.scope.trim(), validUntil },
    errors,
  };
}

/** The five fields of a licence, bound to the dialog's licence form (which knows where their problems are). */
function LicenceFields({ form }: { form: Fields<LicenceForm> }) {
  const { t } = useTranslation(FACILITIES_NS);
  return (
    <Stack
      component="fieldset"
      gap="xs"
      style={{ border: '1px solid var(--mantine-color-gray-4)', padding: 12 }}
    >
      <Text component="legend" fw={600} size="sm">
        {t('licence.legend')}
      </Text>
      <Text size="sm">{t('licence.hint')}</Text>
      <TextInput label={t('licence.number')} {...form.text('number')} required />
      <Group grow align="flex-start">
        <DateField label={t('licence.issuedOn')} {...form.value('issuedOn')} required />
        <DateField label={t('licence.validUntil')} {...form.value('validUntil')} required />
      </Group>
      <TextInput
        label={t('licence.issuer')}
        description={t('licence.issuerHint')}
        {...form.text('issuer')}
        required
      />
      <Textarea label={t('licence.scope')} {...form.text('scope')} autosize minRows={2} required />
    </Stack>
  );
}

/** The licence in force today (or the latest one), for the list. */
function LicenceCell({ licences }: { licences: Licence[] }) {
  const { t } = useTranslation(FACILITIES_NS);
  const latest = [...licences].sort((a, b) => (a.validUntil < b.validUntil ? 1 : -1))[0];
  if (!latest) return <Text size="sm">{t('licence.none')}</Text>;
  const expired = latest.validUntil < todayIso();
  return (
    <Group gap={6}>
      <Text size="sm">
        {t('licence.until', { number: latest.number, date: formatDate(latest.validUntil) })}
      </Text>
      {expired && (
        <Badge color="red" tt="none">
          {t('licence.expired')}
        </Badge>
      )}
    </Group>
  );
}

/** Rehab facilities, clinics and health stations (when the server offers /api/facilities): list and add. */
export function FacilitiesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('facilities.title'));
  const { t: tf } = useTranslation(FACILITIES_NS);
  const facilities = useFacilities();
  const [creating, setCreating] = useState(false);
  const [licenceOf, setLicenceOf] = useState<FacilityRow | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const kindLabel = (k: string) => facilityKindLabels[lang][k as (typeof FACILITY_KINDS)[number]] ?? k;

  if (facilities.isPending) return <InlineLoader />;
  if (facilities.isError) return <ErrorState error={facilities.error} onRetry={() => facilities.refetch()} />;
  if (facilities.data === null)
    return (
      <Stack>
        <PageTitle title={t('facilities.title')} />
        <Alert color="gray">{t('facilities.unavailable')}</Alert>
      </Stack>
    );
  return (
    <Stack>
      <PageHeader
        title={t('facilities.title')}
        action={<Button onClick={() => setCreating(true)}>{t('facilities.create')}</Button>}
      />
      {facilities.data.length === 0 ? (
        <Text>{t('facilities.empty')}</Text>
      ) : (
        <RecordTable
          minWidth={800}
          striped
          data-testid="facilities-table"
          head={[
            ...heads(t, 'facilities', ['name', 'kind', 'place', 'phone']),
            tf('licence.column'),
            t('facilities.state'),
          ]}
        >
          {(facilities.data as FacilityRow[]).map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td fw={600}>{f.name}</Table.Td>
              <Table.Td>{kindLabel(f.kind)}</Table.Td>
              <Table.Td>
                {[f.address, f.communeName, f.provinceName ?? f.provinceCode].filter(Boolean).join(', ')}
              </Table.Td>
              <Table.Td>{f.phone ?? ''}</Table.Td>
              <Table.Td>
                {f.kind === 'rehab_private' && (
                  <Group gap="xs" wrap="nowrap">
                    <LicenceCell licences={f.licences ?? []} />
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => setLicenceOf(f)}
                      aria-label={tf('licence.manageTitle', { name: f.name })}
                    >
                      {tf('licence.manage')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={f.active ? 'green' : 'gray'} tt="none">
                  {f.active ? t('facilities.active') : t('facilities.inactive')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      )}
      <FacilityCreateModal opened={creating} onClose={() => setCreating(false)} kindLabel={kindLabel} />
      {licenceOf && (
        <LicenceModal
          facility={
            (facilities.data as FacilityRow[]).find((f) => f.id === licenceOf.id) ??
            (licenceOf as FacilityRow)
          }
          onClose={() => setLicenceOf(null)}
        />
      )}
    </Stack>
  );
}

function FacilityCreateModal({
  opened,
  onClose,
  kindLabel,
}: {
  opened: boolean;
  onClose: () => void;
  kindLabel: (k: string) => string;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { errors, setErrors, busy, run } = useDialogSend();
  const form = useFields({ name: '', kind: null as string | null, phone: '' }, (k) => errors[k]);
  const [place, setPlace] = useState<AddressValue>(emptyAddress());
  // The server names a licence's problems licence.<field>; one about the licence as a whole shows under its end.
  const licence = useFields(
    emptyLicence,
    (k) => errors[`licence.${k}`] ?? (k === 'validUntil' ? errors.licence : undefined),
  );
  const { name, kind, phone } = form.f;

  function submit() {
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = t('common.required');
    if (!kind) errs.kind = t('common.required');
    if (!place.provinceCode) errs.provinceCode = t('common.required');
    const lic = kind === 'rehab_private' ? licenceBody(licence.f, t) : null;
    for (const [k, v] of Object.entries(lic?.errors ?? {})) errs[`licence.${k}`] = v;
    setErrors(errs);
    if (Object.keys(errs).length) return;
    void run(
      async () => {
        await call(
          client.POST('/api/facilities', {
            body: {
              name: name.trim(),
              kind: kind as BodyOf<'createFacility'>['kind'],
              provinceCode: place.provinceCode!,
              communeCode: place.communeCode ?? undefined,
              address: place.detail.trim() || undefined,
              phone: phone.trim() || undefined,
              licence: lic?.body,
            },
          }),
        );
        notifications.show({
          color: 'green',
          message: t('facilities.created', { name: name.trim() }),
          closeButtonProps: { 'aria-label': t('common.close') },
        });
        await qc.invalidateQueries({ queryKey: ['facilities'] });
        form.reset();
        setPlace(emptyAddress());
        licence.reset();
        onClose();
      },
      // Field problems under their fields; anything but a 400 also above them.
      (err) => ({ ...byField(err), ...(err.status !== 400 ? { general: err.detail } : {}) }),
    );
  }

  return (
    <AdminDialog
      opened={opened}
      title={t('facilities.create')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      general={errors.general}
    >
      <TextInput label={t('facilities.name')} {...form.text('name')} required data-autofocus />
      <Select
        label={t('facilities.kind')}
        data={FACILITY_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
        {...form.value('kind')}
        required
        allowDeselect={false}
      />
      <CommunePicker
        legend={t('facilities.place')}
        value={place}
        onChange={setPlace}
        provinceError={errors.provinceCode}
        communeError={errors.communeCode}
        detailError={errors.address}
        withDetail
        clearable
      />
      <TextInput label={t('facilities.phone')} type="tel" {...form.text('phone')} />
      {kind === 'rehab_private' && <LicenceFields form={licence} />}
    </AdminDialog>
  );
}

/** A private facility's licences: correct one (with its version) or record a new one (renewal). */
function LicenceModal({ facility, onClose }: { facility: FacilityRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { t: tf, i18n } = useTranslation(FACILITIES_NS);
  const qc = useQueryClient();
  const licences = facility.licences ?? [];
  const [chosen, setChosen] = useState<string>(licences[0]?.id ?? 'new');
  const current = licences.find((l) => l.id === chosen) ?? null;
  const [version, setVersion] = useState<number | null>(current?.version ?? null);
  const { errors, setErrors, busy, run } = useDialogSend();
  const form = useFields<LicenceForm>(current ? licenceForm(current) : emptyLicence(), (k) => errors[k]);
  const [notice, setNotice] = useState<string | null>(null);

  function choose(id: string) {
    const l = licences.find((x) => x.id === id) ?? null;
    setChosen(id);
    form.setF(l ? licenceForm(l) : emptyLicence());
    setVersion(l?.version ?? null);
    setErrors({});
    setNotice(null);
  }

  function submit() {
    const { body, errors: errs } = licenceBody(form.f, t);
    setErrors(errs);
    setNotice(null);
    if (!body) return;
    const id = facility.id;
    void run(
      async () => {
        if (chosen === 'new')
          await call(client.POST('/api/facilities/{id}/licences', { params: { path: { id } }, body }));
        else
          await call(
            client.PATCH('/api/facilities/{id}/licences/{licenceId}', {
              params: { path: { id, licenceId: chosen } },
              body: { ...body, version: version! },
            }),
          );
        notifications.show({
          color: 'green',
          message: tf('licence.saved'),
          closeButtonProps: { 'aria-label': tf('close') },
        });
        await qc.invalidateQueries({ queryKey: ['facilities'] });
        onClose();
      },
      (err) => {
        const cur = err.body.current as Licence | undefined;
        if (err.status !== 409 || !cur) return byField(err);
        // Someone saved the licence meanwhile: their values (and version) load, to be corrected again.
        form.setF(licenceForm(cur));
        setVersion(cur.version);
        setNotice(tf('licence.stale'));
        return null;
      },
    );
  }

  const role = current?.issuerRole;
  return (
    <AdminDialog
      title={tf('licence.manageTitle', { name: facility.name })}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      general={errors.general}
      notice={notice}
    >
      <Select
        label={tf('licence.choose')}
        data={[
          ...licences.map((l) => ({
            value: l.id,
            label: `${tf('licence.edit')}: ${l.number} (${formatDate(l.issuedOn)} – ${formatDate(l.validUntil)})`,
          })),
          { value: 'new', label: tf('licence.add') },
        ]}
        value={chosen}
        onChange={(v) => v && choose(v)}
        allowDeselect={false}
      />
      {role && (
        <Text size="sm">
          {tf('licence.issuerRole', {
            role: i18n.exists(`roles.${role}`, { ns: FACILITIES_NS }) ? tf(`roles.${role}`) : role,
          })}
        </Text>
      )}
      <LicenceFields form={form} />
    </AdminDialog>
  );
}
