import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAllPlans } from '../domain/catalog/test-plans';
import type { Plan } from '../domain/catalog/schema';
import {
  checkAddress,
  PAGES,
  parseSearch,
  sameSearch,
  searchValidator,
  stringifySearch,
  switchPlan,
  type AddressFacts,
} from './search';

const all = loadAllPlans();
const byId = (id: string) => all.find((p) => p.id === id) as Plan;
const dazhou = byId('dazhou');
const zhoucun = byId('zhoucun');
const dazhou2017 = byId('dazhou-2017');
// The app's menu order puts 达州市规划 first: it is the default plan.
const plans = [dazhou, dazhou2017, zhoucun, byId('handan'), byId('dalian')];
const regionsOf = (plan: Plan) =>
  plan.regions.map((r) => ({ regionId: r.id, name: r.name, archived: 0 }));
const facts = (plan: Plan, defaultYear = 2018): AddressFacts => ({
  plans,
  regions: regionsOf(plan),
  defaultYear,
});

describe('reading the address', () => {
  it('keeps every value as text, and a __proto__ key as a plain key', () => {
    const search = parseSearch('?year=2018&plan=dazhou&__proto__=x&constructor=y');
    expect(search.year).toBe('2018');
    expect(search.plan).toBe('dazhou');
    expect(Object.getPrototypeOf(search)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('writes plain text values and leaves out empty ones', () => {
    expect(stringifySearch({ plan: 'dazhou', year: 2018, region: null, q: '' })).toBe(
      '?plan=dazhou&year=2018',
    );
    expect(stringifySearch({ q: '床位 数' })).toBe('?q=%E5%BA%8A%E4%BD%8D+%E6%95%B0');
    expect(parseSearch(stringifySearch({ q: '床位 数' })).q).toBe('床位 数');
  });
});

describe('the form of each value (no plan needed)', () => {
  it.each(['abc', '99999', '2016.5', '-1', '', ' 2018'])('refuses the year “%s”', (year) => {
    const { search, problems } = checkAddress('overview', { year });
    expect(search.year).toBeUndefined();
    if (year === '') expect(problems).toEqual([]);
    else expect(problems).toMatchObject([{ param: 'year', raw: year, reason: 'invalid' }]);
  });

  it('reads a four-digit year as a number', () => {
    expect(checkAddress('assessment', { year: '2018' }).search.year).toBe(2018);
  });

  it('refuses a view, tab, sort, status or mode the page does not have', () => {
    expect(checkAddress('overview', { view: 'unknown' }).problems).toMatchObject([
      { param: 'view', raw: 'unknown' },
    ]);
    // `indicator` is a view of both pages; `regions` only of the overview.
    expect(checkAddress('entry', { view: 'regions' }).search.view).toBeUndefined();
    expect(checkAddress('overview', { view: 'regions' }).search.view).toBe('regions');
    expect(checkAddress('catalog', { tab: 'nope' }).problems).toHaveLength(1);
    expect(checkAddress('overview', { sort: 'nope' }).problems).toHaveLength(1);
    expect(checkAddress('assessment', { status: 'lagging' }).search.status).toBe('lagging');
    expect(checkAddress('assessment', { status: 'late' }).problems).toHaveLength(1);
    expect(checkAddress('assessment', { mode: 'final' }).search.mode).toBe('final');
    expect(checkAddress('assessment', { mode: 'termly' }).problems).toHaveLength(1);
  });

  it('refuses ids that are not lower-case ascii with - and .', () => {
    for (const region of ['<script>', 'Quxian', '渠县', 'a b', '-x', 'x'.repeat(65)]) {
      expect(checkAddress('overview', { region }).search.region).toBeUndefined();
    }
    expect(checkAddress('overview', { region: 'user-1a2b3c4d' }).search.region).toBe(
      'user-1a2b3c4d',
    );
    expect(
      checkAddress('catalog', { item: 'education.compulsory-retention-rate' }).problems,
    ).toEqual([]);
  });

  it('trims the search text and refuses one longer than 100 characters', () => {
    expect(checkAddress('catalog', { q: '  床位 ' }).search.q).toBe('床位');
    expect(checkAddress('catalog', { q: '床'.repeat(101) }).problems).toMatchObject([
      { param: 'q', raw: `${'床'.repeat(40)}…` },
    ]);
  });

  it('accepts only archived=1', () => {
    expect(checkAddress('entry', { archived: '1' }).search.archived).toBe('1');
    expect(checkAddress('entry', { archived: 'yes' }).problems).toHaveLength(1);
  });

  it('reads an old asof= as year once, and writes year', () => {
    const checked = checkAddress('entry', { plan: 'dazhou', asof: '2017' });
    expect(checked.search.year).toBe(2017);
    expect(checked.corrected).toEqual({ plan: 'dazhou', year: '2017' });
    expect(checked.problems).toEqual([]);
    // A year given as well wins.
    expect(checkAddress('entry', { asof: '2017', year: '2019' }).search.year).toBe(2019);
  });

  it('ignores parameters the page does not have, and keeps them in the address', () => {
    const checked = checkAddress('settings', { plan: 'dazhou', year: 'abc', foo: 'bar' });
    expect(checked.problems).toEqual([]);
    expect(checked.corrected).toEqual({ plan: 'dazhou', year: 'abc', foo: 'bar' });
  });

  it('gives the router every parameter of the page, undefined when refused', () => {
    // The router lays the result over the raw address: a missing key would let `abc` through.
    const validated = searchValidator('overview')({ year: 'abc', plan: 'dazhou' });
    expect(Object.keys(validated)).toContain('year');
    expect(validated.year).toBeUndefined();
    expect(validated.plan).toBe('dazhou');
  });
});

describe('checking against the plan', () => {
  it('shows the first plan for one that does not exist, and says so', () => {
    const checked = checkAddress('overview', { plan: 'nonexistent' }, facts(dazhou));
    expect(checked.corrected.plan).toBe('dazhou');
    expect(checked.problems).toEqual([
      {
        page: 'overview',
        param: 'plan',
        raw: 'nonexistent',
        reason: 'unknown',
        shown: { kind: 'plan', name: '达州市规划' },
      },
    ]);
  });

  it('shows the plan’s first region for a region of another plan', () => {
    // 渠县 is a county of 达州; 周村区规划 has one region, 周村区.
    const checked = checkAddress('overview', { plan: 'zhoucun', region: 'quxian' }, facts(zhoucun));
    expect(checked.corrected).toEqual({ plan: 'zhoucun', region: 'zhoucun' });
    expect(checked.problems).toMatchObject([
      {
        param: 'region',
        raw: 'quxian',
        reason: 'unknown',
        planName: '周村区规划',
        shown: { kind: 'region', name: '周村区' },
      },
    ]);
  });

  it('gives a region of the wrong form the same fallback, with the value as it was', () => {
    const checked = checkAddress('assessment', { region: '<script>' }, facts(dazhou));
    expect(checked.corrected.region).toBe('dazhou');
    expect(checked.problems).toMatchObject([
      { param: 'region', raw: '<script>', reason: 'invalid', shown: { name: '达州市' } },
    ]);
  });

  it('skips an archived first region when choosing the fallback', () => {
    const regions = regionsOf(dazhou).map((r) => ({
      ...r,
      archived: r.regionId === 'dazhou' ? 1 : 0,
    }));
    const checked = checkAddress('overview', { region: 'nope' }, { plans, regions });
    expect(checked.corrected.region).toBe('tongchuan');
  });

  it('shows the default year for a year outside the plan’s period, naming the period', () => {
    for (const year of ['2015', '2021', '2030']) {
      const checked = checkAddress('overview', { year }, facts(dazhou, 2018));
      expect(checked.corrected.year).toBe('2018');
      expect(checked.problems).toMatchObject([
        {
          param: 'year',
          raw: year,
          reason: 'outOfRange',
          shown: { kind: 'year', year: 2018 },
          years: { from: 2016, to: 2020 },
        },
      ]);
    }
    // 达州市2017年实施方案 covers 2017 only.
    const checked = checkAddress(
      'assessment',
      { plan: 'dazhou-2017', year: '2018' },
      facts(dazhou2017, 2017),
    );
    expect(checked.problems).toMatchObject([{ years: { from: 2017, to: 2017 } }]);
    expect(checked.corrected.year).toBe('2017');
  });

  it('refuses a year outside the period even before the default year is known', () => {
    // The shell reads the stored values (for the default year) only when a year is refused.
    const checked = checkAddress('overview', { year: '2030' }, { plans });
    expect(checked.problems).toMatchObject([{ param: 'year', reason: 'outOfRange' }]);
    expect(checked.corrected.year).toBeUndefined();
  });

  it('shows the default year for a year of the wrong form', () => {
    const checked = checkAddress('entry', { year: 'abc' }, facts(dazhou, 2018));
    expect(checked.corrected.year).toBe('2018');
    expect(checked.problems).toMatchObject([
      { param: 'year', raw: 'abc', reason: 'invalid', shown: { kind: 'year', year: 2018 } },
    ]);
  });

  it('shows the first item for an unknown item, except in the catalog, which selects none', () => {
    // 达州's first domain is 基本公共教育服务; its first indicator 九年义务教育巩固率.
    const overview = checkAddress('overview', { item: 'zzz' }, facts(dazhou));
    expect(overview.corrected.item).toBe('education.compulsory-retention-rate');
    expect(overview.problems).toMatchObject([
      { shown: { kind: 'item', name: '九年义务教育巩固率' } },
    ]);
    const catalog = checkAddress('catalog', { item: 'zzz' }, facts(dazhou));
    expect(catalog.corrected.item).toBeUndefined();
    expect(catalog.problems).toMatchObject([{ param: 'item', shown: { kind: 'default' } }]);
  });

  it('accepts a service or task id as the catalog’s item', () => {
    const service = dazhou.services[0]!.id;
    expect(checkAddress('catalog', { item: service }, facts(dazhou)).problems).toEqual([]);
  });

  it('drops a domain or concept the plan does not have', () => {
    const checked = checkAddress(
      'overview',
      { domain: 'space-travel', concept: 'moon-landings' },
      facts(dazhou),
    );
    expect(checked.corrected).toEqual({});
    expect(checked.problems.map((p) => p.param).sort()).toEqual(['concept', 'domain']);
  });

  it('corrects an address once for all: the corrected address passes', () => {
    const keys = [
      'plan',
      'region',
      'year',
      'asof',
      'item',
      'domain',
      'concept',
      'view',
      'q',
      'tab',
    ];
    const value = fc.oneof(
      fc.constantFrom('dazhou', 'zhoucun', 'quxian', '2018', '2030', 'abc', '<script>', ''),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...PAGES),
        fc.dictionary(fc.constantFrom(...keys), value),
        (page, raw) => {
          const first = checkAddress(page, raw, facts(dazhou));
          const again = checkAddress(page, first.corrected, facts(dazhou));
          expect(again.problems).toEqual([]);
          expect(sameSearch(again.corrected, first.corrected)).toBe(true);
        },
      ),
    );
  });
});

describe('switching plans in the header', () => {
  it('keeps what the new plan has and drops the rest', () => {
    const search = { plan: 'dazhou', region: 'quxian', year: 2018, item: 'x', domain: 'education' };
    expect(switchPlan(search, zhoucun)).toEqual({
      plan: 'zhoucun',
      region: null,
      item: null,
      domain: 'education',
      concept: null,
      unit: null,
      year: '2018',
    });
    // 2018 is outside 达州市2017年实施方案 (2017 only).
    expect(switchPlan(search, dazhou2017).year).toBeNull();
  });
});

describe('the 服务清单 page’s address', () => {
  it('reads its view, status (or no record this year), unit, domain and item', () => {
    const { search, problems } = checkAddress(
      'services',
      {
        plan: 'zhoucun',
        view: 'units',
        status: 'none',
        unit: 'education-sports',
        domain: 'education',
        item: 'svc.education.1',
        year: '2018',
      },
      facts(zhoucun),
    );
    expect(problems).toEqual([]);
    expect(search).toMatchObject({
      view: 'units',
      status: 'none',
      unit: 'education-sports',
      item: 'svc.education.1',
      year: 2018,
    });
    // An implementation status is not an assessment status, and the reverse.
    expect(checkAddress('services', { status: 'done' }).search.status).toBe('done');
    expect(checkAddress('services', { status: 'lagging' }).problems).toHaveLength(1);
    expect(checkAddress('assessment', { status: 'done' }).problems).toHaveLength(1);
    expect(checkAddress('services', { view: 'summary' }).problems).toHaveLength(1);
  });

  it('refuses a unit or an item the plan does not have, and selects none instead', () => {
    const checked = checkAddress(
      'services',
      { plan: 'zhoucun', unit: 'hrss-nowhere', item: 'education.preschool-gross-enrollment' },
      facts(zhoucun),
    );
    // An indicator is not a service item or a task: the checklist shows, with nothing selected.
    expect(checked.corrected).toEqual({ plan: 'zhoucun' });
    expect(checked.problems).toMatchObject([
      { param: 'unit', raw: 'hrss-nowhere', reason: 'unknown', shown: { kind: 'default' } },
      { param: 'item', reason: 'unknown', shown: { kind: 'default' } },
    ]);
  });

  it('keeps the unit when switching to a plan that names the same unit, and drops it otherwise', () => {
    // 教体局 is `education-sports` in 周村 only; 卫计委/卫计局 is `health` in every plan.
    expect(switchPlan({ unit: 'health' }, dazhou).unit).toBe('health');
    expect(switchPlan({ unit: 'education-sports' }, dazhou).unit).toBeNull();
  });
});
