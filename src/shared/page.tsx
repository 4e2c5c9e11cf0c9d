import type { ReactNode } from 'react';
import type { PlanEntry } from './plans';

/** What the shell hands every feature page: the plan chosen in the header. */
export interface FeaturePageProps {
  entry: PlanEntry;
}

/** A page section with a heading; features use it so pages look alike. */
export function Section({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="section">
      <div className="section-head">
        <h2>{title}</h2>
        {actions && <div className="section-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/** A plain message where data is missing, with what to do about it. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty-state">{children}</div>;
}
