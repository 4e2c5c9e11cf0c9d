import { useCallback } from 'react';
import type { DataCounts } from '../db/exchange/counts';
import { defineMessages, useLocale, useT } from './i18n';

const messages = defineMessages(
  {
    values: '{n} 个数值',
    judgements: '{n} 条评估判断',
    regions: '{n} 个自建区域',
    plans: '{n} 个已加载规划',
    narratives: '{n} 份报告文字',
    snapshots: '{n} 个评估快照',
    implementation: '{n} 条落实情况',
    surveys: '{n} 次满意度调查',
    history: '{n} 条修改记录',
    none: '没有数据',
  },
  {
    values: '{n} values',
    judgements: '{n} judgements',
    regions: '{n} added regions',
    plans: '{n} loaded plans',
    narratives: '{n} report texts',
    snapshots: '{n} report snapshots',
    implementation: '{n} implementation statuses',
    surveys: '{n} satisfaction surveys',
    history: '{n} history entries',
    none: 'no data',
  },
);

/** The kinds in the order every count is listed. */
const KINDS = [
  'values',
  'judgements',
  'regions',
  'plans',
  'narratives',
  'snapshots',
  'implementation',
  'surveys',
  'history',
] as const;

/**
 * What a data set (or a file) holds, said once for the restore's confirmation, the file's
 * description and the 数据丢失 banner: every kind it holds, none it does not ("3 个数值、
 * 2 条落实情况、5 条修改记录"). A count a marker written by an older version lacks counts as 0.
 */
export function useCountsText(): (counts: Partial<DataCounts>) => string {
  const t = useT(messages);
  const { locale } = useLocale();
  return useCallback(
    (counts) => {
      const parts = KINDS.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) =>
        t(kind, { n: counts[kind] ?? 0 }),
      );
      return parts.length ? parts.join(locale === 'zh-CN' ? '、' : ', ') : t('none');
    },
    [t, locale],
  );
}
