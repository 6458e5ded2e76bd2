import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { Role, User } from '../../api/types.ts';
import { ROLE_SCOPES, ROLES } from './roles.ts';
import { UserAccessSection } from './user-access-section.tsx';
import { USERS_EDIT_NS } from './user-edit-i18n.ts';

type Errors = Partial<Record<'fullName' | 'role' | 'phone' | 'general', string>>;

/** Edits an account's name, role (roles taking the same kind of unit) and phone, with its version: 409 when stale. */
export function UserEditModal({
  user,
  onClose,
  onSaved,
  onAccessChanged,
}: {
  user: User;
  onClose: () => void;
  onSaved: (user: User) => void;
  /** A change made by the login section (unlock), which keeps the dialog open. */
  onAccessChanged?: (user: User) => void;
}) {
  const { t } = useTranslation();
  const { t: te } = useTranslation(USERS_EDIT_NS);
  const [fullName, setFullName] = useState(user.fullName);
  const [role, setRole] = useState<Role>(user.role);
  const [phone, setPhone] = useState(user.phone ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const roles = ROLES.filter((r) => r === user.role || ROLE_SCOPES[r].includes(user.scopeKind));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const name = fullName.trim().replace(/\s+/g, ' ');
    if (name.length < 2) return setErrors({ fullName: t('common.required') });
    const phoneChanged = phone.trim() !== (user.phone ?? '');
    if (name === user.fullName && role === user.role && !phoneChanged)
      return setErrors({ general: te('unchanged') });
    setErrors({});
    setBusy(true);
    try {
      onSaved(
        await api.patch<User>(`/api/users/${user.id}`, {
          ...(name !== user.fullName ? { fullName: name } : {}),
          ...(role !== user.role ? { role } : {}),
          ...(phoneChanged ? { phone: phone.trim() || null } : {}),
          version: user.version,
        }),
      );
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.status === 409) return setErrors({ general: te('stale') });
        const mapped: Errors = {};
        for (const f of err.errors) {
          if (f.field === 'fullName') mapped.fullName = f.message;
          else if (f.field === 'phone') mapped.phone = f.message;
          else if (f.field === 'role' || f.field === 'scopeKind' || f.field === 'scopeCode')
            mapped.role = f.message;
        }
        if (!Object.keys(mapped).length) mapped.general = err.detail;
        setErrors(mapped);
      } else setErrors({ general: t('common.error') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={te('title', { username: user.username })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {errors.general && (
            <Alert color="red" role="alert">
              {errors.general}
            </Alert>
          )}
          <Text size="sm">{te('intro')}</Text>
          <TextInput
            label={te('fullName')}
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            error={errors.fullName}
            required
            maxLength={120}
          />
          <Select
            label={te('role')}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={(v) => v && setRole(v as Role)}
            allowDeselect={false}
            error={errors.role}
            required
          />
          <TextInput
            label={te('phone')}
            description={te('phoneHint')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={errors.phone}
            type="tel"
            autoComplete="off"
            maxLength={40}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {te('submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <UserAccessSection user={user} onChanged={(u) => onAccessChanged?.(u)} />
    </Modal>
  );
}
