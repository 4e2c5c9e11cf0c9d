import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { loadDemoData } from '../../db/demo';
import { getDatabase, useDataset } from '../../shared/dataset';
import { defineMessages, useLocale, useT } from '../../shared/i18n';
import { Section } from '../../shared/page';
import { ExchangeSection } from './exchange-section';
import { getBuiltinPlans } from '../../shared/plans';
import { queryKeys } from '../../shared/query-keys';
import { useSettings, useWriteSetting } from '../../shared/settings';

const messages = defineMessages(
  {
    evaluatorTitle: '评估人员',
    evaluatorName: '姓名（记录在每一次修改上）',
    save: '保存',
    saved: '已保存',
    languageTitle: '界面语言',
    datasetTitle: '数据集',
    datasetUser: '我的数据',
    datasetDemo: '示例数据',
    datasetCurrent: '当前显示：{name}',
    datasetExplain:
      '示例数据是为演示生成的虚构数据，保存在单独的数据库中，不会与您的数据混在一起。加载示例数据会覆盖之前的示例数据，不影响“我的数据”。',
    loadDemo: '加载示例数据',
    loadingDemo: '正在生成示例数据…',
    demoLoaded: '已生成 {count} 个示例数值，当前显示示例数据。',
    switchToUser: '切换到我的数据',
    switchToDemo: '查看示例数据',
    storageTitle: '本地存储',
    storagePersisted: '浏览器已同意持久保存本应用的数据（清理缓存时不会被自动删除）。',
    storageNotPersisted:
      '浏览器尚未同意持久保存：磁盘空间紧张时，数据可能被浏览器清除。请定期导出备份。',
    storageUnknown: '此浏览器无法报告存储状态。',
    storageRequest: '请求持久保存',
    storageUsage: '已使用 {used}，可用上限约 {quota}。',
  },
  {
    evaluatorTitle: 'Evaluator',
    evaluatorName: 'Name (recorded on every change)',
    save: 'Save',
    saved: 'Saved',
    languageTitle: 'Language',
    datasetTitle: 'Data set',
    datasetUser: 'My data',
    datasetDemo: 'Sample data (示例数据)',
    datasetCurrent: 'Showing: {name}',
    datasetExplain:
      'Sample data is synthetic, generated for demonstration, and kept in a separate database: it never mixes with your data. Loading it replaces earlier sample data and leaves your data untouched.',
    loadDemo: 'Load sample data',
    loadingDemo: 'Generating sample data…',
    demoLoaded: '{count} sample values generated; now showing sample data.',
    switchToUser: 'Switch to my data',
    switchToDemo: 'Show sample data',
    storageTitle: 'Local storage',
    storagePersisted:
      'The browser granted persistent storage: clearing caches will not delete this app’s data.',
    storageNotPersisted:
      'Persistent storage not granted: the browser may evict the data when disk space runs low. Export backups regularly.',
    storageUnknown: 'This browser cannot report its storage state.',
    storageRequest: 'Request persistent storage',
    storageUsage: '{used} used of about {quota} available.',
  },
);

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

function EvaluatorSection() {
  const t = useT(messages);
  const settings = useSettings();
  const write = useWriteSetting();
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? settings.evaluatorName;
  return (
    <Section title={t('evaluatorTitle')}>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          write.mutate(
            { key: 'evaluatorName', value: value.trim() },
            { onSuccess: () => setDraft(null) },
          );
        }}
      >
        <label>
          {t('evaluatorName')}
          <input value={value} maxLength={40} onChange={(event) => setDraft(event.target.value)} />
        </label>
        <button type="submit" className="primary">
          {t('save')}
        </button>
        {write.isSuccess && draft === null && <span className="ok-message">{t('saved')}</span>}
      </form>
    </Section>
  );
}

function DatasetSection() {
  const t = useT(messages);
  const { dataset, setDataset } = useDataset();
  const queryClient = useQueryClient();
  const load = useMutation({
    mutationFn: async () => loadDemoData(getDatabase('demo'), await getBuiltinPlans()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.all('demo') });
      setDataset('demo');
    },
  });
  return (
    <Section title={t('datasetTitle')}>
      <p>
        <strong>
          {t('datasetCurrent', { name: dataset === 'demo' ? t('datasetDemo') : t('datasetUser') })}
        </strong>
      </p>
      <p className="muted">{t('datasetExplain')}</p>
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          disabled={load.isPending}
          onClick={() => load.mutate()}
        >
          {load.isPending ? t('loadingDemo') : t('loadDemo')}
        </button>
        {dataset === 'demo' ? (
          <button type="button" onClick={() => setDataset('user')}>
            {t('switchToUser')}
          </button>
        ) : (
          <button type="button" onClick={() => setDataset('demo')}>
            {t('switchToDemo')}
          </button>
        )}
        {load.data && (
          <span className="ok-message" role="status">
            {t('demoLoaded', { count: load.data.values })}
          </span>
        )}
        {load.error && <span className="errors">{String(load.error)}</span>}
      </div>
    </Section>
  );
}

function StorageSection() {
  const t = useT(messages);
  const queryClient = useQueryClient();
  const storage = useQuery({
    queryKey: queryKeys.storage(),
    queryFn: async () => {
      if (!navigator.storage?.persisted) return null;
      const [persisted, estimate] = await Promise.all([
        navigator.storage.persisted(),
        navigator.storage.estimate(),
      ]);
      return { persisted, usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
    },
  });
  const request = useMutation({
    mutationFn: () => navigator.storage.persist(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.storage() }),
  });
  const data = storage.data;
  return (
    <Section title={t('storageTitle')}>
      {data === null ? (
        <p>{t('storageUnknown')}</p>
      ) : data ? (
        <>
          <p data-testid="storage-persisted">
            {data.persisted ? t('storagePersisted') : t('storageNotPersisted')}
          </p>
          <p className="muted">
            {t('storageUsage', { used: formatBytes(data.usage), quota: formatBytes(data.quota) })}
          </p>
          {!data.persisted && (
            <button type="button" onClick={() => request.mutate()}>
              {t('storageRequest')}
            </button>
          )}
        </>
      ) : null}
    </Section>
  );
}

export default function SettingsPage() {
  const t = useT(messages);
  const { locale, setLocale } = useLocale();
  return (
    <>
      <EvaluatorSection />
      <DatasetSection />
      <StorageSection />
      <ExchangeSection />
      <Section title={t('languageTitle')}>
        <select
          aria-label={t('languageTitle')}
          value={locale}
          onChange={(event) => setLocale(event.target.value === 'en' ? 'en' : 'zh-CN')}
        >
          <option value="zh-CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </Section>
    </>
  );
}
