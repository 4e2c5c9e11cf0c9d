import { describe, expect, it } from 'vitest';
import type { ImplementationRollup } from '../implementation/rollup';
import { shareInPlaceText } from './implementation';

const rollup = (done: number, notApplicable: number, total: number): ImplementationRollup => ({
  total,
  counts: {
    done,
    in_progress: 0,
    not_started: 0,
    below_standard: 0,
    not_applicable: notApplicable,
  },
  notRecorded: total - done - notApplicable,
  shareInPlace: total - notApplicable > 0 ? done / (total - notApplicable) : null,
});

describe('the share in place, said with how it is computed', () => {
  it('names the items in place and the applicable ones: 1 of 22 − 1 (周村 区教体局) is 4.8%', () => {
    expect(shareInPlaceText(rollup(1, 1, 22))).toBe('已落实1项，占适用事项21项的4.8%');
    expect(shareInPlaceText(rollup(1, 1, 22), 'en')).toBe('1 in place of 21 applicable: 4.8%');
  });

  it('gives no share when every item is not applicable', () => {
    expect(shareInPlaceText(rollup(0, 3, 3))).toBe('各项均不适用，不计算落实比例');
    expect(shareInPlaceText(rollup(0, 3, 3), 'en')).toBe(
      'every item is not applicable: no share in place',
    );
  });
});
