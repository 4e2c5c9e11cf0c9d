import { valueRuleFor, type ValueRuleSubject } from '../observations/value-rules';

/**
 * The unit a figure of an item is written with. The plans print 出生人口性别比 with no unit
 * (its cells read "109．68：100"); its figures are written against 女=100, as printed. Every
 * other item keeps its unit as printed; an item with no unit that is not a ratio (5×8小时, 1/3)
 * has none.
 *
 * @example displayUnitOf({ name: '出生人口性别比', unit: null }) → '女=100'
 */
export function displayUnitOf(item: ValueRuleSubject): string | null {
  return item.unit === null && valueRuleFor(item).kind === 'sex-ratio' ? '女=100' : item.unit;
}
