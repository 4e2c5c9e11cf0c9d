import { useQuery } from '@tanstack/react-query';

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

/**
 * Quotes line `line` of a source document with `before` lines above and `after` lines below
 * (tables are flattened one cell per line, so a row's values follow its name), the cited line
 * marked.
 */
export function SourceQuote({
  file,
  line,
  before = 2,
  after = 2,
}: {
  file: string;
  line: number;
  before?: number;
  after?: number;
}) {
  const lines = useQuery({
    queryKey: ['source', file],
    queryFn: () => loadSourceLines(file),
    staleTime: Infinity,
  });
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
  return (
    <figure className="source-quote" data-testid="source-quote">
      <figcaption className="muted">{`${file} 第${line}行`}</figcaption>
      {shown}
    </figure>
  );
}
