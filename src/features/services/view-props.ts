import type { RegionRow } from '../../db/database';
import type { StoredImplementation } from '../../db/implementation';
import type { Plan } from '../../domain/catalog/schema';
import type { Subject } from '../../domain/implementation/model';
import type { SetSearch } from '../../shared/address';
import type { PlanResults } from '../../shared/plan-results';
import type { ServicesSearch } from '../../shared/search';
import type { ServiceTracking } from '../../shared/service-tracking';

/** What the 服务清单 page hands each view. */
export interface ViewProps {
  plan: Plan;
  search: ServicesSearch;
  setSearch: SetSearch;
  /** usePlanResults for the region and year: the one assessment path. */
  results: PlanResults;
  tracking: ServiceTracking;
  region: RegionRow;
  year: number;
}

/** The stored record of an item for the region and year (with the version a write states). */
export function recordOf(
  tracking: ServiceTracking,
  subject: Subject,
  regionId: string,
  year: number,
): StoredImplementation | null {
  return (
    tracking.records.find(
      (r) =>
        r.subject.kind === subject.kind &&
        r.subject.id === subject.id &&
        r.regionId === regionId &&
        r.year === year,
    ) ?? null
  );
}
