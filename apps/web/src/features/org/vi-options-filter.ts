import { normalizeVi } from '@hoanhap/domain/normalize';
import type { ComboboxItem, OptionsFilter } from '@mantine/core';

/** Option filter that ignores Vietnamese diacritics and word order: "ba dinh" finds "Phường Ba Đình". */
export const viOptionsFilter: OptionsFilter = ({ options, search, limit }) => {
  const tokens = normalizeVi(search).split(' ').filter(Boolean);
  const items = options as ComboboxItem[];
  const hits = tokens.length
    ? items.filter((o) => {
        const label = normalizeVi(o.label);
        return tokens.every((tok) => label.includes(tok));
      })
    : items;
  return hits.slice(0, limit);
};
