import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { ScopeKind, User } from '../../api/types.ts';
import { useProvinces } from '../../api/units.ts';
import { type AddressValue, emptyAddress } from '../org/commune-picker.tsx';
import { ROLE_SCOPES } from './roles.ts';
import { ScopeTargetFields } from './scope-fields.tsx';
import { useFacilities } from './users-api.ts';
import { USERS_MOVE_NS } from './users-move-i18n.ts';

type Errors = Partial<Record<'scopeKind' | 'scopeCode' | 'general', string>>;

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
  const [provinceCode, setProvinceCode] = useState<string | null>(null);
  const [commune, setCommune] = useState<AddressValue>(emptyAddress());
  const [facilityId, setFacilityId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const _provinces = useProvinces();
  const _facilities = useFacilities();
  const scopeCode =
    scopeKind === 'province' ? provinceCode : scopeKind === 'commune' ? commune.communeCode : facilityId;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!scopeCode) return setErrors({ scopeCode: t('common.required') });
    if (scopeKind === user.scopeKind && scopeCode === user.scopeCode)
      return setErrors({ scopeCode: tm('same') });
    setErrors({});
    setBusy(true);
    try {
      onMoved(
        await api.patch<User>(`/api/users/${user.id}`, { scopeKind, scopeCode, version: user.version }),
      );
    } catch (err) {
      if (err instanceof ApiError) {
        const mapped: Errors = {};
        for (const f of err.errors)
          if (f.field === 'scopeKind' || f.field === 'scopeCode') mapped[f.field] = f.message;
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
      title={tm('title', { username: user.username })}
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
          <Text size="sm">{tm('intro')}</Text>
          <Text size="sm" data-testid="move-current-unit">
            {tm('current', { name: user.scopeName ?? user.scopeCode ?? '' })}
          </Text>
          {kinds.length > 1 && (
            <div>
              <Text size="sm" fw={500} id="move-scope-kind-label">
                {t('users.scopeKind')}
              </Text>
              <SegmentedControl
                aria-labelledby="move-scope-kind-label"
                value={scopeKind}
                onChange={(k) => setScopeKind(k as ScopeKind)}
                data={kinds.map((k) => ({ value: k, label: t(`scopeKinds.${k}`) }))}
              />
            </div>
          )}
          <ScopeTargetFields
            kind={scopeKind}
            provinceCode={provinceCode}
            setProvinceCode={setProvinceCode}
            commune={commune}
            setCommune={setCommune}
            facilityId={facilityId}
            setFacilityId={setFacilityId}
            errors={errors}
            communeTestId="user-move-commune"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {tm('submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
