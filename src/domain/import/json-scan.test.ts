import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, scanJson } from './json-scan';

describe('scanJson', () => {
  it('finds a key repeated in one object, with its path', () => {
    expect(scanJson('{"a": {"b": 1, "c": 2, "b": 3}, "list": [{"x": 1, "x": 1}]}')).toEqual([
      { kind: 'duplicate-key', path: ['a'], key: 'b' },
      { kind: 'duplicate-key', path: ['list', 0], key: 'x' },
    ]);
  });

  it('finds keys that reach prototypes, however they are spelled', () => {
    expect(scanJson('{"__proto__": {}, "a": {"constructor": 1}, "\\u005f_proto__": 2}')).toEqual([
      { kind: 'forbidden-key', path: [], key: '__proto__' },
      { kind: 'forbidden-key', path: ['a'], key: 'constructor' },
      { kind: 'forbidden-key', path: [], key: '__proto__' },
    ]);
  });

  it('finds numbers no double can hold, keeping their text', () => {
    expect(scanJson('{"v": [1, 1e309, -2E+400, 1e-400]}')).toEqual([
      { kind: 'number-out-of-range', path: ['v', 1], raw: '1e309' },
      { kind: 'number-out-of-range', path: ['v', 2], raw: '-2E+400' },
    ]);
  });

  it('finds NaN and Infinity, which JavaScript writes but JSON does not have, with their path', () => {
    expect(scanJson('{"v": [NaN, 1, Infinity], "w": -Infinity}')).toEqual([
      { kind: 'not-a-json-number', path: ['v', 0], raw: 'NaN' },
      { kind: 'not-a-json-number', path: ['v', 2], raw: 'Infinity' },
      { kind: 'not-a-json-number', path: ['w'], raw: '-Infinity' },
    ]);
  });

  it('stops at nesting deeper than any format uses, without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(scanJson(deep)).toEqual([
      { kind: 'too-deep', path: Array.from({ length: MAX_JSON_DEPTH + 1 }, () => 0), depth: 65 },
    ]);
  });

  it('leaves syntax errors to JSON.parse and finds nothing in valid JSON', () => {
    expect(scanJson('{"id": ')).toEqual([]);
    fc.assert(
      fc.property(fc.json({ maxDepth: 3 }), (text) => {
        const problems = scanJson(text);
        // fc.json never repeats a key or writes an infinite number; it may use __proto__.
        for (const p of problems) expect(p.kind).toBe('forbidden-key');
      }),
    );
  });
});
