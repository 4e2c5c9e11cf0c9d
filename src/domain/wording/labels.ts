import type { AssessmentMode, StatusCode } from '../assessment/types';
import type { Locale } from './format';

/** Status names as the plans and assessment reports write them. */
export const STATUS_LABELS: Record<Locale, Record<StatusCode, string>> = {
  'zh-CN': {
    achieved: '已实现',
    on_track: '符合进度',
    lagging: '进度滞后',
    regressing: '逆向变化',
    not_achieved: '未实现',
    likely_achieved: '预计实现',
    likely_not_achieved: '预计难以实现',
    no_data: '无数据',
    manual: '需人工评定',
    not_assessable: '无法计算',
  },
  en: {
    achieved: 'Achieved',
    on_track: 'On track',
    lagging: 'Lagging',
    regressing: 'Regressing',
    not_achieved: 'Not achieved',
    likely_achieved: 'Likely achieved',
    likely_not_achieved: 'Likely missed',
    no_data: 'No data',
    manual: 'Needs judgement',
    not_assessable: 'Cannot compute',
  },
};

export function statusLabel(status: StatusCode, locale: Locale = 'zh-CN'): string {
  return STATUS_LABELS[locale][status];
}

export const MODE_LABELS: Record<Locale, Record<AssessmentMode, string>> = {
  'zh-CN': { midterm: '中期评估', final: '终期评估' },
  en: { midterm: 'Mid-term assessment', final: 'Final assessment' },
};

export function modeLabel(mode: AssessmentMode, locale: Locale = 'zh-CN'): string {
  return MODE_LABELS[locale][mode];
}
