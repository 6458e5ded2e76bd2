import { SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScopeKind } from '../../api/types.ts';
import { useProvinces } from '../../api/units.ts';
import { type AddressValue, CommunePicker, emptyAddress } from '../org/commune-picker.tsx';
import { viOptionsFilter } from '../org/vi-options-filter.ts';
import { useFacilities } from './users-api.ts';

/** What `ScopeTargetFields` edits (spread `fields` into it), and the unit code it gives for a kind. */
export function useScopeTarget() {
  const [provinceCode, setProvinceCode] = useState<string | null>(null);
  const [commune, setCommune] = useState<AddressValue>(emptyAddress());
  const [facilityId, setFacilityId] = useState<string | null>(null);
  return {
    fields: { provinceCode, setProvinceCode, commune, setCommune, facilityId, setFacilityId },
    codeFor: (kind: ScopeKind | null) =>
      kind === 'province'
        ? provinceCode
        : kind === 'commune'
          ? commune.communeCode
          : kind === 'facility'
            ? facilityId
            : null,
    reset: () => {
      setProvinceCode(null);
      setCommune(emptyAddress());
      setFacilityId(null);
    },
  };
}

/** The kind of unit an account works in, when its role takes more than one (nothing shown otherwise). */
export function ScopeKindChoice(p: {
  labelId: string;
  kinds: readonly ScopeKind[];
  value: ScopeKind | null;
  onChange: (k: ScopeKind) => void;
}) {
  const { t } = useTranslation();
  if (p.kinds.length <= 1) return null;
  return (
    <div>
      <Text size="sm" fw={500} id={p.labelId}>
        {t('users.scopeKind')}
      </Text>
      <SegmentedControl
        aria-labelledby={p.labelId}
        value={p.value ?? undefined}
        onChange={(k) => p.onChange(k as ScopeKind)}
        data={p.kinds.map((k) => ({ value: k, label: t(`scopeKinds.${k}`) }))}
      />
    </div>
  );
}

/**
 * The unit an account works in, by the kind chosen: a province, a commune or a facility (a text id when the
 * list of facilities cannot be read), with the server's or the form's problems about it. Used when creating
 * an account and when moving one.
 */
export function ScopeTargetFields(p: {
  kind: ScopeKind;
  provinceCode: string | null;
  setProvinceCode: (v: string | null) => void;
  commune: AddressValue;
  setCommune: (v: AddressValue) => void;
  facilityId: string | null;
  setFacilityId: (v: string | null) => void;
  errors: { scopeKind?: string; scopeCode?: string };
  communeTestId: string;
}) {
  const { t } = useTranslation();
  const provinces = useProvinces();
  const facilities = useFacilities();
  const { errors } = p;
  return (
    <>
      {p.kind === 'province' && (
        <Select
          label={t('scopeKinds.province')}
          data={(provinces.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
          value={p.provinceCode}
          onChange={p.setProvinceCode}
          searchable
          filter={viOptionsFilter}
          error={errors.scopeCode}
          required
        />
      )}
      {p.kind === 'commune' && (
        <>
          <CommunePicker value={p.commune} onChange={p.setCommune} required testId={p.communeTestId} />
          {errors.scopeCode && (
            <Text size="sm" c="red.9" role="alert">
              {errors.scopeCode}
            </Text>
          )}
        </>
      )}
      {p.kind === 'facility' &&
        (facilities.data ? (
          <Select
            label={t('users.facility')}
            data={facilities.data.map((f) => ({
              value: f.id,
              label: f.provinceName ? `${f.name} (${f.provinceName})` : f.name,
            }))}
            value={p.facilityId}
            onChange={p.setFacilityId}
            searchable
            filter={viOptionsFilter}
            error={errors.scopeCode}
            required
          />
        ) : (
          <TextInput
            label={t('users.facilityId')}
            value={p.facilityId ?? ''}
            onChange={(e) => p.setFacilityId(e.currentTarget.value.trim() || null)}
            error={errors.scopeCode}
            required
          />
        ))}
      {errors.scopeKind && (
        <Text size="sm" c="red.9" role="alert">
          {errors.scopeKind}
        </Text>
      )}
    </>
  );
}
