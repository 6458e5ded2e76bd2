import { Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../api/types.ts';
import { AdminDialog, type DialogErrors, useDialogSend } from '../../components/admin-dialog.tsx';
import { ROLE_SCOPES, ROLES } from './roles.ts';
import { UserAccessSection } from './user-access-section.tsx';
import { USERS_EDIT_NS } from './user-edit-i18n.ts';
import { updateUser } from './users-api.ts';

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
  const { errors, setErrors, busy, run } = useDialogSend();
  const roles = ROLES.filter((r) => r === user.role || ROLE_SCOPES[r].includes(user.scopeKind));

  function submit() {
    const name = fullName.trim().replace(/\s+/g, ' ');
    if (name.length < 2) return setErrors({ fullName: t('common.required') });
    const phoneChanged = phone.trim() !== (user.phone ?? '');
    if (name === user.fullName && role === user.role && !phoneChanged)
      return setErrors({ general: te('unchanged') });
    setErrors({});
    void run(
      async () =>
        onSaved(
          await updateUser(user, {
            ...(name !== user.fullName ? { fullName: name } : {}),
            ...(role !== user.role ? { role } : {}),
            ...(phoneChanged ? { phone: phone.trim() || null } : {}),
          }),
        ),
      (err) => {
        if (err.status === 409) return { general: te('stale') };
        // A problem with the role's unit shows under the role.
        const mapped: DialogErrors = {};
        for (const f of err.errors) {
          if (f.field === 'fullName') mapped.fullName = f.message;
          else if (f.field === 'phone') mapped.phone = f.message;
          else if (f.field === 'role' || f.field === 'scopeKind' || f.field === 'scopeCode')
            mapped.role = f.message;
        }
        return mapped;
      },
    );
  }

  return (
    <AdminDialog
      title={te('title', { username: user.username })}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      general={errors.general}
      submitLabel={te('submit')}
      after={<UserAccessSection user={user} onChanged={(u) => onAccessChanged?.(u)} />}
    >
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
    </AdminDialog>
  );
}
