import { Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './reports-i18n.ts';

// Hand-made SVG charts (no chart library in any download): a bar chart for a trend over periods or a
// comparison between units, with an optional target line, and progress bars against targets. Each chart
// has a title for screen readers and its numbers in a table beside it.

export type Bar = { key: string; label: string; value: number | null; display: string };

const W = 640;
const H = 220;
const PAD = { left: 48, right: 12, top: 12, bottom: 56 };

/** Vertical bars with value labels; null values draw no bar and read "—". */
export function BarChart({
  title,
  bars,
  target,
  targetLabel,
  testId,
  category,
}: {
  /** Header of the label column of the fallback table (default: the period). */
  category?: string;
  title: string;
  bars: Bar[];
  target?: number | null;
  targetLabel?: string;
  testId?: string;
}) {
  const { t } = useTranslation('reports');
  const id = useId();
  const max = Math.max(1, target ?? 0, ...bars.map((b) => b.value ?? 0));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, bars.length);
  const barW = Math.min(48, step * 0.6);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  return (
    <figure style={{ margin: 0 }} data-testid={testId}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-t`}
        style={{ maxWidth: W, display: 'block' }}
      >
        <title id={`${id}-t`}>{title}</title>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#495057" />
        <text x={PAD.left - 6} y={y(max) + 4} textAnchor="end" fontSize="11" fill="#343a40">
          {new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(max)}
        </text>
        <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" fontSize="11" fill="#343a40">
          0
        </text>
        {bars.map((b, i) => {
          const cx = PAD.left + step * i + step / 2;
          const v = b.value ?? 0;
          return (
            <g key={b.key}>
              {b.value !== null && (
                <rect
                  x={cx - barW / 2}
                  y={y(v)}
                  width={barW}
                  height={Math.max(0, y(0) - y(v))}
                  fill="#1864ab"
                />
              )}
              <text x={cx} y={y(v) - 4} textAnchor="middle" fontSize="11" fill="#212529">
                {b.display}
              </text>
              <text
                x={cx}
                y={H - PAD.bottom + 14}
                textAnchor="end"
                fontSize="10"
                fill="#343a40"
                transform={`rotate(-30 ${cx} ${H - PAD.bottom + 14})`}
              >
                {b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label}
              </text>
            </g>
          );
        })}
        {target != null && (
          <g>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(target)}
              y2={y(target)}
              stroke="#c92a2a"
              strokeDasharray="6 4"
            />
            <text x={W - PAD.right} y={y(target) - 4} textAnchor="end" fontSize="11" fill="#a61e1e">
              {targetLabel}
            </text>
          </g>
        )}
      </svg>
      <details>
        <summary>
          <Text span size="sm">
            {t('dashboard.tableFallback')}
          </Text>
        </summary>
        <Table>
          <caption style={{ textAlign: 'left' }}>{title}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{category ?? t('dashboard.period')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bars.map((b) => (
              <Table.Tr key={b.key}>
                <Table.Td>{b.label}</Table.Td>
                <Table.Td>{b.display}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </figure>
  );
}

/** One horizontal progress bar of a value (percent) against its target. */
export function TargetBar({
  label,
  value,
  display,
  target,
  targetText,
  met,
}: {
  label: string;
  value: number | null;
  display: string;
  target: number;
  targetText: string;
  met: boolean | null;
}) {
  const { t } = useTranslation('reports');
  const scale = Math.max(100, target, value ?? 0);
  const pct = (v: number) => `${(v / scale) * 100}%`;
  return (
    <div>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={scale}
        aria-valuenow={value ?? 0}
        aria-valuetext={`${display}; ${targetText}`}
        style={{ position: 'relative', height: 14, background: '#e9ecef', borderRadius: 4 }}
      >
        {value !== null && (
          <div
            style={{
              width: pct(value),
              height: '100%',
              background: met ? '#2b8a3e' : '#e67700',
              borderRadius: 4,
            }}
          />
        )}
        <div
          style={{
            position: 'absolute',
            left: pct(target),
            top: -3,
            bottom: -3,
            width: 2,
            background: '#212529',
          }}
        />
      </div>
      <Text size="xs" c="dark.6">
        {display} · {targetText} · {met === null ? '—' : met ? t('dashboard.met') : t('dashboard.notMet')}
      </Text>
    </div>
  );
}
