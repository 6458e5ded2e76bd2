import { Fieldset, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommuneProvince, useCommunes, useProvinces } from '../../api/units.ts';
import { viOptionsFilter } from './vi-options-filter.ts';

export type AddressValue = {
  provinceCode: string | null;
  communeCode: string | null;
  /** Known name of the commune, used to find its province when only the code is known. */
  communeName?: string | null;
  detail: string;
};

export const emptyAddress = (): AddressValue => ({ provinceCode: null, communeCode: null, detail: '' });

type Props = {
  legend?: string;
  description?: string;
  value: AddressValue;
  onChange: (v: AddressValue) => void;
  provinceError?: string;
  communeError?: string;
  detailError?: string;
  required?: boolean;
  withDetail?: boolean;
  /** Fixes the province (a province officer's own). */
  lockedProvinceCode?: string | null;
  clearable?: boolean;
  testId?: string;
};

/** Province select, then a searchable commune select of that province (from /api/units), and the street detail. */
export function CommunePicker(props: Props) {
  const { t } = useTranslation();
  const { value, onChange } = props;
  const provinceCode = props.lockedProvinceCode ?? value.provinceCode;
  const provinces = useProvinces();
  const communes = useCommunes(provinceCode);
  const needsProvince = !!value.communeCode && !provinceCode;
  const resolved = useCommuneProvince(needsProvince ? value.communeCode : null, value.communeName);

  useEffect(() => {
    if (needsProvince && resolved.data) onChange({ ...value, provinceCode: resolved.data });
  }, [needsProvince, resolved.data, value, onChange]);

  const provinceSelect = (
    <Select
      label={t('person.province')}
      data={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
      value={provinceCode}
      onChange={(code) => onChange({ ...value, provinceCode: code, communeCode: null, communeName: null })}
      searchable
      filter={viOptionsFilter}
      disabled={!!props.lockedProvinceCode}
      required={props.required}
      clearable={props.clearable}
      error={props.provinceError}
      nothingFoundMessage="—"
    />
  );
  const communeData = (communes.data ?? []).map((c) => ({ value: c.code, label: c.name }));
  if (value.communeCode && !communeData.some((c) => c.value === value.communeCode))
    communeData.unshift({ value: value.communeCode, label: value.communeName ?? value.communeCode });
  const communeSelect = (
    <Select
      label={t('person.commune')}
      placeholder={provinceCode ? t('person.communeSearch') : t('person.chooseProvinceFirst')}
      data={communeData}
      value={value.communeCode}
      onChange={(code, option) =>
        onChange({ ...value, provinceCode, communeCode: code, communeName: option?.label ?? null })
      }
      searchable
      filter={viOptionsFilter}
      limit={400}
      disabled={!provinceCode}
      required={props.required}
      clearable={props.clearable}
      error={props.communeError}
      nothingFoundMessage="—"
    />
  );

  if (!props.legend) {
    return (
      <Group grow align="flex-start" data-testid={props.testId}>
        {!props.lockedProvinceCode && provinceSelect}
        {communeSelect}
      </Group>
    );
  }
  return (
    <Fieldset legend={props.legend} data-testid={props.testId}>
      {props.description && (
        <Text size="sm" mb="xs">
          {props.description}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {provinceSelect}
        {communeSelect}
      </SimpleGrid>
      {props.withDetail && (
        <TextInput
          mt="sm"
          label={t('person.addressDetail')}
          value={value.detail}
          onChange={(e) => onChange({ ...value, detail: e.currentTarget.value })}
          error={props.detailError}
        />
      )}
    </Fieldset>
  );
}
