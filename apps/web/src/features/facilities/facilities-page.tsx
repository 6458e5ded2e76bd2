import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { type AddressValue, CommunePicker, emptyAddress } from '../org/commune-picker.tsx';
import { FACILITY_KINDS, useFacilities } from '../users/users-api.ts';

/** Rehab facilities, clinics and health stations (when the server offers /api/facilities): list and add. */
export function FacilitiesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('facilities.title'));
  const facilities = useFacilities();
  const [creating, setCreating] = useState(false);
  const kindLabel = (k: string) => (i18n.exists(`facilityKinds.${k}`) ? t(`facilityKinds.${k}`) : k);

  if (facilities.isPending) return <InlineLoader />;
  if (facilities.isError) return <ErrorState error={facilities.error} onRetry={() => facilities.refetch()} />;
  if (facilities.data === null)
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('facilities.title')}
        </Title>
        <Alert color="gray">{t('facilities.unavailable')}</Alert>
      </Stack>
    );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('facilities.title')}
        </Title>
        <Button onClick={() => setCreating(true)}>{t('facilities.create')}</Button>
      </Group>
      {facilities.data.length === 0 ? (
        <Text>{t('facilities.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped data-testid="facilities-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('facilities.name')}</Table.Th>
                <Table.Th>{t('facilities.kind')}</Table.Th>
                <Table.Th>{t('facilities.place')}</Table.Th>
                <Table.Th>{t('facilities.phone')}</Table.Th>
                <Table.Th>{t('facilities.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {facilities.data.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td fw={600}>{f.name}</Table.Td>
                  <Table.Td>{kindLabel(f.kind)}</Table.Td>
                  <Table.Td>
                    {[f.address, f.communeName, f.provinceName ?? f.provinceCode].filter(Boolean).join(', ')}
                  </Table.Td>
                  <Table.Td>{f.phone ?? ''}</Table.Td>
                  <Table.Td>
                    <Badge color={f.active ? 'green' : 'gray'} tt="none">
                      {f.active ? t('facilities.active') : t('facilities.inactive')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FacilityCreateModal opened={creating} onClose={() => setCreating(false)} kindLabel={kindLabel} />
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
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [place, setPlace] = useState<AddressValue>(emptyAddress());
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = t('common.required');
    if (!kind) errs.kind = t('common.required');
    if (!place.provinceCode) errs.provinceCode = t('common.required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await api.post('/api/facilities', {
        name: name.trim(),
        kind,
        provinceCode: place.provinceCode,
        communeCode: place.communeCode ?? undefined,
        address: place.detail.trim() || undefined,
        phone: phone.trim() || undefined,
      });
      notifications.show({ color: 'green', message: t('facilities.created', { name: name.trim() }) });
      await qc.invalidateQueries({ queryKey: ['facilities'] });
      setName('');
      setKind(null);
      setPlace(emptyAddress());
      setPhone('');
      onClose();
    } catch (err) {
      const mapped: Record<string, string> = {};
      if (err instanceof ApiError) {
        for (const f of err.errors) mapped[f.field] = f.message;
        if (!err.errors.length || err.status !== 400) mapped.general = err.detail;
      } else mapped.general = t('common.error');
      setErrors(mapped);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('facilities.create')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {errors.general && (
            <Alert color="red" role="alert">
              {errors.general}
            </Alert>
          )}
          <TextInput
            label={t('facilities.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
            data-autofocus
          />
          <Select
            label={t('facilities.kind')}
            data={FACILITY_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
            value={kind}
            onChange={setKind}
            error={errors.kind}
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
          <TextInput
            label={t('facilities.phone')}
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={errors.phone}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
