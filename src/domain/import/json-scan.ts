/**
 * A small JSON scanner that finds what JSON.parse silently accepts but a file from outside must
 * not hold: a key repeated in one object (JSON.parse keeps the last one, so a reader of the file
 * and the app would see different values), keys that reach object prototypes (`__proto__`,
 * `constructor`, `prototype`), numbers no double can hold (`1e309` becomes Infinity), `NaN`
 * and `Infinity` (not JSON, but what a program printing numbers carelessly writes), and
 * nesting deeper than any of our formats uses. Pure; it does not build the value, JSON.parse
 * does that once the scan finds nothing. Syntax errors are left to JSON.parse, which names them.
 */

export type JsonPath = ReadonlyArray<string | number>;

export type JsonScanProblem =
  | { kind: 'duplicate-key'; path: JsonPath; key: string }
  | { kind: 'forbidden-key'; path: JsonPath; key: string }
  | { kind: 'number-out-of-range'; path: JsonPath; raw: string }
  /** NaN, Infinity, -Infinity: what JavaScript's own printing of numbers gives, not JSON. */
  | { kind: 'not-a-json-number'; path: JsonPath; raw: string }
  | { kind: 'too-deep'; path: JsonPath; depth: number };

/** Keys that would reach Object.prototype if any code ever copied the parsed data naively. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Deeper than any format we read (a plan is 5 levels); also keeps the scan's recursion safe. */
export const MAX_JSON_DEPTH = 64;

class SyntaxStop extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- a JSON string may not hold raw control characters (RFC 8259 §7)
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * @example scanJson('{"a": 1, "a": 2}') → [{ kind: 'duplicate-key', path: [], key: 'a' }]
 * @example scanJson('{"x": [1e309]}') → [{ kind: 'number-out-of-range', path: ['x', 0], raw: '1e309' }]
 */
export function scanJson(text: string): JsonScanProblem[] {
  const problems: JsonScanProblem[] = [];
  let at = 0;

  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
  };
  const readString = (): string => {
    STRING.lastIndex = at;
    const match = STRING.exec(text);
    if (!match) throw new SyntaxStop();
    at = STRING.lastIndex;
    // The key as JSON.parse will see it: "\u005f_proto__" is __proto__.
    return JSON.parse(match[0]) as string;
  };

  const readValue = (path: (string | number)[], depth: number): void => {
    if (depth > MAX_JSON_DEPTH) {
      problems.push({ kind: 'too-deep', path: [...path], depth });
      throw new SyntaxStop();
    }
    skipSpace();
    const c = text[at];
    if (c === '{') {
      at++;
      const keys = new Set<string>();
      skipSpace();
      if (text[at] === '}') {
        at++;
        return;
      }
      for (;;) {
        skipSpace();
        const key = readString();
        if (FORBIDDEN_KEYS.has(key)) problems.push({ kind: 'forbidden-key', path: [...path], key });
        else if (keys.has(key)) problems.push({ kind: 'duplicate-key', path: [...path], key });
        keys.add(key);
        skipSpace();
        if (text[at] !== ':') throw new SyntaxStop();
        at++;
        readValue([...path, key], depth + 1);
        skipSpace();
        if (text[at] === ',') at++;
        else if (text[at] === '}') {
          at++;
          return;
        } else throw new SyntaxStop();
      }
    }
    if (c === '[') {
      at++;
      skipSpace();
      if (text[at] === ']') {
        at++;
        return;
      }
      for (let index = 0; ; index++) {
        readValue([...path, index], depth + 1);
        skipSpace();
        if (text[at] === ',') at++;
        else if (text[at] === ']') {
          at++;
          return;
        } else throw new SyntaxStop();
      }
    }
    if (c === '"') {
      readString();
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, at)) {
        at += literal.length;
        return;
      }
    }
    for (const literal of ['NaN', 'Infinity', '-Infinity']) {
      if (text.startsWith(literal, at)) {
        problems.push({ kind: 'not-a-json-number', path: [...path], raw: literal });
        at += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (!match) throw new SyntaxStop();
    at = NUMBER.lastIndex;
    if (!Number.isFinite(Number(match[0]))) {
      problems.push({ kind: 'number-out-of-range', path: [...path], raw: match[0] });
    }
  };

  try {
    // JSON.parse drops a leading byte-order mark; so does the scan.
    if (text.charCodeAt(0) === 0xfeff) at = 1;
    readValue([], 0);
  } catch (error) {
    if (!(error instanceof SyntaxStop)) throw error;
  }
  return problems;
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * JSON.parse's complaint in Chinese, at a line and column, and "truncated" when it is (its own
 * message is English and names a character offset, which a user cannot find).
 */
export function describeJsonSyntaxError(text: string, error: Error): string {
  const message = error.message;
  const position = /position (\d+)/.exec(message);
  const isAtEnd =
    /end of (JSON )?input|Unterminated/i.test(message) ||
    (position !== null && Number(position[1]) >= text.trimEnd().length);
  if (isAtEnd) {
    const { line } = lineAndColumn(text, text.length);
    return `文件不完整：内容在第${line}行中断（可能下载或复制时被截断），未导入`;
  }
  if (position) {
    const { line, column } = lineAndColumn(text, Number(position[1]));
    return `文件不是有效的 JSON：第${line}行第${column}列有语法错误，未导入`;
  }
  return `文件不是有效的 JSON（${message}），未导入`;
}
