import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScopeKind, User } from '../../api/types.ts';
import { useProvinces } from '../../api/units.ts';
import { AdminDialog, byField, pick, useDialogSend } from '../../components/admin-dialog.tsx';
import { ROLE_SCOPES } from './roles.ts';
import { ScopeKindChoice, ScopeTargetFields, useScopeTarget } from './scope-fields.tsx';
import { updateUser, useFacilities } from './users-api.ts';
import { USERS_MOVE_NS } from './users-move-i18n.ts';

/** Moves an account to another unit of the kinds its role takes; the server dates the move today. */
export function UserMoveModal({
  user,
  onClose,
  onMoved,
}: {
  user: User;
  onClose: () => void;
  onMoved: (user: User) => void;
}) {
  const { t } = useTranslation();
  const { t: tm } = useTranslation(USERS_MOVE_NS);
  const kinds: ScopeKind[] = ROLE_SCOPES[user.role].filter((k) => k !== 'nation');
  const [scopeKind, setScopeKind] = useState<ScopeKind>(
    kinds.includes(user.scopeKind) ? user.scopeKind : (kinds[0] ?? 'commune'),
  );
  const target = useScopeTarget();
  const { errors, setErrors, busy, run } = useDialogSend();
  const _provinces = useProvinces();
  const _facilities = useFacilities();
  const scopeCode = target.codeFor(scopeKind);

  function submit() {
    if (!scopeCode) return setErrors({ scopeCode: t('common.required') });
    if (scopeKind === user.scopeKind && scopeCode === user.scopeCode)
      return setErrors({ scopeCode: tm('same') });
    setErrors({});
    void run(
      async () => onMoved(await updateUser(user, { scopeKind, scopeCode })),
      (err) => pick(byField(err), ['scopeKind', 'scopeCode']),
    );
  }

  return (
    <AdminDialog
      title={tm('title', { username: user.username })}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      general={errors.general}
      submitLabel={tm('submit')}
    >
      <Text size="sm">{tm('intro')}</Text>
      <Text size="sm" data-testid="move-current-unit">
        {tm('current', { name: user.scopeName ?? user.scopeCode ?? '' })}
      </Text>
      <ScopeKindChoice
        labelId="move-scope-kind-label"
        kinds={kinds}
        value={scopeKind}
        onChange={setScopeKind}
      />
      <ScopeTargetFields
        kind={scopeKind}
        {...target.fields}
        errors={errors}
        communeTestId="user-move-commune"
      />
    </AdminDialog>
  );
}
