import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useCommunes, useProvinces } from '../../api/units.ts';
import { viOptionsFilter } from '../org/vi-options-filter.ts';
import { useAreas } from './areas-api.ts';
import './reports-i18n.ts';

// The unit whose figures are shown: the nation and its provinces for a national officer, the province, its
// communes and facilities for a provincial one, and the areas of the province (all areas for a national one);
// communes and facilities see only themselves.

function useFacilities(provinceCode: string | null) {
  return useQuery({
    queryKey: ['facilities', 'reports', provinceCode],
    queryFn: () =>
      call(
        client.GET('/api/facilities', {
          params: { query: { provinceCode: provinceCode ?? undefined, limit: 200 } },
        }),
      ),
    select: (d) => d.items,
    enabled: !!provinceCode,
    staleTime: 60 * 60 * 1000,
  });
}

/** The code → name of every unit the viewer may choose (also used to name child units on charts). */
export function useUnitNames(me: Me, provinceCode: string | null): Map<string, string> {
  const provinces = useProvinces();
  const scopeProvince = me.user.scopeKind === 'province' ? me.user.scopeCode : provinceCode;
  const communes = useCommunes(scopeProvince);
  const facilities = useFacilities(scopeProvince);
  const areas = useAreas(me.user.scopeKind === 'province' || me.user.scopeKind === 'nation');
  const names = new Map<string, string>([['VN', 'Toàn quốc']]);
  for (const a of areas.data ?? []) names.set(a.unit, a.name);
  for (const p of provinces.data ?? []) names.set(p.code, p.name);
  for (const c of communes.data ?? []) names.set(c.code, c.name);
  for (const f of facilities.data ?? []) names.set(f.id, f.name);
  if (me.user.scopeCode && me.user.scopeName) names.set(me.user.scopeCode, me.user.scopeName);
  return names;
}

/** The default unit of a viewer: their own scope. */
export const ownUnit = (me: Me) => (me.user.scopeKind === 'nation' ? 'VN' : (me.user.scopeCode ?? ''));

export function UnitSelect({
  me,
  value,
  onChange,
}: {
  me: Me;
  value: string;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation('reports');
  const kind = me.user.scopeKind;
  const names = useUnitNames(me, kind === 'province' ? me.user.scopeCode : null);
  const provinces = useProvinces();
  const province = kind === 'province' ? me.user.scopeCode : null;
  const communes = useCommunes(province);
  const facilities = useFacilities(province);
  const areas = useAreas(kind === 'province' || kind === 'nation');
  const areaOptions = (areas.data ?? []).map((a) => ({
    value: a.unit,
    label: `${t('dashboard.area')}: ${a.name}`,
  }));
  let data: { value: string; label: string }[];
  if (kind === 'nation') {
    data = [
      { value: 'VN', label: 'Toàn quốc' },
      ...(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name })),
      ...areaOptions,
    ];
  } else if (kind === 'province' && province) {
    data = [
      { value: province, label: names.get(province) ?? province },
      ...areaOptions,
      ...(communes.data ?? []).map((c) => ({ value: c.code, label: c.name })),
      ...(facilities.data ?? []).map((f) => ({ value: f.id, label: f.name })),
    ];
  } else {
    const own = ownUnit(me);
    data = [{ value: own, label: me.user.scopeName ?? own }];
  }
  return (
    <Select
      label={t('dashboard.unit')}
      data={data}
      value={value}
      searchable
      filter={viOptionsFilter}
      allowDeselect={false}
      disabled={data.length < 2}
      w={260}
      onChange={(v) => v && onChange(v)}
    />
  );
}
