import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TableWrap } from './shared';

export interface BarSeries {
  name: string;
  /** A colour with at least 3:1 contrast on white (WCAG 1.4.11). */
  color: string;
}

export interface BarChartProps {
  title: string;
  /** Says what is shown and the norm; also the SVG's accessible name. */
  caption: string;
  series: BarSeries[];
  rows: { label: string; values: (number | null)[] }[];
  /** A horizontal line at the norm. */
  norm?: { value: number; label: string };
  /** Header of the first column of the table alternative. */
  rowHeader: string;
  format?(value: number): string;
}

const W = 640;
const H = 260;
const PAD = { top: 16, right: 12, bottom: 56, left: 40 };

/**
 * A bar chart as inline SVG (no chart library). The SVG is one image named by the caption; the
 * same numbers follow as a table, so nothing depends on seeing the chart.
 */
export function BarChart({ title, caption, series, rows, norm, rowHeader, format }: BarChartProps) {
  const { t } = useTranslation('ips');
  const id = useId();
  const show = format ?? ((v: number) => String(v));
  const values = rows.flatMap((r) => r.values.filter((v): v is number => v !== null));
  const max = Math.max(1, norm?.value ?? 0, ...values) * 1.1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const group = plotW / Math.max(1, rows.length);
  const barW = Math.max(2, (group * 0.8) / series.length);
  const ticks = [0, max / 2 / 1.1, max / 1.1].map((v) => Math.round(v));
  const labelEvery = Math.ceil(rows.length / 10);

  return (
    <figure className="ips-chart" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-caption`}
        className="ips-chart__svg"
        preserveAspectRatio="xMidYMid meet"
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#d5dde3" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="#4d5b66">
              {v}
            </text>
          </g>
        ))}
        {rows.map((row, i) => (
          <g key={row.label}>
            {row.values.map((v, s) =>
              v === null ? null : (
                <rect
                  key={series[s].name}
                  x={PAD.left + i * group + group * 0.1 + s * barW}
                  y={y(v)}
                  width={barW}
                  height={Math.max(0, PAD.top + plotH - y(v))}
                  fill={series[s].color}
                />
              ),
            )}
            {i % labelEvery === 0 ? (
              <text
                x={PAD.left + i * group + group / 2}
                y={H - PAD.bottom + 16}
                textAnchor="middle"
                fontSize="11"
                fill="#1b2630"
              >
                {row.label.length > 12 ? `${row.label.slice(0, 11)}…` : row.label}
              </text>
            ) : null}
          </g>
        ))}
        {norm ? (
          <g>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(norm.value)}
              y2={y(norm.value)}
              stroke="#b3261e"
              strokeWidth="2"
              strokeDasharray="6 4"
            />
            <text
              x={W - PAD.right}
              y={y(norm.value) - 4}
              textAnchor="end"
              fontSize="12"
              fill="#b3261e"
            >
              {norm.label}
            </text>
          </g>
        ) : null}
        {series.map((s, n) => (
          <g key={s.name} transform={`translate(${PAD.left + n * 170}, ${H - 18})`}>
            <rect width="12" height="12" y="-10" fill={s.color} />
            <text x="18" fontSize="12" fill="#1b2630">
              {s.name}
            </text>
          </g>
        ))}
      </svg>
      <figcaption id={`${id}-caption`} className="ips-chart__caption">
        {caption}
      </figcaption>
      <details className="ips-details">
        <summary>{t('dashboard.showTable')}</summary>
        <TableWrap label={title}>
          <table className="ips-table">
            <caption className="t-visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {series.map((s) => (
                  <th key={s.name} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {row.values.map((v, s) => (
                    <td key={series[s].name}>{v === null ? t('dashboard.noValue') : show(v)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </figure>
  );
}
