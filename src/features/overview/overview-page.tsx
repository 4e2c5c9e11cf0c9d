import type { ReactNode } from 'react';
import { useT } from '../../shared/i18n';
import { EmptyState, Section, type FeaturePageProps } from '../../shared/page';
import { buildHref } from '../../shared/search';
import { AcrossPlansView } from './across-plans-view';
import { DomainView } from './domain-view';
import { IndicatorView } from './indicator-view';
import { overviewMessages } from './messages';
import { RegionsView } from './regions-view';
import { SummaryView } from './summary-view';
import { usePlanAssessment, useOverviewParams, type OverviewView } from './use-overview-data';
import { periodYears } from '../../shared/plan-results';
import { useWording } from '../../shared/wording';
import './overview.css';
import { RegionSelect, YearSelect } from '../../shared/selectors';
import { useFirstDataMark } from '../../shared/first-data-mark';

const TABS: ReadonlyArray<
  [OverviewView, 'viewSummary' | 'viewDomain' | 'viewIndicator' | 'viewRegions' | 'viewPlans']
> = [
  ['summary', 'viewSummary'],
  ['domain', 'viewDomain'],
  ['indicator', 'viewIndicator'],
  ['regions', 'viewRegions'],
  ['plans', 'viewPlans'],
];

/**
 * 总览: where the chosen plan stands for a region and an as-of year, with sub-views chosen by
 * `?view=` (domain, indicator, regions, across plans) so that every view has its own address.
 */
export default function OverviewPage({ entry }: FeaturePageProps) {
  const t = useT(overviewMessages);
  const wording = useWording();
  const plan = entry.plan;
  const [params, setParams] = useOverviewParams();
  const assessment = usePlanAssessment(plan, params);
  const { regions, region, year } = assessment;
  useFirstDataMark(!assessment.isLoading && !assessment.error && region !== undefined);

  let body: ReactNode;
  if (assessment.error) {
    body = (
      <p role="alert">
        {t('loadError', { message: String((assessment.error as Error).message ?? '') })}
      </p>
    );
  } else if (assessment.isLoading) {
    body = <p className="muted">{t('loading')}</p>;
  } else if (!region) {
    body = (
      <EmptyState>
        {t('noRegions')} <a href={buildHref('/entry', { plan: plan.id })}>{t('goToEntry')}</a>
      </EmptyState>
    );
  } else {
    const props = { plan, assessment, params, setParams, region };
    body =
      params.view === 'domain' ? (
        <DomainView {...props} />
      ) : params.view === 'indicator' ? (
        <IndicatorView {...props} />
      ) : params.view === 'regions' ? (
        <RegionsView {...props} />
      ) : params.view === 'plans' ? (
        <AcrossPlansView {...props} />
      ) : (
        <SummaryView {...props} />
      );
  }

  return (
    <div className="overview">
      <div className="overview-controls toolbar">
        <nav className="view-tabs" aria-label={t('views')}>
          {TABS.map(([view, key]) => (
            <a
              key={view}
              href={buildHref('/overview', {
                plan: plan.id,
                view: view === 'summary' ? null : view,
                region: params.regionId,
                year: params.year,
                item: params.itemId,
                domain: params.domainId,
                concept: params.concept,
              })}
              aria-current={params.view === view ? 'page' : undefined}
            >
              {t(key)}
            </a>
          ))}
        </nav>
        <label>
          <span>{t('region')}</span>
          <RegionSelect
            regions={regions}
            value={region?.regionId ?? ''}
            onChange={(id) => setParams({ region: id })}
            label={t('region')}
          />
        </label>
        <label>
          <span>{t('year')}</span>
          <YearSelect
            years={periodYears(plan)}
            value={year}
            onChange={(y) => setParams({ year: y })}
            label={t('year')}
          />
        </label>
        {/* The mode follows the year: 终期评估 in the plan's end year (docs/methodology.md §4). */}
        <span className="mode-label" data-testid="mode-label" title={t('modeHint')}>
          {wording.mode(assessment.mode)}
        </span>
      </div>
      <Section
        title={`${plan.shortName} · ${t(TABS.find(([v]) => v === params.view)?.[1] ?? 'viewSummary')}`}
      >
        {body}
      </Section>
    </div>
  );
}
