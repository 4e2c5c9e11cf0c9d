import {
  writeExchangeFile,
  type DatasetKind,
  type ExchangeContent,
  type ExchangeScope,
} from '../../domain/exchange/exchange-file';
import type { ExchangeAuditRow } from '../../domain/exchange/exchange-rows';
import {
  EXCHANGE_KINDS,
  EXCHANGE_TABLES,
  tableOfAuditEntity,
  type ExchangeTableSpec,
} from '../../domain/exchange/exchange-tables';
import { SCHEMA_VERSION, type AppDatabase } from '../database';

/** Everything: what a backup holds. */
export const COMPLETE_SCOPE: ExchangeScope = {
  isComplete: true,
  planId: null,
  regionId: null,
  fromYear: null,
  toYear: null,
  kinds: EXCHANGE_KINDS.map((k) => k.id),
};

export interface ExportOptions {
  appVersion: string;
  exportedBy: string;
  now?: Date;
}

export interface ExportResult {
  text: string;
  checksum: string;
  exportedAt: string;
  /** Rows by table. */
  counts: Record<string, number>;
}

export const datasetOf = (db: AppDatabase): DatasetKind =>
  db.name.endsWith('-demo') ? 'demo' : 'user';

/** Whether a table's rows belong in a file of this scope (before row by row filtering). */
function isTableIncluded(spec: ExchangeTableSpec, scope: ExchangeScope): boolean {
  if (scope.isComplete) return true;
  switch (spec.role) {
    case 'data':
      return spec.kind !== null && scope.kinds.includes(spec.kind);
    case 'context':
    case 'history':
      return true;
    case 'personal':
      return false;
  }
}

/**
 * The rows of a data set within a scope, read in one transaction so the copy is consistent:
 * everything for a backup; otherwise the chosen kinds of one plan (one region, a range of
 * years), the regions and loaded plan they refer to, and the history of exactly those records.
 * Tables come in the registry's order and rows in key order, so the same data always gives the
 * same bytes.
 */
export async function readScope(
  db: AppDatabase,
  scope: ExchangeScope,
): Promise<Record<string, unknown[]>> {
  const specs = EXCHANGE_TABLES.filter((spec) => isTableIncluded(spec, scope));
  return db.transaction(
    'r',
    specs.map((spec) => db.table(spec.table)),
    async () => {
      const tables: Record<string, unknown[]> = {};
      for (const spec of specs) {
        const rows = await db.table(spec.table).toArray();
        if (scope.isComplete) {
          tables[spec.table] = rows;
          continue;
        }
        if (spec.role === 'history') {
          tables[spec.table] = (rows as ExchangeAuditRow[]).flatMap((row) => {
            const owner = tableOfAuditEntity(row.entity);
            if (
              owner === undefined ||
              !isTableIncluded(owner, scope) ||
              !(owner.auditInScope?.(row, scope) ?? false)
            ) {
              return [];
            }
            // A row of one action over several years keeps only the years in the file: the
            // other laptop must not learn of writes it does not receive (merge.ts takes what a
            // laptop's history knows as what it has seen).
            const narrowed = owner.narrowHistory ? owner.narrowHistory(row, scope) : row;
            return narrowed ? [narrowed] : [];
          });
          continue;
        }
        tables[spec.table] = rows
          .filter((row) => spec.inScope(row, scope))
          .map((row) => (spec.narrow ? spec.narrow(row, scope) : row))
          .filter((row) => row !== null);
      }
      return tables;
    },
  );
}

/** Writes an exchange file of the scope (a backup when the scope is complete). */
export async function exportExchange(
  db: AppDatabase,
  scope: ExchangeScope,
  options: ExportOptions,
): Promise<ExportResult> {
  const tables = await readScope(db, scope);
  const exportedAt = (options.now ?? new Date()).toISOString();
  const content: ExchangeContent = {
    schemaVersion: SCHEMA_VERSION,
    dataset: datasetOf(db),
    scope,
    tables,
  };
  const { text, checksum } = await writeExchangeFile(
    { appVersion: options.appVersion, exportedAt, exportedBy: options.exportedBy },
    content,
  );
  const counts = Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [name, rows.length]),
  );
  return { text, checksum, exportedAt, counts };
}
