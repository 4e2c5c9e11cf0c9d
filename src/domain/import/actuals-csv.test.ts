import { describe, expect, it } from 'vitest';
import { loadAllPlans } from '../catalog/test-plans';
import { parseActualsCsv } from './actuals-csv';

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

  it('refuses a note a spreadsheet would run as a formula, or holding web page code, naming line and column', () => {
    const text = [
      'indicator,region,year,value,note',
      '每千人口床位数,,2018,5.2,"=HYPERLINK(""http://x"",""点击"")"',
      '每千人口床位数,通川区,2018,6,<script>alert(1)</script>',
      '每千人口床位数,宣汉县,2018,6,-3%（初步）',
    ].join('\n');
    expect(parseActualsCsv(dazhou, text)).toEqual({
      ok: false,
      errors: [
        '第2行 note 列：以“=”开头，电子表格软件会把它当作公式执行；请去掉开头的符号',
        '第3行 note 列：备注中有网页代码“<script”，不像是录入的内容',
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

  it('reads figures as people write them, with the rules of the entry grid', () => {
    const text = [
      'indicator,region,year,value',
      '基本养老保险参保率,达州市,２０１７,９６．９８％',
      '每千人口床位数,达州市,2017,"1,234"',
      '出生人口性别比,达州市,2017,109.68:100',
      '学前三年毛入学率,达州市,2017,103.5%',
    ].join('\n');
    const result = parseActualsCsv(dazhou, text);
    expect(result.ok && result.rows.map((r) => [r.year, r.value])).toEqual([
      [2017, 96.98],
      [2017, 1234],
      [2017, 109.68],
      [2017, 103.5],
    ]);
  });

  it('names the line and column of every refused value, region and year, and returns no rows', () => {
    const text = [
      'indicator,region,year,value',
      '人均预期寿命,达州市,2017,-5',
      '每千人口床位数,,2017,',
      '每千人口床位数,万源市,2017,5',
      '每千人口床位数,达州市,2025,5',
      '每千人口床位数,达州市,2017,1e309',
      '每千人口床位数,达州市,2016,5',
    ].join('\n');
    expect(parseActualsCsv(dazhou, text, { unknownRegionHint: '请先声明' })).toEqual({
      ok: false,
      errors: [
        '第2行 value 列：年龄应在0—150之间（“-5”）',
        '第3行 value 列：没有数值',
        '第4行 region 列：本规划没有区域“万源市”（已知区域：达州市、通川区、达川区、宣汉县、开江县、大竹县、渠县；请先声明）',
        '第5行 year 列：年份“2025”不在2015—2020年之间',
        '第6行 value 列：“1e309”是科学计数法，请写成普通数字',
      ],
    });
  });

  it('accepts a region outside the catalog only when the caller declares it', () => {
    const text = 'indicator,region,year,value\n每千人口床位数,万源市,2017,5\n';
    const result = parseActualsCsv(dazhou, text, { extraRegions: ['万源市'] });
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          itemId: 'health.hospital-beds-per-1000',
          regionId: '万源市',
          year: 2017,
          value: 5,
          note: '',
        },
      ],
    });
  });
});
