import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { Role, ScopeKind, User } from '../../api/types.ts';
import { useProvinces } from '../../api/units.ts';
import { type AddressValue, emptyAddress } from '../org/commune-picker.tsx';
import { ROLE_SCOPES, ROLES } from './roles.ts';
import { ScopeTargetFields } from './scope-fields.tsx';
import { useFacilities } from './users-api.ts';

type Errors = Partial<
  Record<'username' | 'fullName' | 'role' | 'scopeKind' | 'scopeCode' | 'general', string>
>;

/** New user: name, role, and the unit the role works in; the server generates the first password. */
export function UserCreateModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (user: User, initialPassword: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [scopeKind, setScopeKind] = useState<ScopeKind | null>(null);
  const [provinceCode, setProvinceCode] = useState<string | null>(null);
  const [commune, setCommune] = useState<AddressValue>(emptyAddress());
  const [facilityId, setFacilityId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const provinces = useProvinces();
  const _facilities = useFacilities();

  const kinds = role ? ROLE_SCOPES[role] : [];
  const kind = scopeKind && kinds.includes(scopeKind) ? scopeKind : (kinds[0] ?? null);
  const scopeCode =
    kind === 'province'
      ? provinceCode
      : kind === 'commune'
        ? commune.communeCode
        : kind === 'facility'
          ? facilityId
          : null;

  function reset() {
    setUsername('');
    setFullName('');
    setRole(null);
    setScopeKind(null);
    setProvinceCode(null);
    setCommune(emptyAddress());
    setFacilityId(null);
    setErrors({});
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Errors = {};
    if (!username.trim()) errs.username = t('users.usernameHint');
    if (fullName.trim().length < 2) errs.fullName = t('common.required');
    if (!role) errs.role = t('common.required');
    if (kind && kind !== 'nation' && !scopeCode) errs.scopeCode = t('common.required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const res = await api.post<{ user: User; initialPassword?: string }>('/api/users', {
        username: username.trim(),
        fullName: fullName.trim(),
        role,
        scopeKind: kind,
        scopeCode: kind === 'nation' ? null : scopeCode,
      });
      reset();
      onCreated(res.user, res.initialPassword);
    } catch (err) {
      if (err instanceof ApiError) {
        const mapped: Errors = {};
        for (const f of err.errors) mapped[f.field as keyof Errors] = f.message;
        if (err.code === 'username_taken') mapped.username = err.detail;
        if (!Object.keys(mapped).length) mapped.general = err.detail;
        setErrors(mapped);
      } else setErrors({ general: t('common.error') });
    } finally {
      setBusy(false);
    }
  }

  const _provinceData = (provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }));
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('users.create')}
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
            label={t('users.username')}
            description={t('users.usernameHint')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value.toLowerCase())}
            error={errors.username}
            autoCapitalize="none"
            spellCheck={false}
            autoComplete="off"
            required
            data-autofocus
          />
          <TextInput
            label={t('users.fullName')}
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            error={errors.fullName}
            autoComplete="off"
            required
          />
          <Select
            label={t('users.role')}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={(r) => {
              setRole(r as Role | null);
              setScopeKind(null);
            }}
            error={errors.role}
            required
            allowDeselect={false}
          />
          {kinds.length > 1 && (
            <div>
              <Text size="sm" fw={500} id="scope-kind-label">
                {t('users.scopeKind')}
              </Text>
              <SegmentedControl
                aria-labelledby="scope-kind-label"
                value={kind ?? undefined}
                onChange={(k) => setScopeKind(k as ScopeKind)}
                data={kinds.map((k) => ({ value: k, label: t(`scopeKinds.${k}`) }))}
              />
            </div>
          )}
          {kind === 'nation' && (
            <Text size="sm">
              {t('users.scopeKind')}: {t('scopeKinds.nation')}
            </Text>
          )}
          <ScopeTargetFields
            kind={kind}
            provinceCode={provinceCode}
            setProvinceCode={setProvinceCode}
            commune={commune}
            setCommune={setCommune}
            facilityId={facilityId}
            setFacilityId={setFacilityId}
            errors={errors}
            communeTestId="user-scope-commune"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
