import { z } from 'zod';
import type { Plan } from '../domain/catalog/schema';
import { STATUS_CODES, type StatusCode } from '../domain/assessment/types';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '../domain/implementation/model';

/**
 * The address of every view: `#/overview?plan=dazhou&region=quxian&year=2018`. This file holds
 * the one list of pages and their search parameters, the zod schema of each parameter, and the
 * rule for what a bad address falls back to; the router (src/app/routes.tsx) validates with it,
 * the pages read and write through src/shared/address.tsx, and docs/addresses.md describes it.
 *
 * Values are kept as plain text in the address (`year=2018`, not TanStack's JSON `year=%222018%22`)
 * so that addresses stay readable and links written before the router changed keep working.
 */

export const PAGES = [
  'overview',
  'catalog',
  'entry',
  'assessment',
  'services',
  'reports',
  'settings',
] as const;
export type PageId = (typeof PAGES)[number];

export const OVERVIEW_VIEWS = ['summary', 'domain', 'indicator', 'regions', 'plans'] as const;
export type OverviewView = (typeof OVERVIEW_VIEWS)[number];
export const ENTRY_VIEWS = ['region', 'indicator'] as const;
export type EntryView = (typeof ENTRY_VIEWS)[number];
export const CATALOG_TABS = ['indicators', 'textTargets', 'services', 'tasks', 'plan'] as const;
export type CatalogTab = (typeof CATALOG_TABS)[number];
export const DOMAIN_SORTS = ['plan', 'status', 'shortfall'] as const;
export const SERVICES_VIEWS = ['checklist', 'standards', 'units', 'surveys'] as const;
export type ServicesView = (typeof SERVICES_VIEWS)[number];
/** The 服务清单 filter: a status of this year's record, or `none` (no record for the year). */
export type ImplementationFilter = ImplementationStatus | 'none';
export type DomainSort = (typeof DOMAIN_SORTS)[number];

/** The ids of plans, regions, items, domains and concepts (catalog schema; user regions too). */
export const ID_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
/** Search text longer than this is not something a person typed: it is refused. */
export const MAX_QUERY_LENGTH = 100;

// An address value is text; a value the app itself just wrote may still be a number.
const text = z.union([z.string(), z.number()]).transform(String);
const id = text.pipe(z.string().max(64).regex(ID_PATTERN));
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => text.pipe(z.enum(values));

const param = {
  plan: id,
  region: id,
  item: id,
  domain: id,
  concept: id,
  // Four digits: `2016.5`, `-1`, `99999` and `abc` are refused here; whether the year belongs
  // to the chosen plan is checked with the plan (checkAddress).
  year: text.pipe(z.string().regex(/^\d{4}$/)).transform(Number),
  // 中期/终期 now follows the year (docs/methodology.md §4): still accepted from old links and
  // ignored by the pages; to be removed.
  mode: oneOf(['midterm', 'final']),
  overviewView: oneOf(OVERVIEW_VIEWS),
  entryView: oneOf(ENTRY_VIEWS),
  tab: oneOf(CATALOG_TABS),
  sort: oneOf(DOMAIN_SORTS),
  status: text.pipe(z.enum(STATUS_CODES as unknown as [StatusCode, ...StatusCode[]])),
  archived: text.pipe(z.literal('1')),
  unit: id,
  servicesView: oneOf(SERVICES_VIEWS),
  implementationStatus: text.pipe(
    z.enum(['none', ...IMPLEMENTATION_STATUSES] as [
      ImplementationFilter,
      ...ImplementationFilter[],
    ]),
  ),
  q: text.pipe(z.string().trim().min(1).max(MAX_QUERY_LENGTH)),
};

/** Each page's parameters. `plan` is on every page: the header's plan switcher reads it. */
const pageParams = {
  overview: {
    plan: param.plan,
    view: param.overviewView,
    region: param.region,
    year: param.year,
    mode: param.mode,
    item: param.item,
    domain: param.domain,
    sort: param.sort,
    concept: param.concept,
  },
  catalog: {
    plan: param.plan,
    q: param.q,
    tab: param.tab,
    item: param.item,
    domain: param.domain,
  },
  entry: {
    plan: param.plan,
    view: param.entryView,
    region: param.region,
    item: param.item,
    year: param.year,
    archived: param.archived,
  },
  assessment: {
    plan: param.plan,
    region: param.region,
    year: param.year,
    mode: param.mode,
    status: param.status,
    domain: param.domain,
  },
  services: {
    plan: param.plan,
    view: param.servicesView,
    region: param.region,
    year: param.year,
    domain: param.domain,
    unit: param.unit,
    status: param.implementationStatus,
    item: param.item,
  },
  reports: { plan: param.plan, region: param.region, year: param.year },
  settings: { plan: param.plan },
} as const;

type Params<P extends PageId> = (typeof pageParams)[P];
/** The validated parameters of a page: every one optional, each of its own type. */
export type SearchOf<P extends PageId> = {
  [K in keyof Params<P>]?: Params<P>[K] extends z.ZodType<unknown, unknown>
    ? z.output<Params<P>[K]>
    : never;
};
export type OverviewSearch = SearchOf<'overview'>;
export type CatalogSearch = SearchOf<'catalog'>;
export type EntrySearch = SearchOf<'entry'>;
export type AssessmentSearch = SearchOf<'assessment'>;
export type ServicesSearch = SearchOf<'services'>;

/** Every parameter name some page uses. */
export type ParamKey = {
  [P in PageId]: keyof Params<P>;
}[PageId];

/** What a change to the address may hold: a value, or null/undefined to remove the parameter. */
export type SearchChanges = Partial<Record<ParamKey, string | number | null | undefined>>;

export const PAGE_PATHS: Record<PageId, string> = {
  overview: '/overview',
  catalog: '/catalog',
  entry: '/entry',
  assessment: '/assessment',
  services: '/services',
  reports: '/reports',
  settings: '/settings',
};

/** The page an address path shows (`/` is the overview), or null for an unknown path. */
export function pageOfPath(path: string): PageId | null {
  if (path === '/' || path === '') return 'overview';
  return PAGES.find((page) => PAGE_PATHS[page] === path) ?? null;
}

/**
 * `?a=1&b=x` → `{ a: '1', b: 'x' }`: every value stays text. A key such as `__proto__` becomes
 * an ordinary own property (Object.fromEntries defines, it does not assign), and only the keys a
 * page knows are ever read from it.
 */
export function parseSearch(searchText: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(searchText.replace(/^\?/, '')));
}

/** The inverse of parseSearch; empty, null and undefined values are left out. */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** A hash address for a link: `buildHref('/entry', { plan: 'dazhou' })` → `#/entry?plan=dazhou`. */
export function buildHref(
  path: string,
  params: Record<string, string | number | undefined | null>,
): string {
  return `#${path}${stringifySearch(params)}`;
}

/** What the page shows instead of a refused value, for the notice. */
export type Shown =
  | { kind: 'plan'; name: string }
  | { kind: 'region'; name: string }
  | { kind: 'item'; name: string }
  | { kind: 'year'; year: number }
  /** The page's default for this parameter (全部领域, 概况 …): named by the notice. */
  | { kind: 'default' };

export interface AddressProblem {
  page: PageId;
  param: ParamKey;
  /** The value as it was in the address (shown to the user as text, never as markup). */
  raw: string;
  /**
   * invalid: not a value this parameter can have; unknown: well formed but not in the plan;
   * outOfRange: a year outside the plan's years.
   */
  reason: 'invalid' | 'unknown' | 'outOfRange';
  shown: Shown;
  /** For unknown/outOfRange: the plan the value was checked against. */
  planName?: string;
  /** For outOfRange: the years the plan covers. */
  years?: { from: number; to: number };
}

/** What is known once the plans (and, when asked for, the chosen plan's regions) are loaded. */
export interface AddressFacts {
  /** Every plan that can be chosen, in menu order; the first is the default. */
  plans: readonly Plan[];
  /** The chosen plan's regions, archived ones included, in menu order. */
  regions?: ReadonlyArray<{ regionId: string; name: string; archived: number }>;
  /** The year shown when the address names none, or names one the plan does not cover. */
  defaultYear?: number;
}

export interface CheckedAddress<P extends PageId = PageId> {
  /** The validated parameters. */
  search: SearchOf<P>;
  /** The address's search as it should read: refused values replaced or removed. */
  corrected: Record<string, string>;
  problems: AddressProblem[];
}

/** The plan an address shows: the one it names, or the first plan. */
export function choosePlan(plans: readonly Plan[], planId: unknown): Plan | undefined {
  return plans.find((p) => p.id === planId) ?? plans[0];
}

/**
 * The as-of years a plan can be assessed at: its period (2016–2020 for the 13th Five-Year
 * plans; 2017 alone for 达州's 2017 implementation plan), the years every page's year menu offers
 * (periodYears in src/shared/plan-results.ts).
 */
export function asOfYears(plan: Plan): { from: number; to: number } {
  return { from: plan.period.start, to: plan.period.end };
}

/** The first item of a plan in menu order: the first domain's first indicator or prose target. */
function firstItem(plan: Plan): { id: string; name: string } | undefined {
  const items = [...plan.indicators, ...plan.textTargets];
  for (const domain of plan.domains) {
    const item = items.find((i) => i.domain === domain.id);
    if (item) return item;
  }
  return items[0];
}

/** Every id the catalog can select with `item`: indicators, prose targets, services and tasks. */
function catalogItemIds(plan: Plan): Set<string> {
  return new Set(
    [...plan.indicators, ...plan.textTargets, ...plan.services, ...plan.tasks].map((i) => i.id),
  );
}

function conceptsOf(plan: Plan): Set<string> {
  const concepts = new Set<string>();
  for (const item of [...plan.indicators, ...plan.textTargets]) {
    if (item.concept) concepts.add(item.concept);
  }
  return concepts;
}

/** Raw address values are shown back to the user; a long one is cut so the notice stays short. */
function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/**
 * Checks a page's address. Without facts, only the form of each value is checked (the router's
 * validateSearch, which cannot wait for the plans to load); with facts, also whether the plan,
 * region, item, domain and concept exist and the year is one the plan covers.
 *
 * A refused value is removed (the page shows its default: 全部领域, 概况 …) or, where the page
 * would otherwise guess, replaced by what it shows (the first plan, the first region, the first
 * item, the default year), so that the corrected address names the view on screen. An old
 * `asof=` (the data entry page's as-of year before it became `year`) is read as `year` once.
 */
export function checkAddress<P extends PageId>(
  page: P,
  raw: Record<string, unknown>,
  facts?: AddressFacts,
): CheckedAddress<P> {
  const schema: Record<string, z.ZodType<unknown, unknown>> = pageParams[page];
  const input: Record<string, unknown> = { ...raw };
  if ('year' in schema && input.year === undefined && input.asof !== undefined) {
    input.year = input.asof;
  }
  delete input.asof;

  const search: Record<string, unknown> = {};
  const corrected: Record<string, string> = {};
  const problems: AddressProblem[] = [];
  const refuse = (param: string, reason: AddressProblem['reason'], shown: Shown, more = {}) =>
    problems.push({
      page,
      param: param as ParamKey,
      raw: clip(String(input[param])),
      reason,
      shown,
      ...more,
    });

  // Keys the page does not know are kept in the address untouched and never read.
  for (const [key, value] of Object.entries(input)) {
    if (!Object.hasOwn(schema, key) && typeof value === 'string') corrected[key] = value;
  }
  for (const key of Object.keys(schema)) {
    const value = input[key];
    if (value === undefined || value === null || value === '') continue;
    const parsed = schema[key]!.safeParse(value);
    if (parsed.success) {
      search[key] = parsed.data;
      corrected[key] = String(parsed.data);
    } else {
      refuse(key, 'invalid', { kind: 'default' });
    }
  }

  if (facts && facts.plans.length > 0) {
    const plan = choosePlan(facts.plans, search.plan) as Plan;
    const planName = plan.shortName;
    const replace = (key: string, value: string | number | undefined) => {
      if (value === undefined) {
        delete search[key];
        delete corrected[key];
      } else {
        search[key] = value;
        corrected[key] = String(value);
      }
    };
    const invalid = problems.find((p) => p.param === 'plan');
    if (invalid) {
      invalid.shown = { kind: 'plan', name: planName };
      replace('plan', plan.id);
    } else if (search.plan !== undefined && search.plan !== plan.id) {
      refuse('plan', 'unknown', { kind: 'plan', name: planName });
      replace('plan', plan.id);
    }
    // A value of the wrong form was removed above; now it gets the same concrete fallback as a
    // well-formed one the plan does not have, so the notice can say what is shown.
    const fallBack = (
      key: string,
      reason: AddressProblem['reason'],
      shown: Shown,
      value?: string | number,
      more = {},
    ) => {
      const earlier = problems.find((p) => p.param === key);
      if (earlier) earlier.shown = shown;
      else refuse(key, reason, shown, { planName, ...more });
      replace(key, value);
    };

    if ('region' in schema && facts.regions) {
      const regionId = search.region;
      const refused = problems.some((p) => p.param === 'region');
      if (
        refused ||
        (regionId !== undefined && !facts.regions.some((r) => r.regionId === regionId))
      ) {
        const first = facts.regions.find((r) => r.archived === 0) ?? facts.regions[0];
        fallBack(
          'region',
          'unknown',
          first ? { kind: 'region', name: first.name } : { kind: 'default' },
          first?.regionId,
        );
      }
    }
    if ('item' in schema) {
      const itemId = search.item;
      const refused = problems.some((p) => p.param === 'item');
      // 服务清单 selects a service item or a task; the other pages an indicator (catalog: any).
      const known =
        page === 'services'
          ? new Set([...plan.services, ...plan.tasks].map((i) => i.id))
          : catalogItemIds(plan);
      if (refused || (itemId !== undefined && !known.has(itemId as string))) {
        // The catalog and 服务清单 simply select nothing; the dashboards and the entry grid
        // show one item.
        const first = page === 'catalog' || page === 'services' ? undefined : firstItem(plan);
        fallBack(
          'item',
          'unknown',
          first ? { kind: 'item', name: first.name } : { kind: 'default' },
          first?.id,
        );
      }
    }
    if ('domain' in schema) {
      const domainId = search.domain;
      if (domainId !== undefined && !plan.domains.some((d) => d.id === domainId)) {
        fallBack('domain', 'unknown', { kind: 'default' });
      }
    }
    if ('unit' in schema) {
      const unitId = search.unit;
      if (unitId !== undefined && !(plan.units ?? []).some((u) => u.id === unitId)) {
        fallBack('unit', 'unknown', { kind: 'default' });
      }
    }
    if ('concept' in schema) {
      const concept = search.concept;
      if (concept !== undefined && !conceptsOf(plan).has(concept as string)) {
        fallBack('concept', 'unknown', { kind: 'default' });
      }
    }
    if ('year' in schema) {
      const years = asOfYears(plan);
      const year = search.year as number | undefined;
      const refused = problems.some((p) => p.param === 'year');
      if (refused || (year !== undefined && (year < years.from || year > years.to))) {
        // Without the default year (the stored values not yet read), the year is only removed.
        const fallback = facts.defaultYear;
        fallBack(
          'year',
          'outOfRange',
          fallback === undefined ? { kind: 'default' } : { kind: 'year', year: fallback },
          fallback,
          { years },
        );
      }
    }
  }
  // In the order of the page's parameters (plan, view, region, year …), however found.
  const order = Object.keys(schema);
  problems.sort((a, b) => order.indexOf(a.param) - order.indexOf(b.param));
  return { search: search as SearchOf<P>, corrected, problems };
}

/**
 * The router's validateSearch for a page: the form of each value. Every parameter of the page
 * is in the result, undefined when absent or refused: the router lays the result over the raw
 * address, so a left-out key would let the raw `year=abc` through.
 */
export function searchValidator<P extends PageId>(page: P) {
  const keys = Object.keys(pageParams[page]);
  return (raw: Record<string, unknown>): SearchOf<P> => {
    const { search } = checkAddress(page, raw);
    const all: Record<string, unknown> = {};
    for (const key of keys) all[key] = (search as Record<string, unknown>)[key];
    return all as SearchOf<P>;
  };
}

/** Which parameters of an address need the plan's regions or stored values to be checked. */
export function addressNeeds(raw: Record<string, unknown>): { regions: boolean; values: boolean } {
  return {
    regions: raw.region !== undefined && raw.region !== '',
    values:
      (raw.year !== undefined && raw.year !== '') || (raw.asof !== undefined && raw.asof !== ''),
  };
}

/**
 * The changes to the address when the user picks another plan in the header: the region, item,
 * domain, concept and year are kept where the new plan has them, and dropped otherwise (the
 * page then shows its default), so switching plans never raises a notice about the address.
 */
export function switchPlan(search: Record<string, unknown>, plan: Plan): SearchChanges {
  const keepIf = (key: string, isKnown: (value: string) => boolean) => {
    const value = search[key];
    return value !== undefined && value !== null && isKnown(String(value)) ? String(value) : null;
  };
  const years = asOfYears(plan);
  const items = catalogItemIds(plan);
  return {
    plan: plan.id,
    region: keepIf('region', (id) => plan.regions.some((r) => r.id === id)),
    item: keepIf('item', (id) => items.has(id)),
    domain: keepIf('domain', (id) => plan.domains.some((d) => d.id === id)),
    concept: keepIf('concept', (id) => conceptsOf(plan).has(id)),
    unit: keepIf('unit', (id) => (plan.units ?? []).some((u) => u.id === id)),
    year: keepIf('year', (y) => Number(y) >= years.from && Number(y) <= years.to),
  };
}

/** Whether two addresses' searches say the same (order of keys and empty values aside). */
export function sameSearch(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const entries = (search: Record<string, unknown>) =>
    Object.entries(search)
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([key, value]) => `${key}=${String(value)}`)
      .sort()
      .join('&');
  return entries(a) === entries(b);
}
