/**
 * Rules for free text a user types or a file brings (notes, sources, reasons, names): one set,
 * applied by the repositories before they write and by every import, so an exchange file can
 * hold only what typing could have stored, and a backup always restores.
 *
 * The app renders all user text as text, never as HTML (lint forbids the ways around that), so
 * markup could do no harm here; it is refused because no real note contains a `<script>` tag or
 * a `javascript:` link, and a file that does was made to attack something: another program
 * that opens the data, a report pasted into a web page.
 */
export interface TextRule {
  /** The field's name in messages: 备注, 来源. */
  label: string;
  maxChars: number;
  isMultiline: boolean;
}

/** One section of the evaluator's report text (存在的问题及原因, 下一步建议). */
export const NARRATIVE_MAX_CHARS = 50_000;

export const TEXT_RULES = {
  note: { label: '备注', maxChars: 2000, isMultiline: true },
  source: { label: '来源', maxChars: 200, isMultiline: false },
  reason: { label: '原因', maxChars: 1000, isMultiline: true },
  /** A value as typed ("96.98%"). */
  valueText: { label: '原文', maxChars: 100, isMultiline: false },
  judgementReason: { label: '理由', maxChars: 2000, isMultiline: true },
  regionName: { label: '区域名称', maxChars: 40, isMultiline: false },
  author: { label: '姓名', maxChars: 40, isMultiline: false },
} as const satisfies Record<string, TextRule>;

/** Tags that run or load something in a browser; `<初步>` or `a < b` are not among them. */
const MARKUP =
  /<\s*\/?\s*(?:script|iframe|frame|object|embed|style|link|meta|base|img|svg|math|a|form|input|button|video|audio|body|html)\b/i;
/** Link schemes that run code or a page instead of going to a web address. */
const SCHEME = /\b(?:javascript|vbscript|livescript)\s*:|\bdata\s*:\s*text\/html/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A Chinese message when the text breaks its field's rule, else null. Length counts characters
 * as a person does (a Chinese character is one, also outside the BMP).
 *
 * @example checkText('见<script>alert(1)</script>', TEXT_RULES.note) → '备注中有网页代码“<script”，不像是录入的内容'
 */
export function checkText(text: string, rule: TextRule): string | null {
  const chars = [...text].length;
  if (chars > rule.maxChars) return `${rule.label}过长（${chars}字，最多${rule.maxChars}字）`;
  if (CONTROL.test(text)) return `${rule.label}中有不可见的控制字符`;
  if (!rule.isMultiline && /[\r\n]/.test(text)) return `${rule.label}中不能换行`;
  const markup = MARKUP.exec(text);
  if (markup) return `${rule.label}中有网页代码“${markup[0]}”，不像是录入的内容`;
  const scheme = SCHEME.exec(text);
  if (scheme) return `${rule.label}中有网页链接代码“${scheme[0]}”，不像是录入的内容`;
  return null;
}

/**
 * Whether a spreadsheet program would treat the text as a formula (CSV injection): it starts
 * with `=` or `@`, or with `+`/`-` followed by a letter or a parenthesis. Numbers ("-3.5"),
 * phone numbers ("+86 138…") and dashes stay text.
 *
 * @example looksLikeFormula('=HYPERLINK("http://x")') → true
 * @example looksLikeFormula('-3.5') → false
 */
export function looksLikeFormula(text: string): boolean {
  return /^\s*[=@]|^\s*[+-]\s*[A-Za-z(]/.test(text);
}
