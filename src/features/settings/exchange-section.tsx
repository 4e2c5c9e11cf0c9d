import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { planItems } from '../../domain/assessment/plan';
import type { Plan } from '../../domain/catalog/schema';
import type { ExchangeScope } from '../../domain/exchange/exchange-file';
import type {
  ExchangeCell,
  ExchangeImplementationRow,
  ExchangeSurveyRow,
  ExchangeJudgementRow,
  ExchangeNarrativeRow,
  ExchangeRegionRow,
} from '../../domain/exchange/exchange-rows';
import { EXCHANGE_KINDS, type MergeUnit } from '../../domain/exchange/exchange-tables';
import { chosenSide, type MergeChoice, type MergeConflict } from '../../domain/exchange/merge';
import { IMPLEMENTATION_LABELS, standardItems } from '../../domain/implementation/model';
import { formatDateTime, statusLabel } from '../../domain/wording';
import type { StatusCode } from '../../domain/assessment/types';
import { noteBackup } from '../../db/exchange/durability';
import { COMPLETE_SCOPE, exportExchange } from '../../db/exchange/export';
import {
  applyMerge,
  countData,
  countTables,
  describeImportFailure,
  prepareImport,
  previewMerge,
  restoreFile,
  type DataCounts,
  type MergePreview,
  type MergeSummary,
  type PreparedFile,
} from '../../db/exchange/import';
import { defaultStorage } from '../../db/exchange/pending';
import { useSearchParams } from '../../shared/address';
import { useCountsText } from '../../shared/data-counts';
import { useDataset } from '../../shared/dataset';
import { notifyDurability } from '../../shared/durability';
import { defineMessages, useLocale, useT } from '../../shared/i18n';
import { Section } from '../../shared/page';
import { getBuiltinPlans, usePlans } from '../../shared/plans';
import { queryKeys } from '../../shared/query-keys';
import { useAuthorName, useSettings, useWriteSetting } from '../../shared/settings';
import { version as APP_VERSION } from '../../../package.json';

export const messages = defineMessages(
  {
    title: '备份与数据交换',
    explain:
      '备份是全部数据的一个文件；数据交换文件可以只包含一个规划、一个区域、几个年份或几类数据，用来在两台电脑之间交换。两者格式相同，都带有导出人、导出时间和校验码。',
    exportTitle: '导出',
    scopeAll: '全部数据（备份）',
    scopePart: '部分数据（数据交换）',
    plan: '规划',
    region: '区域',
    allRegions: '全部区域',
    fromYear: '起始年份',
    toYear: '截止年份',
    anyYear: '不限',
    kinds: '数据种类',
    backup: '导出备份（JSON）',
    exportPart: '导出数据交换文件（JSON）',
    exported: '已导出 {file}（校验码 {checksum}…）',
    noKind: '请至少选择一类数据',
    importTitle: '恢复或导入',
    chooseFile: '选择备份或数据交换文件',
    reading: '正在检查文件…',
    fileErrors: '文件“{file}”未导入，没有写入任何内容：',
    fileInfo: '文件“{file}”：{by} 于 {at} 导出，{what}；{counts}',
    fileComplete: '全部数据（备份）',
    filePart: '部分数据',
    fileUnsigned: '（旧版备份，无校验码）',
    fileUpgraded: '文件由较早版本导出（数据库结构第 {from} 版），已按当前版本读取。',
    merge: '导入并合并…',
    restore: '恢复（替换全部数据）…',
    restoreOnlyComplete: '只有全部数据的备份可以用来恢复。',
    cancel: '取消',
    restoreConfirmTitle: '确认恢复',
    restoreReplaces: '将删除“{dataset}”中现有的全部数据：{counts}。',
    restoreWith: '换成文件中的：{counts}。',
    restoreAllOrNothing:
      '恢复要么全部完成，要么完全不做：中途出错时现有数据保持不变。本机已设置的评估人员姓名和界面语言保留，未设置的采用文件中的。',
    restoreConfirm: '确认恢复',
    restoring: '正在恢复…',
    restored: '已恢复：{counts}。',
    restoredName:
      '本机原未设置评估人员姓名，已采用备份中的“{name}”；如不是您本人，请在上方“姓名”中改为您的姓名，之后的修改将记在您的名下。',
    previewing: '正在比较…',
    previewTitle: '合并预览',
    previewCounts:
      '新增 {added}，与本机相同 {identical}，本机较新（保留本机）{older}，对方在本机基础上修改（采用文件）{updated}，冲突 {conflicts}，新的修改记录 {history}，新的规划 {plans}。',
    refused: '这个文件不能合并，没有写入任何内容：',
    conflictsTitle: '冲突：两台电脑都修改了的数据（{count} 处）',
    noConflicts: '没有冲突。',
    allMine: '全部保留本机',
    allTheirs: '全部采用文件',
    allNewer: '全部采用较新的',
    colWhat: '数据',
    colMine: '本机',
    colTheirs: '文件',
    colChoice: '处理',
    choiceMine: '保留本机',
    choiceTheirs: '采用文件',
    choiceNewer: '采用较新',
    byAt: '{by}，{at}',
    cleared: '（已清除）',
    withdrawn: '（已撤回）',
    archived: '（已停用）',
    applyMerge: '确认导入',
    merging: '正在导入…',
    summaryTitle: '导入完成',
    summary:
      '新增 {added}，相同而跳过 {identical}，本机较新而保留 {older}，采用文件的修改 {updated}；冲突 {conflicts} 处：保留本机 {kept}，采用文件 {taken}；合并修改记录 {history} 条，新增规划 {plans} 个。',
    reminderTitle: '备份提醒',
    reminderDays: '上次备份超过多少天且数据有修改时提醒',
    days: '天',
    save: '保存',
    saved: '已保存',
    datasetUser: '我的数据',
    datasetDemo: '示例数据',
    yearOf: '{year}年',
    judgementOf: '{year}年评估判断',
    narrativeOf: '{year}年报告文字',
    implementationOf: '{year}年落实情况',
    surveyOf: '{year}年满意度调查（{organiser}）',
    narrativeState: '存在的问题：{problems}；下一步建议：{suggestions}',
    regionRecord: '区域名称',
  },
  {
    title: 'Backup and data exchange',
    explain:
      'A backup is one file of all data; an exchange file may hold one plan, one region, some years or some kinds of data, to exchange between two computers. Both have the same format, with who exported it, when, and a checksum.',
    exportTitle: 'Export',
    scopeAll: 'All data (backup)',
    scopePart: 'Part of the data (exchange)',
    plan: 'Plan',
    region: 'Region',
    allRegions: 'All regions',
    fromYear: 'From year',
    toYear: 'To year',
    anyYear: 'Any',
    kinds: 'Kinds of data',
    backup: 'Export backup (JSON)',
    exportPart: 'Export exchange file (JSON)',
    exported: 'Exported {file} (checksum {checksum}…)',
    noKind: 'Choose at least one kind of data',
    importTitle: 'Restore or import',
    chooseFile: 'Choose a backup or exchange file',
    reading: 'Checking the file…',
    fileErrors: 'File “{file}” was not imported; nothing was written:',
    fileInfo: 'File “{file}”: exported by {by} at {at}, {what}; {counts}',
    fileComplete: 'all data (backup)',
    filePart: 'part of the data',
    fileUnsigned: ' (old backup, no checksum)',
    fileUpgraded:
      'The file was exported by an earlier version (database schema {from}) and was read as of today’s.',
    merge: 'Import and merge…',
    restore: 'Restore (replace all data)…',
    restoreOnlyComplete: 'Only a backup of all data can be restored.',
    cancel: 'Cancel',
    restoreConfirmTitle: 'Confirm restore',
    restoreReplaces: 'All current data of “{dataset}” will be deleted: {counts}.',
    restoreWith: 'It is replaced by the file’s: {counts}.',
    restoreAllOrNothing:
      'A restore completes in full or not at all: on an error the current data stays as it is. The evaluator name and language set on this computer are kept; those not set are taken from the file.',
    restoreConfirm: 'Restore',
    restoring: 'Restoring…',
    restored: 'Restored: {counts}.',
    restoredName:
      'No evaluator name was set here, so the backup’s “{name}” was taken; if that is not you, change the name above so that your changes are signed with yours.',
    previewing: 'Comparing…',
    previewTitle: 'Merge preview',
    previewCounts:
      'New {added}, same as here {identical}, newer here (kept) {older}, changed there after receiving ours (taken) {updated}, conflicts {conflicts}, new history entries {history}, new plans {plans}.',
    refused: 'This file cannot be merged; nothing was written:',
    conflictsTitle: 'Conflicts: data changed on both computers ({count})',
    noConflicts: 'No conflicts.',
    allMine: 'Keep all mine',
    allTheirs: 'Take all theirs',
    allNewer: 'Take the newer everywhere',
    colWhat: 'Data',
    colMine: 'This computer',
    colTheirs: 'File',
    colChoice: 'Resolution',
    choiceMine: 'Keep mine',
    choiceTheirs: 'Take theirs',
    choiceNewer: 'Take newer',
    byAt: '{by}, {at}',
    cleared: '(cleared)',
    withdrawn: '(withdrawn)',
    archived: '(archived)',
    applyMerge: 'Import',
    merging: 'Importing…',
    summaryTitle: 'Import complete',
    summary:
      'Added {added}, skipped as identical {identical}, kept as newer here {older}, changes taken from the file {updated}; {conflicts} conflicts: kept mine {kept}, took theirs {taken}; {history} history entries merged, {plans} plans added.',
    reminderTitle: 'Backup reminder',
    reminderDays: 'Remind when the last backup is older than this many days and data changed',
    days: 'days',
    save: 'Save',
    saved: 'Saved',
    datasetUser: 'My data',
    datasetDemo: 'Sample data',
    yearOf: '{year}',
    judgementOf: 'judgement as of {year}',
    narrativeOf: 'report text as of {year}',
    implementationOf: 'implementation in {year}',
    surveyOf: 'satisfaction survey {year} ({organiser})',
    narrativeState: 'Problems: {problems}; next steps: {suggestions}',
    regionRecord: 'region name',
  },
);

export type T = (
  key: keyof (typeof messages)['zh-CN'],
  vars?: Record<string, string | number>,
) => string;

function download(text: string, fileName: string) {
  const blob = new Blob([text], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

/**
 * Who-and-when to the second (two edits of one cell are often minutes apart), in the time the
 * rest of the app shows (Beijing time in the Chinese UI: formatDateTime), whatever the laptop's
 * clock zone.
 */
const formatTime = (iso: string) => (iso ? formatDateTime(iso) : '—');

// ---------------------------------------------------------------- export

function ExportPanel() {
  const t = useT(messages);
  const { db, dataset } = useDataset();
  const plans = usePlans();
  const author = useAuthorName();
  const entries = plans.data ?? [];
  const [isComplete, setComplete] = useState(true);
  const [planId, setPlanId] = useState('');
  const [regionId, setRegionId] = useState('');
  const [fromYear, setFromYear] = useState('');
  const [toYear, setToYear] = useState('');
  const [kinds, setKinds] = useState<string[]>(EXCHANGE_KINDS.map((k) => k.id));
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search] = useSearchParams('settings');
  // The plan chosen here, else the one in the header.
  const plan = (entries.find((e) => e.plan.id === (planId || search.plan)) ?? entries[0])?.plan;
  const years = plan ? range(plan.baseYear, plan.period.end) : [];

  const run = async () => {
    setDone(null);
    setError(null);
    if (!isComplete && kinds.length === 0) return setError(t('noKind'));
    const scope: ExchangeScope = isComplete
      ? COMPLETE_SCOPE
      : {
          isComplete: false,
          planId: plan?.id ?? null,
          regionId: regionId || null,
          fromYear: fromYear ? Number(fromYear) : null,
          toYear: toYear ? Number(toYear) : null,
          kinds,
        };
    try {
      const result = await exportExchange(db, scope, {
        appVersion: APP_VERSION,
        exportedBy: author,
      });
      const day = result.exportedAt.slice(0, 10);
      const prefix = dataset === 'demo' ? '示例数据-' : '';
      const fileName = isComplete
        ? `${prefix}规划监测备份-${day}.json`
        : `${prefix}数据交换-${plan?.shortName ?? ''}${regionId ? `-${regionId}` : ''}-${day}.json`;
      download(result.text, fileName);
      if (isComplete) {
        noteBackup(defaultStorage(), db.name, result.exportedAt);
        notifyDurability();
      }
      setDone(t('exported', { file: fileName, checksum: result.checksum.slice(0, 12) }));
    } catch (e) {
      setError(describeImportFailure(e));
    }
  };

  return (
    <div className="exchange-export">
      <h3>{t('exportTitle')}</h3>
      <div className="toolbar" role="radiogroup">
        <label>
          <input type="radio" checked={isComplete} onChange={() => setComplete(true)} />
          {t('scopeAll')}
        </label>
        <label>
          <input type="radio" checked={!isComplete} onChange={() => setComplete(false)} />
          {t('scopePart')}
        </label>
      </div>
      {!isComplete && plan && (
        <div className="toolbar">
          <label>
            {t('plan')}
            <select
              value={plan.id}
              onChange={(e) => {
                setPlanId(e.target.value);
                setRegionId('');
              }}
            >
              {entries.map((e) => (
                <option key={e.plan.id} value={e.plan.id}>
                  {e.plan.shortName}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('region')}
            <select value={regionId} onChange={(e) => setRegionId(e.target.value)}>
              <option value="">{t('allRegions')}</option>
              {plan.regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('fromYear')}
            <select value={fromYear} onChange={(e) => setFromYear(e.target.value)}>
              <option value="">{t('anyYear')}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('toYear')}
            <select value={toYear} onChange={(e) => setToYear(e.target.value)}>
              <option value="">{t('anyYear')}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="exchange-kinds">
            <legend>{t('kinds')}</legend>
            {EXCHANGE_KINDS.map((k) => (
              <label key={k.id}>
                <input
                  type="checkbox"
                  checked={kinds.includes(k.id)}
                  onChange={(e) =>
                    setKinds((now) =>
                      e.target.checked ? [...now, k.id] : now.filter((id) => id !== k.id),
                    )
                  }
                />
                {k.label}
              </label>
            ))}
          </fieldset>
        </div>
      )}
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => void run()}>
          {isComplete ? t('backup') : t('exportPart')}
        </button>
        {done && (
          <span className="ok-message" role="status">
            {done}
          </span>
        )}
        {error && <span className="errors">{error}</span>}
      </div>
    </div>
  );
}

const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

// ---------------------------------------------------------------- conflicts

interface Names {
  plan: (planId: string) => Plan | undefined;
  region: (planId: string, regionId: string) => string;
}

export function describeUnit(t: T, table: string, unit: MergeUnit, names: Names): string {
  const parts = unit.unitKey.split('|');
  const plan = names.plan(unit.planId);
  // Indicators, prose targets and numeric standards (服务清单): all have values in `series`.
  const itemName = (itemId: string) =>
    (plan && [...planItems(plan), ...standardItems(plan)].find((i) => i.id === itemId)?.name) ??
    itemId;
  if (table === 'series') {
    const [planId = '', regionId = '', itemId = '', year = ''] = parts;
    return `${names.region(planId, regionId)} · ${itemName(itemId)} · ${t('yearOf', { year })}`;
  }
  if (table === 'judgements') {
    const [planId = '', itemId = '', regionId = '', year = ''] = parts;
    return `${names.region(planId, regionId)} · ${itemName(itemId)} · ${t('judgementOf', { year })}`;
  }
  if (table === 'narratives') {
    const [, planId = '', regionId = '', year = ''] = parts;
    return `${names.region(planId, regionId)} · ${t('narrativeOf', { year })}`;
  }
  if (table === 'implementation') {
    const [planId = '', regionId = '', subjectId = '', year = ''] = parts;
    const subject =
      plan?.services.find((s) => s.id === subjectId)?.name ??
      plan?.tasks.find((task) => task.id === subjectId)?.text.slice(0, 40) ??
      subjectId;
    return `${names.region(planId, regionId)} · ${subject} · ${t('implementationOf', { year })}`;
  }
  if (table === 'surveys') {
    const row = unit.payload as ExchangeSurveyRow | null;
    return row ? t('surveyOf', { year: row.year, organiser: row.organiser }) : unit.unitKey;
  }
  if (table === 'regions') {
    const [planId = '', regionId = ''] = unit.unitKey.split(':');
    return `${names.region(planId, regionId)}（${regionId}）· ${t('regionRecord')}`;
  }
  return unit.unitKey;
}

export function describeState(
  t: T,
  table: string,
  unit: MergeUnit,
  locale: 'zh-CN' | 'en',
): string {
  if (table === 'series') {
    if (unit.isDeleted) return t('cleared');
    const cell = unit.payload as ExchangeCell;
    return [cell.value === null ? cell.text : String(cell.value), cell.note && `（${cell.note}）`]
      .filter(Boolean)
      .join(' ');
  }
  if (table === 'judgements') {
    if (unit.isDeleted) return t('withdrawn');
    const row = unit.payload as ExchangeJudgementRow;
    return `${statusLabel(row.status as StatusCode, locale)}${row.reason ? `：${row.reason}` : ''}`;
  }
  if (table === 'narratives') {
    const row = unit.payload as ExchangeNarrativeRow;
    // The beginning of each section: enough to tell the two versions apart.
    const cut = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text || '—');
    return t('narrativeState', { problems: cut(row.problems), suggestions: cut(row.suggestions) });
  }
  if (table === 'implementation') {
    const row = unit.payload as ExchangeImplementationRow;
    if (row.status === null) return t('cleared');
    const texts = [row.evidence, row.documentRef, row.reply].filter(Boolean).join('；');
    return `${IMPLEMENTATION_LABELS[locale][row.status]}${texts ? `：${texts}` : ''}`;
  }
  if (table === 'surveys') {
    const row = unit.payload as ExchangeSurveyRow;
    if (row.deleted) return t('withdrawn');
    return row.result.kind === 'rate'
      ? `${row.result.value}%`
      : `${row.result.value}/${row.result.scale}`;
  }
  if (table === 'regions') {
    if (unit.isDeleted) return t('withdrawn');
    const row = unit.payload as ExchangeRegionRow;
    return `${row.name}${row.archived ? t('archived') : ''}`;
  }
  return JSON.stringify(unit.payload);
}

function ConflictTable({
  conflicts,
  choices,
  setChoice,
  names,
}: {
  conflicts: MergeConflict[];
  choices: Map<string, MergeChoice>;
  setChoice: (id: string, choice: MergeChoice) => void;
  names: Names;
}) {
  const t = useT(messages);
  const { locale } = useLocale();
  return (
    <table className="data conflict-table" data-testid="conflict-table">
      <thead>
        <tr>
          <th>{t('colWhat')}</th>
          <th>{t('colMine')}</th>
          <th>{t('colTheirs')}</th>
          <th>{t('colChoice')}</th>
        </tr>
      </thead>
      <tbody>
        {conflicts.map((c) => {
          const choice = choices.get(c.id) ?? 'newer';
          const winner = chosenSide(c, choice);
          return (
            <tr key={c.id} data-conflict={c.id}>
              <th scope="row">{describeUnit(t, c.table, c.theirs, names)}</th>
              <td className={winner === 'mine' ? 'conflict-chosen' : undefined}>
                <strong>{describeState(t, c.table, c.mine, locale)}</strong>
                <div className="muted">
                  {t('byAt', { by: c.mine.by || '—', at: formatTime(c.mine.at) })}
                </div>
              </td>
              <td className={winner === 'theirs' ? 'conflict-chosen' : undefined}>
                <strong>{describeState(t, c.table, c.theirs, locale)}</strong>
                <div className="muted">
                  {t('byAt', { by: c.theirs.by || '—', at: formatTime(c.theirs.at) })}
                </div>
              </td>
              <td>
                <select
                  aria-label={`${t('colChoice')}：${describeUnit(t, c.table, c.theirs, names)}`}
                  value={choice}
                  onChange={(e) => setChoice(c.id, e.target.value as MergeChoice)}
                >
                  <option value="mine">{t('choiceMine')}</option>
                  <option value="theirs">{t('choiceTheirs')}</option>
                  <option value="newer">{t('choiceNewer')}</option>
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

// ---------------------------------------------------------------- import

type Step =
  | { kind: 'idle' }
  | { kind: 'busy'; label: string }
  | { kind: 'errors'; file: string; errors: string[] }
  | { kind: 'ready'; file: PreparedFile }
  | { kind: 'confirm-restore'; file: PreparedFile; current: DataCounts }
  | { kind: 'restored'; counts: DataCounts; takenName: string | null }
  | { kind: 'preview'; preview: MergePreview }
  | { kind: 'merged'; summary: MergeSummary };

function previewCounts(preview: MergePreview) {
  let added = 0;
  let identical = 0;
  let older = 0;
  let updated = 0;
  for (const table of preview.tables) {
    added += table.plan.added.filter((u) => !u.isDeleted).length;
    identical += table.plan.identical;
    older += table.plan.older;
    updated += table.plan.updated.length;
  }
  return {
    added,
    identical,
    older,
    updated,
    conflicts: preview.conflicts.length,
    history: preview.newHistory.length,
    plans: preview.plansToAdd.length,
  };
}

function ImportPanel() {
  const t = useT(messages);
  const countsText = useCountsText();
  const { db, dataset } = useDataset();
  const plans = usePlans();
  const author = useAuthorName();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);
  const [choices, setChoices] = useState<Map<string, MergeChoice>>(new Map());
  const [inputKey, setInputKey] = useState(0);

  const names = useMemo<Names>(() => {
    const byId = new Map((plans.data ?? []).map((e) => [e.plan.id, e.plan]));
    const fileRegions = new Map<string, string>();
    if (step.kind === 'preview') {
      for (const r of (step.preview.file.content.tables.regions ?? []) as ExchangeRegionRow[]) {
        fileRegions.set(r.key, r.name);
      }
    }
    return {
      plan: (id) => byId.get(id),
      region: (planId, regionId) =>
        byId.get(planId)?.regions.find((r) => r.id === regionId)?.name ??
        fileRegions.get(`${planId}:${regionId}`) ??
        regionId,
    };
  }, [plans.data, step]);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.all(dataset) });
    notifyDurability();
  };

  const choose = async (file: File) => {
    setFailure(null);
    setStep({ kind: 'busy', label: t('reading') });
    try {
      const result = await prepareImport(db, file, { builtinPlans: await getBuiltinPlans() });
      setStep(
        result.ok
          ? { kind: 'ready', file: result.file }
          : { kind: 'errors', file: file.name, errors: result.errors },
      );
    } catch (e) {
      setStep({ kind: 'errors', file: file.name, errors: [describeImportFailure(e)] });
    }
  };

  const startMerge = async (file: PreparedFile) => {
    setStep({ kind: 'busy', label: t('previewing') });
    try {
      const preview = await previewMerge(db, file);
      setChoices(new Map());
      setStep({ kind: 'preview', preview });
    } catch (e) {
      setFailure(describeImportFailure(e));
      setStep({ kind: 'ready', file });
    }
  };

  const runMerge = async (preview: MergePreview) => {
    setStep({ kind: 'busy', label: t('merging') });
    try {
      const summary = await applyMerge(db, preview, (c) => choices.get(c.id) ?? 'newer', {
        by: author,
      });
      await refresh();
      setStep({ kind: 'merged', summary });
    } catch (e) {
      setFailure(describeImportFailure(e));
      setStep({ kind: 'preview', preview });
    }
  };

  const startRestore = async (file: PreparedFile) => {
    setStep({ kind: 'confirm-restore', file, current: await countData(db) });
  };

  const runRestore = async (file: PreparedFile) => {
    setStep({ kind: 'busy', label: t('restoring') });
    try {
      const before = await db.settings.get('evaluatorName');
      const counts = await restoreFile(db, file, { by: author });
      // Restored from a backup: that file is the latest backup of these data.
      noteBackup(defaultStorage(), db.name, file.header.exportedAt || new Date().toISOString());
      const after = await db.settings.get('evaluatorName');
      await refresh();
      // No name was set here, so the file's was taken: said, so that a colleague restoring
      // someone else's backup does not sign their changes with that person's name.
      const taken =
        !String(before?.value ?? '').trim() &&
        typeof after?.value === 'string' &&
        after.value.trim()
          ? after.value
          : null;
      setStep({ kind: 'restored', counts, takenName: taken });
    } catch (e) {
      setFailure(describeImportFailure(e));
      setStep({ kind: 'ready', file });
    }
  };

  const datasetName = dataset === 'demo' ? t('datasetDemo') : t('datasetUser');
  return (
    <div className="exchange-import" id="restore">
      <h3>{t('importTitle')}</h3>
      <label className="file-picker">
        {t('chooseFile')}
        <input
          key={inputKey}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void choose(file);
          }}
        />
      </label>
      {step.kind === 'busy' && <p role="status">{step.label}</p>}
      {step.kind === 'errors' && (
        <div className="errors" role="alert" data-testid="exchange-errors">
          <p>{t('fileErrors', { file: step.file })}</p>
          <ul>
            {step.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {(step.kind === 'ready' || step.kind === 'confirm-restore') && (
        <FileInfo t={t} file={step.file} />
      )}
      {step.kind === 'ready' && (
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => void startMerge(step.file)}>
            {t('merge')}
          </button>
          <button
            type="button"
            disabled={!step.file.content.scope.isComplete}
            onClick={() => void startRestore(step.file)}
          >
            {t('restore')}
          </button>
          {!step.file.content.scope.isComplete && (
            <span className="muted">{t('restoreOnlyComplete')}</span>
          )}
        </div>
      )}
      {step.kind === 'confirm-restore' && (
        <div className="confirm-box" role="alertdialog" aria-labelledby="restore-confirm-title">
          <h4 id="restore-confirm-title">{t('restoreConfirmTitle')}</h4>
          <p>{t('restoreReplaces', { dataset: datasetName, counts: countsText(step.current) })}</p>
          <p>{t('restoreWith', { counts: countsText(countTables(step.file.content.tables)) })}</p>
          <p className="muted">{t('restoreAllOrNothing')}</p>
          <div className="toolbar">
            <button type="button" className="danger" onClick={() => void runRestore(step.file)}>
              {t('restoreConfirm')}
            </button>
            <button type="button" onClick={() => setStep({ kind: 'ready', file: step.file })}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {step.kind === 'restored' && (
        <p className="ok-message" role="status" data-testid="exchange-done">
          {t('restored', { counts: countsText(step.counts) })}
          {step.takenName && <> {t('restoredName', { name: step.takenName })}</>}
        </p>
      )}
      {step.kind === 'preview' && (
        <div className="merge-preview" data-testid="merge-preview">
          <h4>{t('previewTitle')}</h4>
          <FileInfo t={t} file={step.preview.file} />
          <p>{t('previewCounts', previewCounts(step.preview))}</p>
          {step.preview.refusals.length > 0 ? (
            <div className="errors" role="alert">
              <p>{t('refused')}</p>
              <ul>
                {step.preview.refusals.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            </div>
          ) : (
            <>
              <h4>{t('conflictsTitle', { count: step.preview.conflicts.length })}</h4>
              {step.preview.conflicts.length === 0 ? (
                <p className="muted">{t('noConflicts')}</p>
              ) : (
                <>
                  <div className="toolbar">
                    {(
                      [
                        ['mine', 'allMine'],
                        ['theirs', 'allTheirs'],
                        ['newer', 'allNewer'],
                      ] as const
                    ).map(([choice, label]) => (
                      <button
                        key={choice}
                        type="button"
                        onClick={() =>
                          setChoices(new Map(step.preview.conflicts.map((c) => [c.id, choice])))
                        }
                      >
                        {t(label)}
                      </button>
                    ))}
                  </div>
                  <ConflictTable
                    conflicts={step.preview.conflicts}
                    choices={choices}
                    setChoice={(id, choice) => setChoices((now) => new Map(now).set(id, choice))}
                    names={names}
                  />
                </>
              )}
            </>
          )}
          <div className="toolbar">
            <button
              type="button"
              className="primary"
              disabled={step.preview.refusals.length > 0}
              onClick={() => void runMerge(step.preview)}
            >
              {t('applyMerge')}
            </button>
            <button
              type="button"
              onClick={() => {
                setStep({ kind: 'idle' });
                setInputKey((k) => k + 1);
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {step.kind === 'merged' && (
        <div className="ok-message" role="status" data-testid="exchange-done">
          <strong>{t('summaryTitle')}</strong>{' '}
          {t('summary', {
            added: step.summary.added,
            identical: step.summary.identical,
            older: step.summary.older,
            updated: step.summary.updated,
            conflicts: step.summary.conflictsKept + step.summary.conflictsTaken,
            kept: step.summary.conflictsKept,
            taken: step.summary.conflictsTaken,
            history: step.summary.history,
            plans: step.summary.plans,
          })}
        </div>
      )}
      {failure && (
        <p className="errors" role="alert" data-testid="exchange-failure">
          {failure}
        </p>
      )}
    </div>
  );
}

function FileInfo({ t, file }: { t: T; file: PreparedFile }) {
  const countsText = useCountsText();
  return (
    <>
      <p data-testid="exchange-file-info">
        {t('fileInfo', {
          file: file.fileName,
          by: file.header.exportedBy || '—',
          at: formatTime(file.header.exportedAt),
          what: file.content.scope.isComplete ? t('fileComplete') : t('filePart'),
          counts: countsText(countTables(file.content.tables)),
        })}
        {file.header.checksum ? '' : t('fileUnsigned')}
      </p>
      {file.fromSchemaVersion < file.content.schemaVersion && (
        <p className="muted">{t('fileUpgraded', { from: file.fromSchemaVersion })}</p>
      )}
      {file.warnings.map((w, i) => (
        <p key={i} className="muted">
          {w}
        </p>
      ))}
    </>
  );
}

function ReminderSetting() {
  const t = useT(messages);
  const settings = useSettings();
  const write = useWriteSetting();
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? String(settings.backupReminderDays);
  const days = Number(value);
  const isValid = Number.isInteger(days) && days >= 1 && days <= 365;
  return (
    <form
      className="toolbar"
      onSubmit={(e) => {
        e.preventDefault();
        if (isValid) {
          write.mutate(
            { key: 'backupReminderDays', value: days },
            {
              onSuccess: () => {
                setDraft(null);
                notifyDurability();
              },
            },
          );
        }
      }}
    >
      <label>
        {t('reminderDays')}
        <input
          type="number"
          min={1}
          max={365}
          value={value}
          onChange={(e) => setDraft(e.target.value)}
          style={{ width: '5em' }}
        />
        {t('days')}
      </label>
      <button type="submit" disabled={!isValid}>
        {t('save')}
      </button>
      {write.isSuccess && draft === null && <span className="ok-message">{t('saved')}</span>}
    </form>
  );
}

/** 设置 → 备份与数据交换: export by scope, restore, import with merge, the backup reminder. */
export function ExchangeSection() {
  const t = useT(messages);
  return (
    <Section title={t('title')}>
      <p className="muted">{t('explain')}</p>
      <ExportPanel />
      <ImportPanel />
      <h3>{t('reminderTitle')}</h3>
      <ReminderSetting />
    </Section>
  );
}
