import type { CellRef } from './errors';

/**
 * What an action wrote, so that each page undoes only its own kind: values typed on 数据录入
 * (`values`), figures of numeric standards and implementation statuses on 服务清单.
 */
export type ActionKind = 'values' | 'standards' | 'implementation';

/** One action of this tab that undo may revert: its audit id and where it wrote. */
export interface RecordedAction {
  actionId: string;
  kind: ActionKind;
  planId: string;
  regionIds: ReadonlySet<string>;
  itemIds: ReadonlySet<string>;
  /** How many values it wrote. */
  count: number;
}

/** Where undo looks: one region (by-region view) or one item (by-indicator view) of a plan. */
export interface UndoScope {
  planId: string;
  regionId?: string;
  itemId?: string;
  /** The kinds of action the page undoes; default: values alone (the entry grid). */
  kinds?: readonly ActionKind[];
}

/**
 * This tab's own actions, newest last, in memory. Undo reverts the newest one that wrote in the
 * current view; the database then refuses if any of its cells changed since (`undoAction`). A
 * stack per tab, not the shared audit log, because undo must never pick another tab's or another
 * person's change; it starts empty on every page load, data-set switch and sample-data reload.
 */
export class ActionHistory {
  private actions: RecordedAction[] = [];

  /** `cells` name where it wrote; for implementation statuses `itemId` is the item or task. */
  record(actionId: string, cells: readonly CellRef[], kind: ActionKind = 'values'): void {
    const first = cells[0];
    if (!first) return;
    this.actions.push({
      actionId,
      kind,
      planId: first.planId,
      regionIds: new Set(cells.map((c) => c.regionId)),
      itemIds: new Set(cells.map((c) => c.itemId)),
      count: cells.length,
    });
  }

  /** The newest action not yet undone that wrote in the scope. */
  latest(scope: UndoScope): RecordedAction | undefined {
    const kinds = scope.kinds ?? ['values'];
    for (let i = this.actions.length - 1; i >= 0; i--) {
      const action = this.actions[i] as RecordedAction;
      if (action.planId !== scope.planId || !kinds.includes(action.kind)) continue;
      if (scope.regionId !== undefined && !action.regionIds.has(scope.regionId)) continue;
      if (scope.itemId !== undefined && !action.itemIds.has(scope.itemId)) continue;
      return action;
    }
    return undefined;
  }

  /** Forgets an action once undone, so the next undo walks further back. */
  remove(actionId: string): void {
    this.actions = this.actions.filter((a) => a.actionId !== actionId);
  }

  get size(): number {
    return this.actions.length;
  }
}
