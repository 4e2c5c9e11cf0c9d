import { describe, expect, it } from 'vitest';
import { loadAllPlans } from '../catalog/test-plans';
import { parseActualsCsv, parseCsvNumber } from './actuals-csv';

const dazhou = loadAllPlans().find((p) => p.id === 'dazhou');
if (!dazhou) throw new Error('dazhou plan missing');

describe('actuals CSV', () => {
  it('reads ids or exact names, optional region (default: the plan area), quoted notes, BOM and CRLF', () => {
    const text =
      '\uFEFFindicator,region,year,value,note\r\n每千人口床位数,,2018,5.2,"市卫健委,初步"\r\nhealth.hospital-beds-per-1000,通川区,2018,6,\r\n';
    const result = parseActualsCsv(dazhou, text);
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          itemId: 'health.hospital-beds-per-1000',
          regionId: 'dazhou',
          year: 2018,
          value: 5.2,
          note: '市卫健委,初步',
        },
        {
          line: 3,
          itemId: 'health.hospital-beds-per-1000',
          regionId: 'tongchuan',
          year: 2018,
          value: 6,
          note: '',
        },
      ],
    });
  });

  it('names a missing header column', () => {
    const result = parseActualsCsv(dazhou, 'indicator,value\nx,1\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toContain('表头缺少列 year');
  });

  it('reports an unterminated quote with its line', () => {
    const result = parseActualsCsv(
      dazhou,
      'indicator,year,value,note\n每千人口床位数,2018,5,"open\n',
    );
    expect(result).toEqual({ ok: false, errors: ['第2行：引号没有闭合'] });
  });

  it('reads figures as people write them', () => {
    expect(parseCsvNumber('96.98%')).toBe(96.98);
    expect(parseCsvNumber('９６．９８')).toBe(96.98);
    expect(parseCsvNumber('1,234.5')).toBe(1234.5);
    expect(parseCsvNumber('-2.68')).toBe(-2.68);
    expect(parseCsvNumber('约5')).toBeNull();
    expect(parseCsvNumber('')).toBeNull();
    expect(parseCsvNumber('1e400')).toBeNull();
  });
});
