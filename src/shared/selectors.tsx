import type { Plan } from '../domain/catalog/schema';

/** A select of a plan's items (indicators and prose targets), grouped by domain in plan order. */
export function ItemSelect({
  plan,
  items,
  value,
  onChange,
  label,
}: {
  plan: Plan;
  items: ReadonlyArray<{ id: string; name: string; domain: string }>;
  value: string;
  onChange: (itemId: string) => void;
  label: string;
}) {
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      {plan.domains.map((d) => (
        <optgroup key={d.id} label={d.name}>
          {items
            .filter((i) => i.domain === d.id)
            .map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}

/** A select of regions by name. */
export function RegionSelect({
  regions,
  value,
  onChange,
  label,
}: {
  regions: ReadonlyArray<{ regionId: string; name: string }>;
  value: string;
  onChange: (regionId: string) => void;
  label: string;
}) {
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      {regions.map((r) => (
        <option key={r.regionId} value={r.regionId}>
          {r.name}
        </option>
      ))}
    </select>
  );
}

/** A select of years (a plan's period: periodYears), for the as-of year of a page. */
export function YearSelect({
  years,
  value,
  onChange,
  label,
}: {
  years: readonly number[];
  value: number;
  onChange: (year: string) => void;
  label: string;
}) {
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      {years.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </select>
  );
}

/** A select of a plan's domains with an "all domains" choice (value ''), in plan order. */
export function DomainSelect({
  plan,
  value,
  onChange,
  label,
  allLabel,
}: {
  plan: Plan;
  value: string | null;
  onChange: (domainId: string | null) => void;
  label: string;
  allLabel: string;
}) {
  return (
    <select
      aria-label={label}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value || null)}
    >
      <option value="">{allLabel}</option>
      {plan.domains.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </select>
  );
}
