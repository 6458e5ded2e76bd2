import { Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import type { Role, ScopeKind, User } from '../../api/types.ts';
import { useProvinces } from '../../api/units.ts';
import { AdminDialog, byField, type DialogErrors, useDialogSend } from '../../components/admin-dialog.tsx';
import { ROLE_SCOPES, ROLES } from './roles.ts';
import { ScopeKindChoice, ScopeTargetFields, useScopeTarget } from './scope-fields.tsx';
import { useFacilities } from './users-api.ts';

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
  const target = useScopeTarget();
  const { errors, setErrors, busy, run } = useDialogSend();
  const provinces = useProvinces();
  const _facilities = useFacilities();

  const kinds = role ? ROLE_SCOPES[role] : [];
  const kind = scopeKind && kinds.includes(scopeKind) ? scopeKind : (kinds[0] ?? null);
  const scopeCode = target.codeFor(kind);

  function reset() {
    setUsername('');
    setFullName('');
    setRole(null);
    setScopeKind(null);
    target.reset();
    setErrors({});
  }

  function submit() {
    const errs: DialogErrors = {};
    if (!username.trim()) errs.username = t('users.usernameHint');
    if (fullName.trim().length < 2) errs.fullName = t('common.required');
    if (!role) errs.role = t('common.required');
    if (kind && kind !== 'nation' && !scopeCode) errs.scopeCode = t('common.required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    void run(
      async () => {
        const res = await call(
          client.POST('/api/users', {
            body: {
              username: username.trim(),
              fullName: fullName.trim(),
              role: role!,
              scopeKind: kind!,
              scopeCode: kind === 'nation' ? null : scopeCode,
            },
          }),
        );
        reset();
        onCreated(res.user, res.initialPassword);
      },
      (err) => ({ ...byField(err), ...(err.code === 'username_taken' ? { username: err.detail } : {}) }),
    );
  }

  const _provinceData = (provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }));
  return (
    <AdminDialog
      opened={opened}
      title={t('users.create')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      general={errors.general}
      submitLabel={t('users.create')}
    >
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
      <ScopeKindChoice labelId="scope-kind-label" kinds={kinds} value={kind} onChange={setScopeKind} />
      {kind === 'nation' && (
        <Text size="sm">
          {t('users.scopeKind')}: {t('scopeKinds.nation')}
        </Text>
      )}
      <ScopeTargetFields kind={kind} {...target.fields} errors={errors} communeTestId="user-scope-commune" />
    </AdminDialog>
  );
}
