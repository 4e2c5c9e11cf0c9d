import { defineMessages, useT } from '../../shared/i18n';
import { Section } from '../../shared/page';

const messages = defineMessages(
  {
    title: '报告',
    notBuilt:
      '中期评估和终期评估报告（含冻结快照、评估表格导出和与各部门交换的 Excel 文件）尚未建成。目前可在“评估”页查看每个指标的评估结果和说明语句。',
  },
  {
    title: 'Reports',
    notBuilt:
      'Mid-term and final assessment reports (frozen snapshots, assessment tables, Excel exchange with departments) are not built yet. The Assessment page already shows each indicator’s result and explanation.',
  },
);

export default function ReportsPage() {
  const t = useT(messages);
  return (
    <Section title={t('title')}>
      <p data-testid="not-built">{t('notBuilt')}</p>
    </Section>
  );
}
