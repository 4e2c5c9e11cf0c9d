import type { Comparator, Direction } from '../catalog/schema';
import { isClose } from './numbers';
import type { AssessableItem, TargetRule } from './types';

/** The comparator a plain number means in the indicator's good direction. */
export function impliedComparator(direction: Direction): Comparator {
  return direction === 'up' ? '>=' : '<=';
}

/** Does `value` satisfy `comparator target`? Equality is tested within tolerance. */
export function satisfies(value: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case '>':
      return value > target && !isClose(value, target);
    case '>=':
      return value > target || isClose(value, target);
    case '<':
      return value < target && !isClose(value, target);
    case '<=':
      return value < target || isClose(value, target);
    case '=':
      return isClose(value, target);
  }
}

/**
 * Interprets an item's target for assessment.
 *
 * For a cumulative item the period total is the one numeric cell of target and change
 * (达州 新增城镇就业人数: "—", "—", 17 → 17), or, when both are numbers, the cell the catalog
 * names in `totalFrom`. For a level item whose
 * target cell is empty but whose change column is numeric, T = B + change (marked `derived`).
 *
 * @example interpretTarget({ direction: 'up', kind: 'level', baseline: {raw:'99',value:99},
 *   target: {raw:'>99', value:99, comparator:'>'} }, 99) → { type:'compare', value:99, comparator:'>' }
 */
export function interpretTarget(item: AssessableItem, baselineValue: number | null): TargetRule {
  const target = item.target;
  const change = item.change ?? null;
  if (item.kind === 'cumulative') {
    const hasTarget = target?.value !== undefined;
    const hasChange = change?.value !== undefined;
    const total =
      hasTarget && hasChange
        ? item.totalFrom === 'change'
          ? change
          : target
        : hasChange
          ? change
          : target;
    if (total?.value === undefined) {
      // 周村 农村危房改造 prints its target "实现应改尽改" in the 累计 column.
      const words = target?.text ?? change?.text;
      if (words) return { type: 'words', text: words };
      return { type: 'none' };
    }
    // A total to reach (新增就业17万人) or, for a lower-is-better item, a cap not to exceed.
    const comparator = total.comparator ?? impliedComparator(item.direction);
    return {
      type: total.comparator ? 'compare' : 'reach',
      value: total.value,
      comparator,
      derived: false,
    };
  }

  let value = target?.value;
  let derived = false;
  if (
    value === undefined &&
    target?.text === undefined &&
    change?.value !== undefined &&
    baselineValue !== null
  ) {
    value = baselineValue + change.value;
    derived = true;
  }
  if (value === undefined) {
    if (target?.text) return { type: 'words', text: target.text };
    if (change?.text) return { type: 'words', text: change.text };
    return { type: 'none' };
  }
  const comparator = target?.comparator ?? impliedComparator(item.direction);
  if (baselineValue !== null && satisfies(baselineValue, comparator, value)) {
    return { type: 'hold', value, comparator, derived };
  }
  return { type: target?.comparator ? 'compare' : 'reach', value, comparator, derived };
}
