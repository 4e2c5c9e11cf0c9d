import { describe, expect, it } from 'vitest';
import { loadAllPlans } from './test-plans';
import { canonicalJson, planFingerprint } from './fingerprint';

const [plan] = loadAllPlans();
if (!plan) throw new Error('no plan');

describe('plan fingerprint', () => {
  it('writes JSON with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], e: undefined })).toBe(
      '{"a":[2,{"c":4,"d":3}],"b":1}',
    );
  });

  it('is a SHA-256 that key order does not change and any content change does', async () => {
    // SHA-256 of the text {} (printf '{}' | sha256sum).
    expect(await planFingerprint({} as never)).toBe(
      '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    );
    const reordered = Object.fromEntries(Object.entries(plan).reverse()) as typeof plan;
    const fingerprint = await planFingerprint(plan);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await planFingerprint(reordered)).toBe(fingerprint);
    const changed = structuredClone(plan);
    changed.name = `${plan.name} `;
    expect(await planFingerprint(changed)).not.toBe(fingerprint);
  });
});
