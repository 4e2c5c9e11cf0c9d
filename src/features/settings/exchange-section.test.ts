import { describe, expect, it } from 'vitest';
import { format } from '../../shared/i18n';
import type { MergeUnit } from '../../domain/exchange/exchange-tables';
import { describeState, describeUnit, messages, type T } from './exchange-section';

// A narrative conflict in the import preview names the report and shows the beginning of both
// sections, not the record's key and JSON.
const t: T = (key, vars) => format(messages['zh-CN'][key], vars);
const names = {
  plan: () => undefined,
  region: (_planId: string, regionId: string) => (regionId === 'quxian' ? '渠县' : regionId),
};
const unit = (problems: string): MergeUnit => ({
  unitKey: 'narrative|dazhou|quxian|2018',
  recordKey: 'narrative|dazhou|quxian|2018',
  planId: 'dazhou',
  payload: {
    planId: 'dazhou',
    regionId: 'quxian',
    asOfYear: 2018,
    problems,
    suggestions: '',
    version: 2,
    updatedAt: '2026-12-09T08:00:00.000Z',
    updatedBy: '李评估',
  },
  isDeleted: false,
  at: '2026-12-09T08:00:00.000Z',
  by: '李评估',
  version: 2,
});

describe('a narrative conflict in the import preview', () => {
  it('names the region and year, and shows the start of each section', () => {
    expect(describeUnit(t, 'narratives', unit('床位增长慢。'), names)).toBe(
      '渠县 · 2018年报告文字',
    );
    expect(describeState(t, 'narratives', unit('床位增长慢。'), 'zh-CN')).toBe(
      '存在的问题：床位增长慢。；下一步建议：—',
    );
    // A long section is cut at 80 characters.
    expect(describeState(t, 'narratives', unit('问'.repeat(81)), 'zh-CN')).toBe(
      `存在的问题：${'问'.repeat(80)}…；下一步建议：—`,
    );
  });
});
