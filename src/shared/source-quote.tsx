import { useQuery } from '@tanstack/react-query';
import { citationText, indicatorRow } from '../domain/catalog/citation';
import type { Indicator } from '../domain/catalog/schema';
import { usePlans } from './plans';

// The source documents ship with the app (data/sources, copied byte for byte from the seeds),
// so an evaluator can read the cited line offline. Each file is its own lazily loaded chunk.
const sources = import.meta.glob<string>('../../data/sources/*.txt', {
  query: '?raw',
  import: 'default',
});

async function loadSourceLines(file: string): Promise<string[] | null> {
  const load = sources[`../../data/sources/${file}`];
  if (!load) return null;
  return (await load()).split('\n');
}

function useSourceLines(file: string) {
  return useQuery({
    queryKey: ['source', file],
    queryFn: () => loadSourceLines(file),
    staleTime: Infinity,
  });
}

/**
 * How a report cites a line: the document by its title, the chapter, 专栏 or table it sits in,
 * and the line ("《达州市“十三五”基本公共服务均等化规划》，…主要发展指标，第81行"); the file of the
 * shipped copy follows in small print, for checking.
 */
export function useCitation(file: string, line: number): string {
  const lines = useSourceLines(file);
  const plans = usePlans();
  const plan = (plans.data ?? []).find((e) => e.plan.source.file === file)?.plan;
  if (!plan) return `${file}，第${line}行`;
  return citationText(plan, lines.data ?? null, line);
}

export function Citation({ file, line }: { file: string; line: number }) {
  const text = useCitation(file, line);
  return (
    <span className="citation" data-testid="citation">
      {text}
      <span className="muted small citation-file"> （{file}）</span>
    </span>
  );
}

/**
 * Quotes line `line` of a source document with `before` lines above and `after` lines below
 * (tables are flattened one cell per line, so a row's values follow its name), the cited line
 * marked. For a row of the main indicator table, the row is also shown under the table's own
 * column headers (2015年 / 2020年 / 五年累计增加 …), ready to paste into a report.
 */
export function SourceQuote({
  file,
  line,
  before = 2,
  after = 2,
  indicator,
}: {
  file: string;
  line: number;
  before?: number;
  after?: number;
  indicator?: Pick<Indicator, 'name' | 'unit' | 'baseline' | 'target' | 'change'> & {
    responsibleUnit?: string | null;
  };
}) {
  const lines = useSourceLines(file);
  if (lines.isLoading) return <p className="muted">…</p>;
  if (!lines.data) return <p className="muted">{`${file}：第${line}行（原文未随应用提供）`}</p>;
  // Blank lines are skipped and not counted: `before`/`after` count lines with text.
  const shown = [];
  const wanted: number[] = [line];
  for (let n = line - 1, left = before; n >= 1 && left > 0; n--) {
    if ((lines.data[n - 1] ?? '').trim()) {
      wanted.unshift(n);
      left--;
    }
  }
  for (let n = line + 1, left = after; n <= lines.data.length && left > 0; n++) {
    if ((lines.data[n - 1] ?? '').trim()) {
      wanted.push(n);
      left--;
    }
  }
  for (const n of wanted) {
    const text = (lines.data[n - 1] ?? '').replace(/\t/g, ' ').trimEnd();
    shown.push(
      <div key={n} className={n === line ? 'quote-line quote-cited' : 'quote-line'}>
        <span className="quote-no">{n}</span>
        <span>{text || ' '}</span>
      </div>,
    );
  }
  const row = indicator ? indicatorRow(indicator, lines.data, line) : null;
  return (
    <figure className="source-quote" data-testid="source-quote">
      <figcaption>
        <Citation file={file} line={line} />
      </figcaption>
      {row && (
        <table className="data quoted-row" data-testid="quoted-row">
          <thead>
            <tr>
              {row.headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {row.cells.map((c, index) => (
                <td key={index}>{c}</td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
      {shown}
    </figure>
  );
}
