import { useId, useState, type ReactNode } from 'react';
import { useDataset } from '../../shared/dataset';
import { useT } from '../../shared/i18n';
import { overviewMessages } from './messages';

/**
 * Every chart sits in this frame: a title, the unit, the 示例数据 badge while demo data shows,
 * a caption, and a "show data" button that opens the figures behind the chart as a table.
 */
export function ChartFrame({
  title,
  unit,
  caption,
  table,
  testId,
  children,
}: {
  title: string;
  unit: string;
  caption?: ReactNode;
  table: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const t = useT(overviewMessages);
  const { dataset } = useDataset();
  const [isTableOpen, setTableOpen] = useState(false);
  const tableId = useId();
  return (
    <figure className="chart-frame" data-testid={testId}>
      <figcaption className="chart-head">
        <h3>{title}</h3>
        {dataset === 'demo' && (
          <span className="badge badge-warn demo-badge" data-testid="chart-demo-badge">
            {t('demoBadge')}
          </span>
        )}
        <span className="chart-unit muted">{unit}</span>
        <button
          type="button"
          className="chart-toggle"
          aria-expanded={isTableOpen}
          aria-controls={tableId}
          onClick={() => setTableOpen((open) => !open)}
        >
          {isTableOpen ? t('hideData') : t('showData')}
        </button>
      </figcaption>
      {caption && <p className="chart-caption muted">{caption}</p>}
      <div className="chart-body">{children}</div>
      <div id={tableId} hidden={!isTableOpen} className="chart-table">
        {isTableOpen && table}
      </div>
    </figure>
  );
}

/** A legend drawn in HTML (readable, wraps, and names each mark's shape as well as colour). */
export function Legend({
  entries,
}: {
  entries: ReadonlyArray<{ label: string; swatch: ReactNode }>;
}) {
  return (
    <ul className="chart-legend">
      {entries.map((e) => (
        <li key={e.label}>
          <span className="legend-swatch" aria-hidden="true">
            {e.swatch}
          </span>
          {e.label}
        </li>
      ))}
    </ul>
  );
}

/** Small SVG swatches for legends. */
export function LineSwatch({ colour, dashed = false }: { colour: string; dashed?: boolean }) {
  return (
    <svg width="22" height="10">
      <line
        x1="1"
        y1="5"
        x2="21"
        y2="5"
        stroke={colour}
        strokeWidth="2"
        strokeDasharray={dashed ? '4 3' : undefined}
      />
    </svg>
  );
}

export function DotSwatch({ colour, square = false }: { colour: string; square?: boolean }) {
  return (
    <svg width="12" height="12">
      {square ? (
        <rect x="2" y="2" width="8" height="8" fill="#fff" stroke={colour} strokeWidth="2" />
      ) : (
        <circle cx="6" cy="6" r="4" fill={colour} />
      )}
    </svg>
  );
}

export function BoxSwatch({ colour, opacity = 1 }: { colour: string; opacity?: number }) {
  return (
    <svg width="14" height="12">
      <rect x="1" y="1" width="12" height="10" fill={colour} fillOpacity={opacity} />
    </svg>
  );
}
