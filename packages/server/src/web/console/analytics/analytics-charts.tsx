import type { ActivityCounts } from '../../../domain/analytics/issuer-analytics.js';

const WIDTH = 600;

/** One labelled value of a bar chart. */
export interface Bar {
  readonly label: string;
  readonly value: number;
}

/**
 * Horizontal bars as an SVG image (no script, no inline style: the CSP allows neither). The caller puts
 * the same numbers in a table right below: the image is a summary, the table is the data.
 */
export function BarChart(props: {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly bars: readonly Bar[];
}) {
  const row = 36;
  const labelWidth = 130;
  const barSpace = WIDTH - labelWidth - 70;
  const height = props.bars.length * row + 8;
  const max = Math.max(1, ...props.bars.map((bar) => bar.value));
  return (
    <svg
      class="chart"
      role="img"
      viewBox={`0 0 ${WIDTH} ${height}`}
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      data-chart={props.id}
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      {props.bars.map((bar, index) => {
        const y = index * row + 4;
        const width = Math.round((bar.value / max) * barSpace);
        return (
          <g>
            <text class="chart-label" x="0" y={y + 20}>
              {bar.label}
            </text>
            <rect class="chart-bar" x={labelWidth} y={y} width={Math.max(width, 1)} height={row - 10} />
            <text class="chart-label" x={labelWidth + width + 8} y={y + 20} data-value={bar.value}>
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export const SERIES_KEYS = [
  'issued',
  'claimed',
  'views',
  'verifications',
] as const satisfies readonly (keyof ActivityCounts)[];

/**
 * Lines over time, one per series key, each with its own dash pattern so they stay apart without colour.
 * The y axis starts at 0 and ends at the largest value.
 */
export function LineChart(props: {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly points: readonly ({ readonly label: string } & ActivityCounts)[];
  readonly legend: Readonly<Record<(typeof SERIES_KEYS)[number], string>>;
}) {
  const height = 240;
  const left = 44;
  const right = WIDTH - 12;
  const top = 30;
  const bottom = height - 30;
  const max = Math.max(1, ...props.points.flatMap((point) => SERIES_KEYS.map((key) => point[key])));
  const n = props.points.length;
  const x = (index: number) => (n <= 1 ? (left + right) / 2 : left + (index * (right - left)) / (n - 1));
  const y = (value: number) => bottom - (value / max) * (bottom - top);
  const first = props.points[0];
  const last = props.points.at(-1);
  return (
    <svg
      class="chart"
      role="img"
      viewBox={`0 0 ${WIDTH} ${height}`}
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      data-chart={props.id}
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      <line class="chart-axis" x1={left} y1={bottom} x2={right} y2={bottom} />
      <line class="chart-axis" x1={left} y1={top} x2={left} y2={bottom} />
      <text class="chart-label" x={left - 6} y={top + 4} text-anchor="end">
        {max}
      </text>
      <text class="chart-label" x={left - 6} y={bottom + 4} text-anchor="end">
        0
      </text>
      {first === undefined ? null : (
        <text class="chart-label" x={left} y={height - 8}>
          {first.label}
        </text>
      )}
      {last === undefined || n <= 1 ? null : (
        <text class="chart-label" x={right} y={height - 8} text-anchor="end">
          {last.label}
        </text>
      )}
      {SERIES_KEYS.map((key, index) => (
        <g>
          <line
            class={`chart-line chart-line-${key}`}
            x1={left + index * 140}
            y1="12"
            x2={left + index * 140 + 24}
            y2="12"
          />
          <text class="chart-label" x={left + index * 140 + 30} y="16">
            {props.legend[key]}
          </text>
          {n === 1 ? (
            <circle class={`chart-dot chart-line-${key}`} cx={x(0)} cy={y(first?.[key] ?? 0)} r="4" />
          ) : (
            <polyline
              class={`chart-line chart-line-${key}`}
              data-series={key}
              points={props.points
                .map((point, i) => `${x(i).toFixed(1)},${y(point[key]).toFixed(1)}`)
                .join(' ')}
            />
          )}
        </g>
      ))}
    </svg>
  );
}
