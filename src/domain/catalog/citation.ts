import type { Indicator, Plan } from './schema';

/**
 * Citations as a report writes them: the document by its title, the part of it (chapter,
 * section, 专栏, table), and the line — not a file name. Pure: the caller hands in the source
 * document's lines (bundled with the app, read from disk by the CLI).
 *
 * @example citationText(dazhou, lines, 81)
 *   → "《达州市“十三五”基本公共服务均等化规划》，达州市“十三五”时期基本公共服务领域主要发展指标，第81行"
 */

/** A heading of the flattened documents: never a table cell (cells start with a tab). */
const HEADING_RE =
  /^(专栏\s*[0-9０-９]+|附件\s*[0-9０-９]+|第[一二三四五六七八九十百]+[章节]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
/** A table or box title: a short line naming indicators, a list, projects or a task division. */
const TITLE_RE = /(主要发展指标|服务清单|清单目录|重点工程|保障工程|任务分工|重点任务)/;

export interface SectionRef {
  /** The heading as printed, cut after its first clause. */
  title: string;
  line: number;
}

function headingText(raw: string): string | null {
  if (raw.startsWith('\t') || raw.startsWith(' \t')) return null;
  const text = raw.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (!text) return null;
  const isHeading = HEADING_RE.test(text);
  const isTitle = TITLE_RE.test(text) && text.length <= 40 && !/[。；]$/.test(text);
  if (!isHeading && !isTitle) return null;
  // "（一）均衡发展义务教育。调整完善…" is a heading followed by its paragraph: keep the heading.
  const clause = text.split(/[。；]/)[0] ?? text;
  return clause.length > 40 ? `${clause.slice(0, 40)}…` : clause;
}

/**
 * The nearest heading or table title above `line` (1-based), or null at the top of the file;
 * inside an appendix the appendix comes first ("附件1，一、基本公共教育").
 */
export function sectionOf(lines: readonly string[], line: number): SectionRef | null {
  let section: SectionRef | null = null;
  for (let n = Math.min(line, lines.length); n >= 1; n--) {
    const raw = lines[n - 1] ?? '';
    const title = headingText(raw);
    if (!section && title) {
      section = { title, line: n };
      if (/^附件/.test(title)) return section;
      continue;
    }
    if (section && /^附件\s*[0-9０-９]+$/.test(cellOf(raw))) {
      return { title: `${cellOf(raw)}，${section.title}`, line: section.line };
    }
  }
  return section;
}

/** The document's title in book-title marks, as a report cites it: 《…》. */
export function documentTitle(plan: Pick<Plan, 'name'>): string {
  return `《${plan.name}》`;
}

/** "《title》，section，第N行"; without the source text, "《title》，第N行". */
export function citationText(
  plan: Pick<Plan, 'name'>,
  lines: readonly string[] | null,
  line: number,
): string {
  const section = lines ? sectionOf(lines, line) : null;
  return [documentTitle(plan), section?.title, `第${line}行`].filter(Boolean).join('，');
}

export interface QuotedRow {
  headers: string[];
  cells: string[];
}

const cellOf = (raw: string) => raw.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/**
 * An indicator's row of the main indicator table under the table's own column headers, read
 * from the source (指标 / 2015年 / 2020年 / 五年累计增加 / 责任单位 …) and filled with the row's
 * cells as the catalog holds them (copied exactly from the same line), so that it can be pasted
 * into a report. Null when the table's header row cannot be found above the line.
 */
export function indicatorRow(
  indicator: Pick<Indicator, 'name' | 'unit' | 'baseline' | 'target' | 'change'> & {
    responsibleUnit?: string | null;
  },
  lines: readonly string[],
  line: number,
): QuotedRow | null {
  // The table's title ("…主要发展指标") starts it; its header cells follow, one a line, with
  // blank lines between them in some files and the first cell (指标) blank in one.
  let titleLine = -1;
  for (let n = line - 1; n >= 1 && n > line - 400; n--) {
    if (/主要发展指标/.test(lines[n - 1] ?? '')) {
      titleLine = n;
      break;
    }
  }
  if (titleLine < 0) return null;
  const headers = ['指标'];
  for (let n = titleLine + 1; n < line && headers.length < 8; n++) {
    const text = cellOf(lines[n - 1] ?? '');
    if (!text || text.replace(/ /g, '') === '指标') continue;
    if (!/^(\d{4}年?|.*累计.*|.*增加.*|责任单位)$/.test(text)) break;
    headers.push(/^\d{4}$/.test(text) ? `${text}年` : text);
  }
  if (headers.length < 3) return null;
  const cells = headers.map((header, index) => {
    if (index === 0) return `${indicator.name}${indicator.unit ? `（${indicator.unit}）` : ''}`;
    if (/2015/.test(header)) return indicator.baseline?.raw ?? '—';
    if (/2020/.test(header)) return indicator.target?.raw ?? '—';
    if (/累计|增加/.test(header)) return indicator.change?.raw ?? '—';
    if (/责任/.test(header)) return indicator.responsibleUnit ?? '—';
    return '—';
  });
  return { headers, cells };
}
