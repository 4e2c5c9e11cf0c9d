import { describe, expect, it } from 'vitest';
import {
  bookTitle,
  chineseNumeral,
  completionTableNotes,
  formatReportDate,
  reportTitle,
  revisedBaselineLine,
  statusCountText,
  titleLines,
  variationText,
  warningIntro,
} from './report';

describe('report wording', () => {
  it('numbers headings in Chinese numerals: 一 … 十, 十二, 二十, 三十五', () => {
    expect([1, 8, 10, 12, 20, 35].map(chineseNumeral)).toEqual([
      '一',
      '八',
      '十',
      '十二',
      '二十',
      '三十五',
    ]);
  });

  it('writes dates on Beijing time, whatever the machine’s zone', () => {
    // 16:30 UTC on 28 February is 00:30 on 1 March in Beijing.
    expect(formatReportDate('2019-02-28T16:30:00.000Z')).toBe('2019年3月1日');
    expect(formatReportDate('2019-02-28T15:59:00.000Z')).toBe('2019年2月28日');
  });

  it('puts a title in book-title marks once', () => {
    expect(bookTitle('《周村区规划》')).toBe('《周村区规划》');
    expect(reportTitle('周村区“十三五”基本公共服务均等化规划', 'final')).toBe(
      '《周村区“十三五”基本公共服务均等化规划》终期评估报告',
    );
  });

  it('counts in the report’s order, zeros left out, achieved early said as such mid-term', () => {
    const counts = { no_data: 3, achieved: 2, lagging: 1, on_track: 0 };
    expect(statusCountText(counts, 'midterm')).toBe('提前实现2项、进度滞后1项、无数据3项');
    expect(statusCountText(counts, 'final')).toBe('已实现2项、进度滞后1项、无数据3项');
  });

  it('says a revised baseline with both figures and the reason, once punctuated', () => {
    expect(revisedBaselineLine('每千人口床位数', '张', 2015, 4.31, 4.35, '统计年鉴更正。')).toBe(
      '每千人口床位数：2015年基期值由规划值4.31张修订为4.35张，理由：统计年鉴更正。',
    );
    expect(revisedBaselineLine('护理型床位比例', '%', 2015, null, 12, '')).toBe(
      '护理型床位比例：规划未列2015年基期值，录入12%。',
    );
  });

  it('keeps small coefficients of variation visible', () => {
    expect(variationText(0.00005)).toBe('0.005%');
    expect(variationText(0.142857)).toBe('14.3%');
    expect(variationText(null)).toBe('—');
  });

  it('notes under 附表1 are numbered and name the preliminary mark only when there is one', () => {
    expect(
      completionTableNotes({ hasPreliminary: false, hasCumulative: false, mode: 'final' }),
    ).toHaveLength(2);
    expect(
      completionTableNotes({ hasPreliminary: true, hasCumulative: true, mode: 'midterm' }).at(-1),
    ).toBe('4.标“*”的数值为初步数。');
  });
});

describe('titles broken into lines', () => {
  it('breaks after a phrase, never inside a word, at most 20 characters a line', () => {
    expect(titleLines('《达州市“十三五”基本公共服务均等化规划》中期评估报告')).toEqual([
      '《达州市“十三五”基本公共服务',
      '均等化规划》中期评估报告',
    ]);
    expect(titleLines('《周村区推进基本公共服务均等化“十三五”规划》终期评估报告')).toEqual([
      // Before the opening quote: 15 and 14 characters.
      '《周村区推进基本公共服务均等化',
      '“十三五”规划》终期评估报告',
    ]);
    expect(
      titleLines('《达州市“十三五”基本公共服务均等化规划2017年实施计划》终期评估报告'),
    ).toEqual(
      // 20 characters, then a break before the year.
      ['《达州市“十三五”基本公共服务均等化规划', '2017年实施计划》终期评估报告'],
    );
    expect(
      titleLines('《大连市人民政府关于大连市推进基本公共服务均等化的实施意见》中期评估报告'),
    ).toEqual(['《大连市人民政府关于大连市', '推进基本公共服务均等化的', '实施意见》中期评估报告']);
    expect(titleLines('《短标题》中期评估报告')).toEqual(['《短标题》中期评估报告']);
  });
});

describe('the opening of 三、预警 (evaluator trial)', () => {
  it('does not say "no indicator is behind" without naming those it could not judge', () => {
    // 47 items, 2 achieved, 45 without data: "没有未实现…" alone read as if all were fine.
    expect(warningIntro({}, 'final', 2020, 45)).toBe(
      '截至2020年，在能够判断的指标中，没有未实现或预计难以实现的指标；另有45项缺少数据、无法计算或待人工评定，未作判断（见附表1）。',
    );
    expect(warningIntro({ lagging: 2 }, 'midterm', 2018, 3)).toBe(
      '截至2018年，进度滞后2项，共2项，按结论的严重程度和完成进度落后于时间进度的幅度列示如下。另有3项缺少数据、无法计算或待人工评定，未作判断（见附表1）。',
    );
    expect(warningIntro({}, 'midterm', 2018, 0)).toBe(
      '截至2018年，没有进度滞后、逆向变化或预计难以实现的指标。',
    );
  });
});
