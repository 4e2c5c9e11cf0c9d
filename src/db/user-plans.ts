import { planFingerprint } from '../domain/catalog/fingerprint';
import { parsePlanJson } from '../domain/catalog/validate';
import type { Plan } from '../domain/catalog/schema';
import { auditOrigin } from './audit';
import { announceChange } from './changes';
import type { AppDatabase, RecordAuditRow, UserPlanRow } from './database';
import { ValidationError } from './errors';

/** What the audit log records of a loaded plan; `fingerprint` since plan files got one. */
interface PlanRecord {
  id: string;
  name: string;
  fileName: string;
  fingerprint?: string;
}

/** The values stored under a plan id (cleared ones, kept as tombstones, not counted). */
async function countValues(db: AppDatabase, planId: string): Promise<number> {
  let count = 0;
  await db.series
    .where('[planId+regionId+itemId]')
    .between([planId], [planId, []])
    .each((series) => {
      count += Object.values(series.cells).filter((cell) => cell.value !== null).length;
    });
  return count;
}

/** Regions, values and judgements stored under a plan id, which a plan removed leaves behind. */
async function storedDataUnder(db: AppDatabase, planId: string): Promise<string[]> {
  const [values, judgements, regions] = await Promise.all([
    countValues(db, planId),
    db.judgements.where('planId').equals(planId).count(),
    db.regions.where('planId').equals(planId).count(),
  ]);
  return [
    values ? `${values}个数值` : '',
    judgements ? `${judgements}条评估判断` : '',
    regions ? `${regions}个区域` : '',
  ].filter(Boolean);
}

/** The plan most recently loaded under an id, as its audit entry recorded it. */
export async function lastLoadedPlan(db: AppDatabase, planId: string): Promise<PlanRecord | null> {
  const entries = await db.auditLog.where('key').equals(planId).sortBy('seq');
  const loaded = entries.filter(
    (e): e is RecordAuditRow => e.entity === 'plan' && e.action === 'create',
  );
  return (loaded.at(-1)?.after as PlanRecord | undefined) ?? null;
}

/**
 * Loads a plan from a JSON file's text. Validated before anything is stored; a plan with the id
 * of a built-in plan or of an already loaded one is refused so nothing is replaced by accident.
 *
 * Removing a plan keeps its regions, values and judgements, so that loading the file again
 * restores them. A *different* file under that id would show those values against its own
 * items, so it is refused: each load records the SHA-256 of the catalog (planFingerprint) in
 * the audit log, and a plan id with stored data loads only with the fingerprint it was stored
 * under. The message names the earlier plan and says how to proceed (a new id, or the original
 * file). Without a recorded fingerprint (data from before fingerprints) it is refused too.
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
  // Hashed before the transaction: no awaits on non-Dexie work inside one.
  const fingerprint = await planFingerprint(plan);
  const tables = [db.userPlans, db.auditLog, db.series, db.judgements, db.regions];
  try {
    await db.transaction('rw', tables, async () => {
      if (await db.userPlans.get(plan.id)) {
        throw new ValidationError(
          `id：已加载过编号为“${plan.id}”的规划；如需替换，请先移除它`,
          'id',
        );
      }
      const stored = await storedDataUnder(db, plan.id);
      const earlier = stored.length ? await lastLoadedPlan(db, plan.id) : null;
      if (stored.length && earlier?.fingerprint !== fingerprint) {
        const what = stored.join('、');
        const message = earlier
          ? `id：编号“${plan.id}”下仍保存着此前载入的规划“${earlier.name}”（文件 ${earlier.fileName}）的数据（${what}），而本文件的内容与它不同。为免旧数值对应到新文件的指标上，未载入。请把本文件的 id 改为新的编号后再载入；或重新载入原文件 ${earlier.fileName}，旧数据随之恢复。`
          : `id：编号“${plan.id}”下仍保存着此前载入的规划的数据（${what}），无法确认本文件与它相同。为免旧数值对应到新文件的指标上，未载入。请把本文件的 id 改为新的编号后再载入。`;
        throw new ValidationError(message, 'id');
      }
      const row: UserPlanRow = { id: plan.id, plan, fileName, loadedAt: new Date().toISOString() };
      await db.userPlans.add(row);
      const record: PlanRecord = { id: plan.id, name: plan.name, fileName, fingerprint };
      await db.auditLog.add({
        entity: 'plan',
        key: plan.id,
        planId: plan.id,
        action: 'create',
        before: null,
        after: record,
        ...auditOrigin(),
        by,
        at: row.loadedAt,
        reason: '',
      });
    });
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, errors: [error.message] };
    throw error;
  }
  announceChange(db, { kind: 'plans' });
  return { ok: true, plan };
}

export async function listUserPlans(db: AppDatabase): Promise<UserPlanRow[]> {
  return db.userPlans.toArray();
}

/** Removes a user-loaded plan. Its regions and values stay, so reloading the file restores them. */
export async function removeUserPlan(db: AppDatabase, planId: string, by: string): Promise<void> {
  const isRemoved = await db.transaction('rw', db.userPlans, db.auditLog, async () => {
    const before = await db.userPlans.get(planId);
    if (!before) return false;
    await db.userPlans.delete(planId);
    await db.auditLog.add({
      entity: 'plan',
      key: planId,
      planId,
      action: 'delete',
      before: {
        id: planId,
        name: before.plan.name,
        fileName: before.fileName,
        fingerprint: await lastLoadedPlan(db, planId).then((p) => p?.fingerprint),
      },
      after: null,
      ...auditOrigin(),
      by,
      at: new Date().toISOString(),
      reason: '',
    });
    return true;
  });
  if (isRemoved) announceChange(db, { kind: 'plans' });
}
