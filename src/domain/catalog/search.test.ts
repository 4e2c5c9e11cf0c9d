import { describe, expect, it } from 'vitest';
import { loadAllPlans } from './test-plans';
import { normalizeForSearch, searchCatalog } from './search';

const plans = loadAllPlans();

describe('catalog search', () => {
  it('finds every bed indicator across plans when typing 床位', () => {
    const hits = searchCatalog(plans, '床位').filter((h) => h.kind === 'indicator');
    const expected = plans.flatMap((p) =>
      p.indicators.filter((i) => i.name.includes('床位')).map((i) => `${p.id}/${i.id}`),
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(hits.map((h) => `${h.planId}/${h.id}`).sort()).toEqual(expected.sort());
  });

  it('requires every word and ignores full-width forms and case', () => {
    expect(normalizeForSearch('ＡＢＣ　１２')).toBe('abc 12');
    const hits = searchCatalog(plans, '婴儿 死亡率');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.label.includes('婴儿') && h.label.includes('死亡率'))).toBe(true);
  });

  it('returns nothing for an empty query', () => {
    expect(searchCatalog(plans, '   ')).toEqual([]);
  });
});
