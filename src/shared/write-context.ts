import { useMemo } from 'react';
import type { WriteContext } from '../db/values';
import { planItems } from '../domain/assessment/plan';
import type { Plan } from '../domain/catalog/schema';
import { standardItems } from '../domain/implementation/model';
import { valueRuleFor } from '../domain/observations/value-rules';
import { useAuthorName } from './settings';

/**
 * What every write of a plan's values needs: author, years, the items values may be stored for
 * and their value rules. The items are the indicators and prose targets (数据录入) and the
 * numeric standards judged on their own (服务清单): one values store and one set of rules.
 */
export function useWriteContext(plan: Plan, planAreaId: string | undefined): WriteContext {
  const by = useAuthorName();
  return useMemo(() => {
    const rules = new Map(
      [...planItems(plan), ...standardItems(plan)].map((item) => [item.id, valueRuleFor(item)]),
    );
    return {
      by,
      baseYear: plan.baseYear,
      endYear: plan.period.end,
      planAreaId,
      itemIds: new Set(rules.keys()),
      ruleOf: (itemId: string) => rules.get(itemId),
    };
  }, [plan, by, planAreaId]);
}
