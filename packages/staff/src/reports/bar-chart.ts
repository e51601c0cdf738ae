// A horizontal bar chart drawn as SVG, with no chart library. It is an image with a full text
// name (every label and value), each bar carries its value as text beside it, and bars are filled
// with patterns (hatching, dots, cross-hatching) so two bars never differ by colour alone; the
// figures are also in a table beside each chart.
import { css, svg, html } from 'lit';
import type { TemplateResult } from 'lit';

export interface Bar {
  label: string;
  value: number;
  /** The value as shown (e.g. "12" or "75 %"); defaults to the number. */
  text?: string;
}

export interface BarChartOptions {
  /** Unique within the shadow root: prefixes the pattern ids. */
  id: string;
  /** What the chart shows, e.g. "Requests by department". */
  title: string;
  bars: Bar[];
  /** The largest value the axis shows (default: the largest bar). */
  max?: number;
  /** Cycle the patterns bar by bar (for charts whose bars are categories of one whole, like yes/no). */
  patternPerBar?: boolean;
}

const WIDTH = 640;
const LABEL_W = 220;
const VALUE_W = 70;
const ROW_H = 30;
const BAR_H = 20;
const MAX_LABEL = 30;

const PATTERNS = ['hatch', 'dots', 'cross', 'solid'] as const;

function patternDefs(id: string) {
  return svg`<defs>
    <pattern id="${id}-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="8" height="8" class="bar-fill" /><line x1="0" y1="0" x2="0" y2="8" class="bar-mark" stroke-width="3" />
    </pattern>
    <pattern id="${id}-dots" width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" class="bar-fill bar-fill--light" /><circle cx="4" cy="4" r="2" class="bar-dot" />
    </pattern>
    <pattern id="${id}-cross" width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" class="bar-fill bar-fill--light" /><path d="M0 0L8 8M8 0L0 8" class="bar-mark bar-mark--dark" stroke-width="1.5" />
    </pattern>
    <pattern id="${id}-solid" width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" class="bar-dot" />
    </pattern>
  </defs>`;
}

const short = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

/** The chart's accessible name: its title and each bar's label and value. */
export function chartName(o: BarChartOptions): string {
  return `${o.title}: ${o.bars.map((b) => `${b.label}, ${b.text ?? b.value}`).join('; ')}`;
}

export function barChart(o: BarChartOptions): TemplateResult {
  const max = Math.max(o.max ?? 0, ...o.bars.map((b) => b.value), 1);
  const plot = WIDTH - LABEL_W - VALUE_W;
  const height = Math.max(o.bars.length, 1) * ROW_H + 10;
  const name = chartName(o);
  return html`<svg class="bar-chart" role="img" aria-label=${name} viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">
    ${patternDefs(o.id)}
    ${svg`<line x1=${LABEL_W} y1="0" x2=${LABEL_W} y2=${height - 5} class="axis" />`}
    ${o.bars.map((b, i) => {
      const y = i * ROW_H + 5;
      const w = b.value > 0 ? Math.max((b.value / max) * plot, 2) : 0;
      const pattern = PATTERNS[o.patternPerBar ? i % PATTERNS.length : 0];
      return svg`<g>
        <text x=${LABEL_W - 8} y=${y + BAR_H / 2} class="label" text-anchor="end" dominant-baseline="central">${short(b.label)}</text>
        <rect x=${LABEL_W} y=${y} width=${w} height=${BAR_H} fill="url(#${o.id}-${pattern})" class="bar" />
        <text x=${LABEL_W + w + 6} y=${y + BAR_H / 2} class="value" dominant-baseline="central">${b.text ?? b.value}</text>
      </g>`;
    })}
  </svg>`;
}

export const barChartStyles = css`
  /* No style attribute: the console's CSP forbids inline styles; the viewBox gives the proportions. */
  .bar-chart {
    display: block;
    max-width: 640px;
    height: auto;
    font-size: 13px;
    overflow: visible;
  }
  .bar-chart .label,
  .bar-chart .value {
    fill: var(--_muni-text);
  }
  .bar-chart .value {
    font-weight: 700;
  }
  .bar-chart .axis {
    stroke: var(--_muni-border);
  }
  .bar-chart .bar {
    stroke: var(--_muni-primary);
    stroke-width: 1;
  }
  .bar-chart .bar-fill {
    fill: var(--_muni-primary);
  }
  .bar-chart .bar-fill--light {
    fill: var(--_muni-background);
  }
  .bar-chart .bar-mark {
    stroke: var(--_muni-background);
  }
  .bar-chart .bar-mark--dark {
    stroke: var(--_muni-primary);
  }
  .bar-chart .bar-dot {
    fill: var(--_muni-primary);
  }
  @media (forced-colors: active) {
    .bar-chart .bar {
      stroke: CanvasText;
    }
  }
`;
