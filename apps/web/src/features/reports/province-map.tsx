import { Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './reports-i18n.ts';

// A tile map of the 34 provinces (from 01/07/2025): one square per province placed roughly where it lies,
// north at the top, shaded by the chosen figure. Drawn here, nothing fetched. Clicking a province opens its
// dashboard. The comparison table beside it carries the same numbers for screen readers.

const TILES: Record<string, [col: number, row: number, short: string]> = {
  '12': [1, 0, 'Lai Châu'],
  '15': [2, 0, 'Lào Cai'],
  '08': [3, 0, 'Tuyên Quang'],
  '04': [4, 0, 'Cao Bằng'],
  '11': [0, 1, 'Điện Biên'],
  '14': [1, 1, 'Sơn La'],
  '25': [2, 1, 'Phú Thọ'],
  '19': [3, 1, 'Thái Nguyên'],
  '20': [4, 1, 'Lạng Sơn'],
  '01': [2, 2, 'Hà Nội'],
  '24': [3, 2, 'Bắc Ninh'],
  '22': [4, 2, 'Quảng Ninh'],
  '37': [2, 3, 'Ninh Bình'],
  '33': [3, 3, 'Hưng Yên'],
  '31': [4, 3, 'Hải Phòng'],
  '38': [2, 4, 'Thanh Hóa'],
  '40': [2, 5, 'Nghệ An'],
  '42': [3, 6, 'Hà Tĩnh'],
  '44': [3, 7, 'Quảng Trị'],
  '46': [4, 8, 'Huế'],
  '48': [4, 9, 'Đà Nẵng'],
  '51': [4, 10, 'Quảng Ngãi'],
  '52': [4, 11, 'Gia Lai'],
  '66': [4, 12, 'Đắk Lắk'],
  '68': [3, 13, 'Lâm Đồng'],
  '56': [4, 13, 'Khánh Hòa'],
  '80': [1, 14, 'Tây Ninh'],
  '79': [2, 14, 'TP. HCM'],
  '75': [3, 14, 'Đồng Nai'],
  '91': [0, 15, 'An Giang'],
  '82': [1, 15, 'Đồng Tháp'],
  '86': [2, 15, 'Vĩnh Long'],
  '96': [0, 16, 'Cà Mau'],
  '92': [1, 16, 'Cần Thơ'],
};

const W = 72;
const H = 26;
const GAP = 3;

/** Shade from light to dark blue by value; no value stays grey. */
function shade(v: number | null, max: number) {
  if (v === null) return '#e9ecef';
  const f = max > 0 ? v / max : 0;
  const light = [231, 245, 255];
  const dark = [24, 100, 171];
  const c = light.map((l, i) => Math.round(l + (dark[i] - l) * f));
  return `rgb(${c.join(',')})`;
}

export function ProvinceMap({
  title,
  values,
  display,
  onPick,
  missing = 0,
}: {
  /** The value of a province without records (0 for counts, null for ratios). */
  missing?: number | null;
  title: string;
  values: Map<string, number | null>;
  display: (v: number | null) => string;
  onPick: (code: string) => void;
}) {
  const { t } = useTranslation('reports');
  const id = useId();
  const max = Math.max(0, ...[...values.values()].map((v) => v ?? 0));
  const cols = 5;
  const rows = 17;
  return (
    <figure style={{ margin: 0 }} data-testid="province-map">
      <svg
        viewBox={`0 0 ${cols * (W + GAP)} ${rows * (H + GAP)}`}
        width="100%"
        style={{ maxWidth: 400, display: 'block' }}
        role="group"
        aria-labelledby={`${id}-t`}
      >
        <title id={`${id}-t`}>{title}</title>
        {Object.entries(TILES).map(([code, [c, r, short]]) => {
          const v = values.has(code) ? (values.get(code) ?? null) : missing;
          const fill = shade(v, max);
          const dark = v !== null && max > 0 && v / max > 0.5;
          const label = `${short}: ${display(v)}`;
          return (
            <g
              key={code}
              role="button"
              tabIndex={0}
              aria-label={label}
              style={{ cursor: 'pointer' }}
              onClick={() => onPick(code)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onPick(code);
                }
              }}
            >
              <title>{label}</title>
              <rect
                x={c * (W + GAP)}
                y={r * (H + GAP)}
                width={W}
                height={H}
                rx={3}
                fill={fill}
                stroke="#495057"
              />
              <text
                x={c * (W + GAP) + W / 2}
                y={r * (H + GAP) + H / 2 + 4}
                textAnchor="middle"
                fontSize="9"
                fill={dark ? '#ffffff' : '#212529'}
              >
                {short}
              </text>
            </g>
          );
        })}
      </svg>
      <Text size="xs" c="dark.6">
        {t('dashboard.mapHint')}
      </Text>
    </figure>
  );
}
