import { useMemo, useState } from 'react';
import type { Indicator, Plan, TextTarget } from '../../domain/catalog/schema';
import { searchCatalog, type CatalogItemKind } from '../../domain/catalog/search';
import { useT } from '../../shared/i18n';
import { EmptyState, Section, type FeaturePageProps } from '../../shared/page';
import { usePlans } from '../../shared/plans';
import { useSearchParams } from '../../shared/address';
import { buildHref, type CatalogTab } from '../../shared/search';
import { SourceQuote } from '../../shared/source-quote';
import './catalog.css';
import { DataIssues, ItemDetail } from './item-detail';
import { catalogMessages } from './messages';
import { PlanFiles } from './plan-files';
import { DomainSelect } from '../../shared/selectors';

type Tab = CatalogTab;
const TABS: Array<
  [Tab, 'tabIndicators' | 'tabTextTargets' | 'tabServices' | 'tabTasks' | 'tabPlan']
> = [
  ['indicators', 'tabIndicators'],
  ['textTargets', 'tabTextTargets'],
  ['services', 'tabServices'],
  ['tasks', 'tabTasks'],
  ['plan', 'tabPlan'],
];
const TAB_OF_KIND: Record<CatalogItemKind, Tab> = {
  indicator: 'indicators',
  textTarget: 'textTargets',
  service: 'services',
  task: 'tasks',
};

function useT2() {
  return useT(catalogMessages);
}

function SearchBox() {
  const t = useT2();
  const [search, setParams] = useSearchParams('catalog');
  const [text, setText] = useState(search.q ?? '');
  // The address can change without typing (a link, 后退): the box then shows the address's q.
  const [shownQ, setShownQ] = useState(search.q ?? '');
  if ((search.q ?? '') !== shownQ) {
    setShownQ(search.q ?? '');
    if ((search.q ?? '') !== text.trim()) setText(search.q ?? '');
  }
  return (
    <form
      className="toolbar"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        setParams({ q: text.trim() || null, item: null });
      }}
    >
      <label>
        {t('search')}
        <input
          type="search"
          value={text}
          placeholder={t('searchPlaceholder')}
          size={32}
          onChange={(event) => {
            setText(event.target.value);
            setParams({ q: event.target.value.trim() || null, item: null });
          }}
        />
      </label>
    </form>
  );
}

function SearchResults({ query }: { query: string }) {
  const t = useT2();
  const plans = usePlans();
  const hits = useMemo(
    () =>
      searchCatalog(
        (plans.data ?? []).map((e) => e.plan),
        query,
      ),
    [plans.data, query],
  );
  const kindLabel: Record<CatalogItemKind, string> = {
    indicator: t('tabIndicators'),
    textTarget: t('tabTextTargets'),
    service: t('tabServices'),
    task: t('tabTasks'),
  };
  return (
    <Section
      title={t('searchResults', { count: hits.length })}
      actions={<a href={buildHref('/catalog', {})}>{t('clearSearch')}</a>}
    >
      {hits.length === 0 ? (
        <EmptyState>{t('searchNone', { q: query })}</EmptyState>
      ) : (
        <table className="data" data-testid="search-results">
          <thead>
            <tr>
              <th>{t('planColumn')}</th>
              <th>{t('kind')}</th>
              <th>{t('indicator')}</th>
            </tr>
          </thead>
          <tbody>
            {hits.map((hit) => (
              <tr key={`${hit.planId}/${hit.kind}/${hit.id}`}>
                <td>{hit.planName}</td>
                <td>{kindLabel[hit.kind]}</td>
                <td>
                  <a
                    href={buildHref('/catalog', {
                      plan: hit.planId,
                      tab: TAB_OF_KIND[hit.kind],
                      item: hit.id,
                    })}
                  >
                    {hit.label}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function DomainFilter({ plan }: { plan: Plan }) {
  const t = useT2();
  const [search, setParams] = useSearchParams('catalog');
  return (
    <label>
      {t('domain')}
      <DomainSelect
        plan={plan}
        value={search.domain ?? null}
        onChange={(id) => setParams({ domain: id })}
        label={t('domain')}
        allLabel={t('allDomains')}
      />
    </label>
  );
}

function ItemsTable({
  plan,
  items,
  isText,
}: {
  plan: Plan;
  items: Array<Indicator | TextTarget>;
  isText: boolean;
}) {
  const t = useT2();
  const [search, setParams] = useSearchParams('catalog');
  const domainFilter = search.domain;
  const selected = search.item;
  const domains = plan.domains.filter((d) => !domainFilter || d.id === domainFilter);
  const hasUnits = !isText && items.some((i) => 'responsibleUnit' in i && i.responsibleUnit);
  return (
    <table className="data catalog-table" data-testid="catalog-table">
      <thead>
        <tr>
          <th>{t('indicator')}</th>
          <th>{t('unit')}</th>
          <th className="num">{t('baseline')}</th>
          <th className="num">{t('target')}</th>
          {isText ? <th className="num">{t('year')}</th> : <th className="num">{t('change')}</th>}
          <th>{t('direction')}</th>
          <th>{t('kind')}</th>
          {hasUnits && <th>{t('responsibleUnit')}</th>}
        </tr>
      </thead>
      {domains.map((domain) => {
        const rows = items.filter((i) => i.domain === domain.id);
        if (rows.length === 0) return null;
        return (
          <tbody key={domain.id}>
            <tr className="group-row">
              <td colSpan={hasUnits ? 8 : 7}>
                {domain.name} <span className="muted">（{rows.length}）</span>
              </td>
            </tr>
            {rows.map((item) => (
              <tr
                key={item.id}
                className={item.id === selected ? 'clickable selected' : 'clickable'}
                onClick={() => setParams({ item: item.id })}
              >
                <td>
                  <button type="button" className="link-button row-link">
                    {item.name}
                  </button>
                  {item.dataIssues && item.dataIssues.length > 0 && (
                    <span
                      className="badge badge-warn"
                      title={t('issueCount', { count: item.dataIssues.length })}
                    >
                      {t('issues')}
                    </span>
                  )}
                </td>
                <td>{item.unit ?? ''}</td>
                <td className="num">{item.baseline?.raw ?? '—'}</td>
                <td className="num">{item.target?.raw ?? '—'}</td>
                {'year' in item ? (
                  <td className="num">{item.year}</td>
                ) : (
                  <td className="num">{item.change?.raw ?? '—'}</td>
                )}
                <td className="nowrap">{item.direction === 'up' ? t('up') : t('down')}</td>
                <td className="nowrap">
                  {item.kind === 'cumulative' ? t('cumulative') : t('level')}
                </td>
                {!isText && (
                  <td>{'responsibleUnit' in item ? (item.responsibleUnit ?? '') : ''}</td>
                )}
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}

function ServicesTable({ plan }: { plan: Plan }) {
  const t = useT2();
  const [search] = useSearchParams('catalog');
  const domainFilter = search.domain;
  const selected = search.item;
  if (plan.services.length === 0) return <EmptyState>{t('noServices')}</EmptyState>;
  return (
    <table className="data" data-testid="services-table">
      <thead>
        <tr>
          <th className="num">{t('number')}</th>
          <th>{t('serviceName')}</th>
          <th>{t('recipients')}</th>
          <th>{t('standard')}</th>
          <th>{t('funding')}</th>
          <th>{t('leadUnit')}</th>
          <th>{t('source')}</th>
        </tr>
      </thead>
      {plan.domains
        .filter((d) => !domainFilter || d.id === domainFilter)
        .map((domain) => {
          const rows = plan.services.filter((s) => s.domain === domain.id);
          if (rows.length === 0) return null;
          return (
            <tbody key={domain.id}>
              <tr className="group-row">
                <td colSpan={7}>
                  {domain.name} <span className="muted">（{rows.length}）</span>
                </td>
              </tr>
              {rows.map((s) => (
                <tr key={s.id} id={s.id} className={s.id === selected ? 'selected' : undefined}>
                  <td className="num">{s.number ?? ''}</td>
                  <td className="pre-wrap">
                    {s.name}
                    {s.dataIssues && s.dataIssues.length > 0 && (
                      <DataIssues issues={s.dataIssues} />
                    )}
                  </td>
                  <td className="pre-wrap">{s.recipients ?? '—'}</td>
                  <td className="pre-wrap">{s.standard ?? '—'}</td>
                  <td className="pre-wrap">{s.funding ?? '—'}</td>
                  <td className="pre-wrap">{s.leadUnit ?? '—'}</td>
                  <td className="muted">{t('lineOnly', { line: s.source.line })}</td>
                </tr>
              ))}
            </tbody>
          );
        })}
    </table>
  );
}

function TasksTable({ plan }: { plan: Plan }) {
  const t = useT2();
  const selected = useSearchParams('catalog')[0].item;
  if (plan.tasks.length === 0) return <EmptyState>{t('noTasks')}</EmptyState>;
  const domainName = new Map(plan.domains.map((d) => [d.id, d.name]));
  // Where the table has one 责任单位 cell, it is shown as printed rather than split.
  const hasPartners = plan.tasks.some((task) => task.partnerUnits && !task.responsibleText);
  const hasDeadline = plan.tasks.some((task) => task.deadline);
  return (
    <table className="data" data-testid="tasks-table">
      <thead>
        <tr>
          <th className="num">{t('number')}</th>
          <th>{t('taskText')}</th>
          <th>{t('domain')}</th>
          <th>{t('leadUnit')}</th>
          {hasPartners && <th>{t('partnerUnits')}</th>}
          {hasDeadline && <th>{t('deadline')}</th>}
          <th>{t('source')}</th>
        </tr>
      </thead>
      <tbody>
        {plan.tasks.map((task) => (
          <tr key={task.id} id={task.id} className={task.id === selected ? 'selected' : undefined}>
            <td className="num">{task.number ?? ''}</td>
            <td className="pre-wrap">
              {task.group && <span className="badge">{task.group}</span>} {task.text}
              {task.dataIssues && task.dataIssues.length > 0 && (
                <DataIssues issues={task.dataIssues} />
              )}
            </td>
            <td>{task.domain ? domainName.get(task.domain) : ''}</td>
            <td>{task.responsibleText ?? task.leadUnit ?? '—'}</td>
            {hasPartners && <td>{task.partnerUnits ?? ''}</td>}
            {hasDeadline && <td>{task.deadline ?? ''}</td>}
            <td className="muted">{t('lineOnly', { line: task.source.line })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PlanInfo({ plan, isBuiltin }: { plan: Plan; isBuiltin: boolean }) {
  const t = useT2();
  return (
    <>
      <Section title={plan.name}>
        <dl className="facts" data-testid="plan-info">
          <dt>{t('region')}</dt>
          <dd>{plan.region}</dd>
          <dt>{t('issuer')}</dt>
          <dd>{plan.issuer ?? t('unknown')}</dd>
          <dt>{t('docNumber')}</dt>
          <dd>{plan.docNumber ?? t('unknown')}</dd>
          <dt>{t('issued')}</dt>
          <dd>{plan.issued ?? t('unknown')}</dd>
          <dt>{t('period')}</dt>
          <dd>
            {plan.period.start}—{plan.period.end}
          </dd>
          <dt>{t('baseYear')}</dt>
          <dd>{plan.baseYear}</dd>
          <dt>{t('sourceFile')}</dt>
          <dd>
            {plan.source.file} {isBuiltin && <span className="badge">{t('builtinNote')}</span>}
          </dd>
          <dt>{t('regions')}</dt>
          <dd>{plan.regions.map((r) => r.name).join('、')}</dd>
          <dt>{t('counts')}</dt>
          <dd>
            {t('countsValue', {
              indicators: plan.indicators.length,
              textTargets: plan.textTargets.length,
              services: plan.services.length,
              tasks: plan.tasks.length,
            })}
          </dd>
        </dl>
        <p>
          <button
            type="button"
            onClick={() => {
              const blob = new Blob([`${JSON.stringify(plan, null, 2)}\n`], {
                type: 'application/json',
              });
              const link = document.createElement('a');
              link.href = URL.createObjectURL(blob);
              link.download = `${plan.id}.json`;
              link.click();
              URL.revokeObjectURL(link.href);
            }}
          >
            {t('downloadPlan')}
          </button>
        </p>
        {isBuiltin && (
          <SourceQuote file={plan.source.file} line={plan.source.titleLine} before={0} after={0} />
        )}
      </Section>
      {plan.dataIssues.length > 0 && (
        <Section title={t('planIssues')}>
          <DataIssues issues={plan.dataIssues} />
        </Section>
      )}
      <PlanFiles />
    </>
  );
}

export default function CatalogPage({ entry }: FeaturePageProps) {
  const t = useT2();
  const [search, setParams] = useSearchParams('catalog');
  const plan = entry.plan;
  const query = search.q;
  const tab: Tab = search.tab ?? 'indicators';
  const itemId = search.item;
  const items: Array<Indicator | TextTarget> =
    tab === 'textTargets' ? plan.textTargets : plan.indicators;
  const selected = items.find((i) => i.id === itemId);
  const domainName = new Map(plan.domains.map((d) => [d.id, d.name]));

  return (
    <div className="catalog">
      <SearchBox />
      {query ? (
        <SearchResults query={query} />
      ) : (
        <>
          <div className="tabs" role="tablist">
            {TABS.map(([key, label]) => (
              <a
                key={key}
                role="tab"
                aria-selected={tab === key}
                href={buildHref('/catalog', { plan: plan.id, tab: key })}
              >
                {t(label)}
                {key !== 'plan' && (
                  <span className="muted">
                    （
                    {key === 'indicators'
                      ? plan.indicators.length
                      : key === 'textTargets'
                        ? plan.textTargets.length
                        : key === 'services'
                          ? plan.services.length
                          : plan.tasks.length}
                    ）
                  </span>
                )}
              </a>
            ))}
          </div>
          {tab === 'plan' ? (
            <PlanInfo plan={plan} isBuiltin={entry.isBuiltin} />
          ) : (
            <div className={selected ? 'catalog-split' : undefined}>
              <div>
                {tab !== 'tasks' && (
                  <div className="toolbar">
                    <DomainFilter plan={plan} />
                  </div>
                )}
                {tab === 'services' ? (
                  <ServicesTable plan={plan} />
                ) : tab === 'tasks' ? (
                  <TasksTable plan={plan} />
                ) : items.length === 0 ? (
                  <EmptyState>
                    {tab === 'indicators' ? t('noIndicators') : t('noTextTargets')}
                  </EmptyState>
                ) : (
                  <ItemsTable plan={plan} items={items} isText={tab === 'textTargets'} />
                )}
              </div>
              {selected && (
                <ItemDetail
                  item={selected as Indicator}
                  domainName={domainName.get(selected.domain) ?? selected.domain}
                  onClose={() => setParams({ item: null })}
                />
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
