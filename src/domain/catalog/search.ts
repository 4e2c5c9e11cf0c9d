import type { Plan } from './schema';

export type CatalogItemKind = 'indicator' | 'textTarget' | 'service' | 'task';

export interface CatalogHit {
  planId: string;
  planName: string;
  kind: CatalogItemKind;
  id: string;
  domain: string | null;
  /** The text shown for the hit: the item's name (a task's text). */
  label: string;
}

/** Folds full-width ASCII to half-width and lower-cases, so "ＧＤＰ" finds "gdp". */
export function normalizeForSearch(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase()
    .trim();
}

/**
 * Finds catalog items in every plan whose name (or unit, responsible unit, concept key) contains
 * every word of the query. "床位" finds each bed indicator; "床位 达州" is not a filter by plan —
 * words must all occur in the item's own text.
 */
export function searchCatalog(plans: readonly Plan[], query: string, limit = 200): CatalogHit[] {
  const words = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const matches = (...texts: Array<string | null | undefined>) => {
    const haystack = normalizeForSearch(texts.filter(Boolean).join(' '));
    return words.every((w) => haystack.includes(w));
  };
  const hits: CatalogHit[] = [];
  for (const plan of plans) {
    const base = { planId: plan.id, planName: plan.shortName };
    for (const i of plan.indicators) {
      if (matches(i.name, i.unit, i.responsibleUnit, i.concept))
        hits.push({ ...base, kind: 'indicator', id: i.id, domain: i.domain, label: i.name });
    }
    for (const t of plan.textTargets) {
      if (matches(t.name, t.unit, t.quote, t.concept))
        hits.push({ ...base, kind: 'textTarget', id: t.id, domain: t.domain, label: t.name });
    }
    for (const s of plan.services) {
      if (matches(s.name, s.leadUnit))
        hits.push({ ...base, kind: 'service', id: s.id, domain: s.domain, label: s.name });
    }
    for (const t of plan.tasks) {
      if (matches(t.text, t.leadUnit))
        hits.push({ ...base, kind: 'task', id: t.id, domain: t.domain, label: t.text });
    }
  }
  return hits.slice(0, limit);
}
