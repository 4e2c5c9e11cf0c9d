import { describe, expect, it } from 'vitest';
import { citationText, indicatorRow, sectionOf } from './citation';
import { loadAllPlans, sourceLines } from './test-plans';

// Expected citations are read off the source documents by hand (data/sources, line numbers).
const plans = loadAllPlans();
const plan = (id: string) => {
  const found = plans.find((p) => p.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('citations by title, section and line', () => {
  it('cite 达州 九年义务教育巩固率 by the document title and its table, not by file name', () => {
    const dazhou = plan('dazhou');
    const text = citationText(dazhou, sourceLines(dazhou.source.file), 81);
    expect(text).toBe(
      '《达州市“十三五”基本公共服务均等化规划》，达州市“十三五”时期基本公共服务领域主要发展指标，第81行',
    );
    expect(text).not.toContain('.txt');
  });

  it('name 专栏 boxes (周村 专栏1) and appendices with their lists (邯郸 附件1)', () => {
    const zhoucun = plan('zhoucun');
    expect(citationText(zhoucun, sourceLines(zhoucun.source.file), 94)).toBe(
      '《周村区推进基本公共服务均等化“十三五”规划》，专栏1 “十三五”基本公共服务领域主要发展指标，第94行',
    );
    const handan = plan('handan');
    // 附件1 (line 666) holds the service list; line 688 is under its 一、基本公共教育.
    expect(sectionOf(sourceLines(handan.source.file), 688)?.title).toBe('附件1，一、基本公共教育');
  });

  it('keep a heading followed by its paragraph to the heading (周村 line 389)', () => {
    const zhoucun = plan('zhoucun');
    expect(sectionOf(sourceLines(zhoucun.source.file), 390)?.title).toBe('（一）均衡发展义务教育');
  });

  it('cite without a section when the source text is not at hand', () => {
    expect(citationText(plan('dalian'), null, 22)).toBe(
      '《大连市人民政府关于大连市推进基本公共服务均等化的实施意见》，第22行',
    );
  });
});

describe('a table row under its own column headers', () => {
  it('达州 (000 lines 71–81): 指标 / 2015年 / 2020年 / 五年累计增加', () => {
    const dazhou = plan('dazhou');
    const item = dazhou.indicators.find((i) => i.id === 'education.compulsory-retention-rate');
    if (!item) throw new Error('item');
    expect(indicatorRow(item, sourceLines(dazhou.source.file), item.source.line)).toEqual({
      headers: ['指标', '2015年', '2020年', '五年累计增加'],
      cells: ['九年义务教育巩固率（%）', '96.98', '97', '0.02'],
    });
  });

  it('周村 专栏1 has a 责任单位 column; 邯郸 prints its headers on separate lines with a blank 指标', () => {
    const zhoucun = plan('zhoucun');
    const preschool = zhoucun.indicators.find(
      (i) => i.id === 'education.preschool-gross-enrollment',
    );
    if (!preschool) throw new Error('item');
    expect(
      indicatorRow(preschool, sourceLines(zhoucun.source.file), preschool.source.line),
    ).toEqual({
      headers: ['指标', '2015年', '2020年', '累计', '责任单位'],
      cells: ['学前教育三年毛入学率（%）', '99', '>99', '—', '区教体局'],
    });
    const handan = plan('handan');
    const retention = handan.indicators.find((i) => i.id === 'education.compulsory-retention-rate');
    if (!retention) throw new Error('item');
    expect(
      indicatorRow(retention, sourceLines(handan.source.file), retention.source.line)?.headers,
    ).toEqual(['指标', '2015年', '2020年', '累计']);
  });

  it('finds a header row for every indicator of the three plans with a table', () => {
    for (const id of ['dazhou', 'zhoucun', 'handan']) {
      const p = plan(id);
      for (const item of p.indicators) {
        const row = indicatorRow(item, sourceLines(p.source.file), item.source.line);
        expect(row?.headers.slice(0, 3), `${id} ${item.id}`).toEqual(['指标', '2015年', '2020年']);
      }
    }
  });
});
