import { describe, expect, it } from 'vitest';
import type { ChecklistRow } from '../spreadsheet/checklist-sheet';
import { previewChecklist } from './import-preview';
import type { ImplementationRecord } from './model';

const row = (n: number, id: string, more: Partial<ChecklistRow> = {}): ChecklistRow => ({
  row: n,
  subject: { kind: 'service', id },
  name: id,
  status: null,
  evidence: '',
  documentRef: '',
  reply: '',
  errors: [],
  ...more,
});

const stored = (
  id: string,
  status: ImplementationRecord['status'],
  evidence: string,
  version: number,
  year = 2018,
): ImplementationRecord & { version: number } => ({
  planId: 'zhoucun',
  subject: { kind: 'service', id },
  regionId: 'zhoucun',
  year,
  status,
  evidence,
  documentRef: '',
  reply: '',
  by: '王评估',
  at: '2019-01-10T00:00:00.000Z',
  version,
});

const current = [
  stored('svc.a', 'in_progress', '已发放上半年', 2),
  stored('svc.b', 'done', '已全面落实', 1),
  // Another year's record is not this file's: svc.c is new for 2018.
  stored('svc.c', 'done', '2017年已落实', 1, 2017),
];

describe('the preview of a filled 落实情况表', () => {
  const preview = previewChecklist(
    [
      row(4, 'svc.a', { status: 'done', evidence: '全年发放' }),
      row(5, 'svc.b', { status: 'done', evidence: '已全面落实' }),
      row(6, 'svc.c', { status: 'in_progress' }),
      row(7, 'svc.d'),
      row(8, 'svc.e', { status: null, errors: ['落实情况表!G8（svc.e）：落实情况“完成”应为…'] }),
    ],
    current,
    { planId: 'zhoucun', regionId: 'zhoucun', year: 2018 },
  );

  it('sorts rows into new, changed (old → new), unchanged, blank and invalid', () => {
    expect(preview.rows.map((r) => [r.row.row, r.kind])).toEqual([
      [4, 'changed'],
      [5, 'unchanged'],
      [6, 'new'],
      [7, 'blank'],
      [8, 'invalid'],
    ]);
    expect(preview.rows[0]?.before).toMatchObject({ status: 'in_progress', version: 2 });
    expect(preview.counts).toEqual({ new: 1, changed: 1, unchanged: 1, blank: 1, invalid: 1 });
  });

  it('is all or nothing: an invalid row stops the import until the file is corrected', () => {
    expect(preview.canCommit).toBe(false);
    const fixed = previewChecklist(
      [
        row(4, 'svc.a', { status: 'done', evidence: '全年发放' }),
        row(6, 'svc.c', { status: 'in_progress' }),
      ],
      current,
      { planId: 'zhoucun', regionId: 'zhoucun', year: 2018 },
    );
    expect(fixed.canCommit).toBe(true);
    // Each write states the version the preview showed (0: none), so a change made meanwhile is a conflict.
    expect(fixed.inputs).toEqual([
      {
        planId: 'zhoucun',
        regionId: 'zhoucun',
        subject: { kind: 'service', id: 'svc.a' },
        year: 2018,
        status: 'done',
        evidence: '全年发放',
        documentRef: '',
        reply: '',
        expectedVersion: 2,
      },
      {
        planId: 'zhoucun',
        regionId: 'zhoucun',
        subject: { kind: 'service', id: 'svc.c' },
        year: 2018,
        status: 'in_progress',
        evidence: '',
        documentRef: '',
        reply: '',
        expectedVersion: 0,
      },
    ]);
  });

  it('has nothing to write when every row is unchanged or blank', () => {
    const same = previewChecklist(
      [row(5, 'svc.b', { status: 'done', evidence: '已全面落实' }), row(7, 'svc.d')],
      current,
      { planId: 'zhoucun', regionId: 'zhoucun', year: 2018 },
    );
    expect(same.canCommit).toBe(false);
    expect(same.inputs).toEqual([]);
  });
});

describe('what the preview compares and shows (hostile test)', () => {
  it('an untouched sheet is unchanged although the form kept spaces and line breaks the sheet drops', () => {
    const preview = previewChecklist(
      [row(4, 'svc.a', { status: 'in_progress', evidence: '2018年已全面免除学杂费\n第二行' })],
      [stored('svc.a', 'in_progress', ' 2018年已全面免除学杂费\r\n第二行\n', 2)],
      { planId: 'zhoucun', regionId: 'zhoucun', year: 2018 },
    );
    expect(preview.rows.map((r) => r.kind)).toEqual(['unchanged']);
    expect(preview.canCommit).toBe(false);
  });

  it('names every field a changed row changes, an erased evidence included', () => {
    const preview = previewChecklist(
      [row(4, 'svc.a', { status: 'in_progress', evidence: '', reply: '已按期推进' })],
      [stored('svc.a', 'in_progress', '第一行 第二行', 2)],
      { planId: 'zhoucun', regionId: 'zhoucun', year: 2018 },
    );
    expect(preview.rows[0]).toMatchObject({
      kind: 'changed',
      changes: [
        { field: 'evidence', before: '第一行 第二行', after: '' },
        { field: 'reply', before: '', after: '已按期推进' },
      ],
    });
  });
});
