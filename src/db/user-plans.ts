import { parsePlanJson } from '../domain/catalog/validate';
import type { Plan } from '../domain/catalog/schema';
import type { AppDatabase, UserPlanRow } from './database';
import { ValidationError } from './errors';

/**
 * Loads a plan from a JSON file's text. Validated before anything is stored; a plan with the id
 * of a built-in plan or of an already loaded one is refused so nothing is replaced by accident.
 */
export async function loadUserPlan(
  db: AppDatabase,
  text: string,
  fileName: string,
  builtinIds: ReadonlySet<string>,
  by: string,
): Promise<{ ok: true; plan: Plan } | { ok: false; errors: string[] }> {
  const parsed = parsePlanJson(text);
  if (!parsed.ok) return parsed;
  const plan = parsed.plan;
  if (builtinIds.has(plan.id)) {
    return {
      ok: false,
      errors: [`id：“${plan.id}”是内置规划的编号，内置规划不能被替换；请改用其他 id`],
    };
  }
  try {
    await db.transaction('rw', db.userPlans, db.auditLog, async () => {
      if (await db.userPlans.get(plan.id)) {
        throw new ValidationError(
          `id：已加载过编号为“${plan.id}”的规划；如需替换，请先移除它`,
          'id',
        );
      }
      const row: UserPlanRow = { id: plan.id, plan, fileName, loadedAt: new Date().toISOString() };
      await db.userPlans.add(row);
      await db.auditLog.add({
        entity: 'plan',
        key: plan.id,
        planId: plan.id,
        action: 'create',
        before: null,
        after: { id: plan.id, name: plan.name, fileName },
        by,
        at: row.loadedAt,
        reason: '',
      });
    });
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, errors: [error.message] };
    throw error;
  }
  return { ok: true, plan };
}

export async function listUserPlans(db: AppDatabase): Promise<UserPlanRow[]> {
  return db.userPlans.toArray();
}

/** Removes a user-loaded plan. Its regions and values stay, so reloading the file restores them. */
export async function removeUserPlan(db: AppDatabase, planId: string, by: string): Promise<void> {
  await db.transaction('rw', db.userPlans, db.auditLog, async () => {
    const before = await db.userPlans.get(planId);
    if (!before) return;
    await db.userPlans.delete(planId);
    await db.auditLog.add({
      entity: 'plan',
      key: planId,
      planId,
      action: 'delete',
      before: { id: planId, name: before.plan.name, fileName: before.fileName },
      after: null,
      by,
      at: new Date().toISOString(),
      reason: '',
    });
  });
}
