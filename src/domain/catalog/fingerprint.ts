import type { Plan } from './schema';

/**
 * JSON with every object's keys sorted, so that two files holding the same catalog (keys in
 * another order, other whitespace) give the same text.
 *
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) → '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The SHA-256 (hex) of a plan's canonical content: the same for the same catalog, different as
 * soon as any item, value or quote differs. Stored with a loaded plan (its audit entry), so a
 * different file loaded later under the same id is recognised before old values attach to it.
 * Web Crypto: the same in browsers and Node ≥ 20.
 */
export async function planFingerprint(plan: Plan): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(plan));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
