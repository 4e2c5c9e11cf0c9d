import type { Report, ReportBlock, ReportColumn, ReportTable } from '../../domain/report/model';

/**
 * The report model as HTML, laid out for print (report.css): the same sections, paragraphs
 * and tables as the Word file, nothing computed here.
 */
export function ReportView({ report }: { report: Report }) {
  return (
    <article className="report-paper report-print" lang="zh-CN" data-testid="report-preview">
      {report.demoNotice && <p className="report-demo">{report.demoNotice}</p>}
      <h1 className="report-title">
        {report.titleLines.map((line, i) => (
          <span key={i}>
            {line}
            {i < report.titleLines.length - 1 && <br />}
          </span>
        ))}
      </h1>
      <p className="report-subtitle">{report.subtitle}</p>
      {report.sections.map((section) => (
        <section key={section.id} className="report-section" data-section={section.id}>
          <h2>{section.heading}</h2>
          {section.blocks.map((block, i) => (
            <Block key={i} block={block} />
          ))}
        </section>
      ))}
      {report.appendices.map((appendix) => (
        <section
          key={appendix.label}
          className={`report-appendix${appendix.table.isWide ? ' wide' : ''}`}
          data-appendix={appendix.table.id}
        >
          <p className="report-appendix-label">{appendix.label}</p>
          <h2 className="report-appendix-title">{appendix.table.caption}</h2>
          <TableView table={appendix.table} />
        </section>
      ))}
    </article>
  );
}

function Block({ block }: { block: ReportBlock }) {
  switch (block.type) {
    case 'heading':
      return <h3>{block.text}</h3>;
    case 'paragraph':
      return (
        <p>
          {block.lead && <strong>{block.lead}</strong>}
          {block.text}
        </p>
      );
    case 'placeholder':
      return <p className="report-placeholder">{block.text}</p>;
    case 'table':
      return (
        <figure className={`report-figure${block.table.isWide ? ' wide' : ''}`}>
          <figcaption>{block.table.caption}</figcaption>
          <TableView table={block.table} />
        </figure>
      );
  }
}

function TableView({ table }: { table: ReportTable }) {
  const hasGroups = table.columns.some((c) => c.group);
  // Group headers (各年实际值) over their columns; other headers span both header rows.
  const top: Array<{ text: string; colSpan: number; rowSpan: number }> = [];
  for (let i = 0; i < table.columns.length;) {
    const column = table.columns[i] as ReportColumn;
    if (!hasGroups || !column.group) {
      top.push({ text: column.header, colSpan: 1, rowSpan: hasGroups ? 2 : 1 });
      i++;
      continue;
    }
    let j = i;
    while (j < table.columns.length && table.columns[j]?.group === column.group) j++;
    top.push({ text: column.group, colSpan: j - i, rowSpan: 1 });
    i = j;
  }
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  // Runs of equal cells in a merging column (领域) print as one cell.
  const spans = table.columns.map((column, ci) => {
    const out = table.rows.map(() => 1);
    if (!column.mergeRuns) return out;
    for (let start = 0; start < table.rows.length;) {
      let end = start + 1;
      while (
        end < table.rows.length &&
        table.rows[end]?.[ci]?.text === table.rows[start]?.[ci]?.text
      )
        end++;
      out[start] = end - start;
      for (let k = start + 1; k < end; k++) out[k] = 0;
      start = end;
    }
    return out;
  });
  return (
    <>
      <table className="report-table" data-table={table.id}>
        <colgroup>
          {table.columns.map((c, i) => (
            <col key={i} style={{ width: `${((c.width / total) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {top.map((h, i) => (
              <th key={i} colSpan={h.colSpan} rowSpan={h.rowSpan}>
                {h.text}
              </th>
            ))}
          </tr>
          {hasGroups && (
            <tr>
              {table.columns
                .filter((c) => c.group)
                .map((c, i) => (
                  <th key={i}>{c.header}</th>
                ))}
            </tr>
          )}
        </thead>
        <tbody>
          {table.rows.map((row, ri) => (
            <tr key={ri}>
              {row.map((cell, ci) => {
                const span = spans[ci]?.[ri] ?? 1;
                if (span === 0) return null;
                return (
                  <td
                    key={ci}
                    rowSpan={span > 1 ? span : undefined}
                    className={`align-${table.columns[ci]?.align ?? 'left'}`}
                  >
                    {cell.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {/* Under the table, not in a tfoot, which print would repeat on every page. */}
      {table.notes.length > 0 && (
        <div className="report-notes">
          {table.notes.map((note, i) => (
            <p key={i}>{note}</p>
          ))}
        </div>
      )}
    </>
  );
}
