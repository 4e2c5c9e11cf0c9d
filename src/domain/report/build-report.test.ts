import { describe, expect, it } from 'vitest';
import { applyJudgements, assessPlan, indexValues } from '../assessment/plan';
import { buildReport } from './build-report';
import { reportFacts } from './facts';
import type { Report, ReportTable } from './model';
import { BEDS, JOBS, dazhou, input, obs, plan } from './test-input';

// Every expected text below is worked out by hand from docs/methodology.md, docs/wording.md and
// the plan rows; none is produced by the code under test.
const paragraphs = (report: Report, id: string) =>
  report.sections
    .find((s) => s.id === id)
    ?.blocks.flatMap((b) =>
      b.type === 'paragraph'
        ? [`${b.lead ?? ''}${b.text}`]
        : b.type === 'heading' || b.type === 'placeholder'
          ? [b.text]
          : [],
    ) ?? [];
const tableIn = (report: Report, id: string): ReportTable => {
  for (const s of report.sections)
    for (const b of s.blocks) if (b.type === 'table' && b.table.id === id) return b.table;
  const appendix = report.appendices.find((a) => a.table.id === id);
  if (appendix) return appendix.table;
  throw new Error(id);
};
const texts = (table: ReportTable) => table.rows.map((row) => row.map((c) => c.text));

describe('the mid-term report of 达州市 as of 2018', () => {
  const report = buildReport(input());

  it('is titled with the plan in book-title marks and numbers its eight sections 一 to 八', () => {
    expect(report.title).toBe('《达州市“十三五”基本公共服务均等化规划》中期评估报告');
    expect(report.subtitle).toBe('（评估范围：达州市；评估时点：2018年）');
    expect(report.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、主要指标完成情况',
      '三、预警',
      '四、区域均衡',
      '五、服务清单和重点任务落实情况',
      '六、存在的问题及原因',
      '七、下一步建议',
      '八、数据说明',
    ]);
    expect(report.demoNotice).toBeNull();
  });

  it('says in 总体情况 what was assessed, with which data, how, and the counts by status', () => {
    const [scope, data, method, summary] = paragraphs(report, 'overview');
    expect(scope).toBe(
      '本报告对《达州市“十三五”基本公共服务均等化规划》（达市府办发〔2017〕34号）确定的26项主要指标和' +
        '规划文本提出的18项量化目标截至2018年的实施情况进行中期评估。评估范围为达州市，区域均衡部分比较' +
        '通川区、渠县2个区县。',
    );
    // Data years: beds, jobs, pension, life, sports on 2018; retention on 2017; 38 without.
    expect(data).toBe(
      '评估使用本系统录入的2016—2018年实际值。各指标所用数据年份：2018年5项、2017年1项；另有38项没有' +
        '实际值。数据来源（录入时注明）：市卫健委、市统计局。数据更新至2019年3月1日。其中1个数值为初步数，' +
        '见“数据说明”。',
    );
    expect(method).toContain(
      '与时间进度（数据年份距2015年基期的年数占规划期2016—2020年的比例，2018年为60.0%）',
    );
    expect(method).toContain('缺少数据的年份既不计为零，也不估算');
    // Effective statuses: reading judged on track; retention and sports achieved early; beds,
    // jobs, life lagging; pension regressing; 44 − 7 = 37 without data. 3 of 7 judged: 42.9%.
    expect(summary).toBe(
      '纳入评估的44项指标中，符合进度1项、提前实现2项、进度滞后3项、逆向变化1项、无数据37项' +
        '（其中1项为评估人员评定）。可作出判断的7项中，符合进度或提前实现的3项，占42.9%。',
    );
  });

  it('counts statuses by domain in 表1, with a total row', () => {
    const table = tableIn(report, 'domain-status');
    expect(table.caption).toBe('表1 各领域指标评估结论');
    expect(table.columns.map((c) => c.header)).toEqual([
      '领域',
      '指标数',
      '符合进度',
      '提前实现',
      '进度滞后',
      '逆向变化',
      '无数据',
    ]);
    expect(texts(table)[3]).toEqual(['基本医疗和公共卫生服务', '11', '0', '0', '2', '0', '9']);
    expect(texts(table).at(-1)).toEqual(['合计', '44', '1', '2', '3', '1', '37']);
  });

  it('states each indicator with its figures in 主要指标完成情况, grouping those without data', () => {
    const lines = paragraphs(report, 'indicators');
    expect(lines).toContain('（四）基本医疗和公共卫生服务');
    expect(lines).toContain('本领域纳入评估11项：进度滞后2项、无数据9项。');
    expect(lines).toContain(
      '2.每千人口床位数。2018年实际值4.8张，基期值4.31张，2020年目标值5.70张；完成进度35.3%，低于时间进度' +
        '60.0%，进度滞后；距目标还差0.9张，需年均提高0.45张（此前年均提高0.16张）；按趋势推算2020年约为' +
        '5.11张，难以实现目标。2018年数值为初步数。',
    );
    const reading = lines.find((l) => l.includes('群众综合阅读率。'));
    expect(reading).toContain(
      '评估人员评定为符合进度，理由：市文广旅局抽样调查2018年为85%（计算结果为无数据）。',
    );
    expect(lines.join('')).not.toMatch(/成效显著|稳步推进|取得.*成绩/);
  });

  it('lists in 预警 what is behind, worst first, with the pace needed', () => {
    expect(paragraphs(report, 'warnings')[0]).toBe(
      '截至2018年，进度滞后3项、逆向变化1项，共4项，按结论的严重程度和完成进度落后于时间进度的幅度列示如下。' +
        // the 37 without data of 总体情况 (44 − 7)
        '另有37项缺少数据、无法计算或待人工评定，未作判断（见附表1）。',
    );
    // Regressing first; then τ − P: beds 24.7, life 21.9 ((76 − 75.2)/(77.3 − 75.2) = 38.1%), jobs 19.4.
    expect(texts(tableIn(report, 'warnings'))).toEqual([
      [
        '1',
        '基本养老保险参保率',
        '逆向变化',
        '-14.3%',
        '60.0%',
        '8个百分点',
        '提高4个百分点',
        '下降0.33个百分点',
        '—',
      ],
      [
        '2',
        '每千人口床位数',
        '进度滞后',
        '35.3%',
        '60.0%',
        '0.9张',
        '提高0.45张',
        '提高0.16张',
        '2.8倍',
      ],
      [
        '3',
        '人均预期寿命',
        '进度滞后',
        '38.1%',
        '60.0%',
        '1.3岁',
        '提高0.65岁',
        '提高0.27岁',
        '2.4倍',
      ],
      [
        '4',
        '新增城镇就业人数',
        '进度滞后（需复核）',
        '40.6%',
        '60.0%',
        '10.1万人',
        '年均完成5.05万人',
        '年均完成3.45万人',
        '1.5倍',
      ],
    ]);
  });

  it('compares counties in 区域均衡 by the coefficient of variation', () => {
    // 2016: 5.0 and 4.0 → mean 4.5, σ 0.5, CV 11.1%; 2018: 5.6 and 4.2 → mean 4.9, σ 0.7, CV 14.3%.
    expect(paragraphs(report, 'equalization')[0]).toBe(
      '对有2个以上区县数据的1项相对指标（比率、人均或每千人等，不含随区县规模变化的总量指标），以变异系数' +
        '衡量区县间差距：与最早有数据的年份相比，扩大的1项。',
    );
    const table = tableIn(report, 'equalization');
    expect(table.caption).toBe('表3 区县间差距（2018年）');
    expect(table.columns.map((c) => c.header)).toEqual([
      '序号',
      '指标',
      '区县数',
      '最低',
      '最高',
      '最高/最低',
      '2016年',
      '2018年',
      '差距变化',
      '未达到目标的区县',
    ]);
    // 5.6 / 4.2 = 1.33; both below 5.70.
    expect(texts(table)).toEqual([
      [
        '1',
        '每千人口床位数',
        '2',
        '4.2张（渠县）',
        '5.6张（通川区）',
        '1.33',
        '11.1%',
        '14.3%',
        '扩大',
        '全部2个',
      ],
    ]);
  });

  it('leaves the service list, the problems and the suggestions to be written, and says so', () => {
    expect(paragraphs(report, 'services')).toEqual([
      '规划列有基本公共服务清单91项。服务清单和重点任务的落实情况尚未在本系统中记录，本报告未作评估；' +
        '由各责任单位另行报送的，在此处补充。',
    ]);
    expect(paragraphs(report, 'problems')).toEqual(['（本部分由评估人员撰写。）']);
    expect(paragraphs(report, 'suggestions')).toEqual(['（本部分由评估人员撰写。）']);
  });

  it('explains the data: missing years, preliminary values, the revised baseline, the plan’s issues, judgements', () => {
    const lines = paragraphs(report, 'data-notes');
    expect(lines.slice(0, 7)).toEqual([
      '（一）缺失数据',
      '九年义务教育巩固率：缺少2018年数据。',
      '新增城镇就业人数：缺少2017年数据。',
      '基本养老保险参保率：缺少2016、2017年数据。',
      '人均预期寿命：缺少2016、2017年数据。',
      '经常参加体育锻炼人数比例：缺少2016、2017年数据。',
      lines[6] as string,
    ]);
    expect(lines[6]).toMatch(/^以下38项2016—2018年没有实际值：义务教育基本均衡县/);
    expect(lines).toContain('（二）初步数据');
    expect(lines).toContain('下列数值为初步数，正式数据发布后需更新：每千人口床位数（2018年）。');
    expect(lines).toContain(
      '人均预期寿命：2015年基期值由规划值75岁修订为75.2岁，理由：2015年统计公报更正为75.2岁。',
    );
    expect(lines).toContain(
      '农村危房改造：五年累计增加栏为10.3，但2020年值11.6减2015年值1.5为10.1；按表录入10.3。',
    );
    // The cataloguer's notes on the source file (no title page, footnote marks lost, empty
    // lines) are not the plan's figures: a report leaves them out.
    expect(dazhou.dataIssues.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.startsWith('规划文本：'))).toEqual([]);
    expect(lines.filter((l) => /转换|乱码|空行|第\d+行/.test(l))).toEqual([]);
    expect(lines).toContain('（四）规划文本中的不一致');
    expect(lines).toContain(
      '群众综合阅读率：评定为符合进度（计算结果为无数据），理由：市文广旅局抽样调查2018年为85%' +
        '（评定人：王评估，2019年3月1日）。',
    );
  });

  it('gives in 附表1 every item in domain order with each year, the verdict, the gap and why', () => {
    const table = tableIn(report, 'completion');
    expect(table.columns.map((c) => c.header)).toEqual([
      '序号',
      '领域',
      '指标',
      '单位',
      '2015年基期值',
      '2020年目标值',
      '2016年',
      '2017年',
      '2018年',
      '完成进度',
      '时间进度',
      '评估结论',
      '差距',
      '需年均变化',
      '说明',
    ]);
    expect(table.columns.slice(6, 9).every((c) => c.group === '各年实际值')).toBe(true);
    const rows = texts(table);
    expect(rows).toHaveLength(44);
    // Education: 4 indicators and 11 prose targets; employment 16–17; pension 18; health from 20.
    expect(rows[0]).toEqual([
      '1',
      '基本公共教育服务',
      '九年义务教育巩固率',
      '%',
      '96.98',
      '97%',
      '97.1',
      '97.3',
      '—',
      '>100%',
      '40.0%',
      '提前实现',
      '—',
      '—',
      '缺少2018年数据，按2017年数据评估',
    ]);
    expect(rows[15]).toEqual([
      '16',
      '基本劳动就业创业服务',
      '新增城镇就业人数',
      '万人',
      '—',
      '2016—2020年累计17万人',
      '3.5',
      '—',
      '3.4',
      '40.6%',
      '60.0%',
      '进度滞后（需复核）',
      '10.1万人',
      '年均完成5.05万人',
      '2016—2018年累计6.9万人；缺少2017年数据（未计入累计值，也未估算）；补齐数据后需复核',
    ]);
    expect(rows[19]).toEqual([
      '20',
      '基本医疗和公共卫生服务',
      '人均预期寿命',
      '岁',
      '75.2',
      '77.3岁',
      '—',
      '—',
      '76',
      '38.1%',
      '60.0%',
      '进度滞后',
      '1.3岁',
      '提高0.65岁',
      '缺少2016、2017年数据；基期值已修订，见数据说明',
    ]);
    expect(rows[20]?.slice(2, 15)).toEqual([
      '每千人口床位数',
      '张',
      '4.31',
      '5.70张',
      '4.4',
      '4.6',
      '4.8*',
      '35.3%',
      '60.0%',
      '进度滞后',
      '0.9张',
      '提高0.45张',
      '2018年为初步数',
    ]);
    const reading = rows.find((r) => r[2] === '群众综合阅读率');
    expect(reading?.slice(11)).toEqual([
      '符合进度（人工评定）',
      '—',
      '—',
      '计算结果为无数据，评定理由见数据说明',
    ]);
    expect(table.notes).toContain('4.标“*”的数值为初步数。');
  });

  it('keeps the numbers behind the cells for spreadsheets: ratios, values, blanks', () => {
    const beds = tableIn(report, 'completion').rows[20];
    expect(beds?.[8]).toEqual({ text: '4.8*', value: 4.8 });
    expect(beds?.[9]?.value).toBeCloseTo(0.49 / 1.39, 9);
    expect(beds?.[10]).toEqual({ text: '60.0%', value: 0.6 });
    expect(tableIn(report, 'completion').rows[15]?.[7]).toEqual({ text: '—', value: null });
  });

  it('counts statuses per county in 附表2', () => {
    // Neither county has its own 2015 value: beds is 无法计算, everything else 无数据.
    const table = tableIn(report, 'county-status');
    expect(report.appendices.map((a) => a.label)).toEqual(['附表1', '附表2']);
    expect(table.columns.map((c) => c.header)).toEqual([
      '序号',
      '区县',
      '无法计算',
      '无数据',
      '可判断',
      '滞后比例',
    ]);
    expect(texts(table)).toEqual([
      ['1', '通川区', '1', '43', '0', '—'],
      ['2', '渠县', '1', '43', '0', '—'],
    ]);
  });
});

describe('other reports', () => {
  it('of a county: its own baseline, no county comparison, no 附表2', () => {
    const report = buildReport(input({ regionId: 'tongchuan' }));
    expect(report.subtitle).toBe('（评估范围：通川区；评估时点：2018年）');
    expect(paragraphs(report, 'overview')[0]).toContain(
      '评估范围为通川区，以通川区自身的2015年数值为基期；没有本地2015年数值的指标不计算完成进度。',
    );
    expect(paragraphs(report, 'equalization')).toEqual([
      '本报告为通川区的评估，区域均衡分析见达州市全域评估报告。',
    ]);
    expect(report.appendices.map((a) => a.label)).toEqual(['附表1']);
  });

  it('of the final year: 终期评估, provisional verdicts counted apart', () => {
    const report = buildReport(
      input({
        asOfYear: 2020,
        observations: [
          obs(BEDS, 'dazhou', 2017, 5.8),
          obs(JOBS, 'dazhou', 2016, 3),
          obs(JOBS, 'dazhou', 2017, 3),
          obs(JOBS, 'dazhou', 2018, 3),
        ],
      }),
    );
    expect(report.title).toBe('《达州市“十三五”基本公共服务均等化规划》终期评估报告');
    expect(paragraphs(report, 'overview')[2]).toMatch(
      /^终期评估以2020年实际值（累计型指标为2016—2020年累计完成量）与目标值比较/,
    );
    // The data end in 2018: the report says so, not "2016—2020年实际值".
    expect(paragraphs(report, 'overview')[1]).toMatch(/^评估使用本系统录入的2016—2018年实际值。/);
    // Beds: 5.8 in 2017, the trend reaches 8.04 → 预计实现; jobs 9 + 3 × 2 = 15 < 17 → 预计难以实现.
    expect(paragraphs(report, 'overview')[3]).toBe(
      '纳入评估的44项指标中，预计实现1项、预计难以实现1项、无数据42项。可作出判断的2项中，已实现或预计实现的1项，占50.0%。',
    );
    // The period is over: no time progress, no pace still needed.
    expect(paragraphs(report, 'warnings')[0]).toBe(
      '截至2020年，预计难以实现1项，共1项，按结论的严重程度和完成进度列示如下。' +
        '另有42项缺少数据、无法计算或待人工评定，未作判断（见附表1）。',
    );
    const warnings = tableIn(report, 'warnings');
    expect(warnings.columns.map((c) => c.header)).toEqual([
      '序号',
      '指标',
      '评估结论',
      '完成进度',
      '差距',
      '数据年份',
    ]);
    // Jobs: 9 of 17 = 52.9%, 8万人 short, on 2016—2018 data.
    expect(texts(warnings)).toEqual([
      ['1', '新增城镇就业人数', '预计难以实现', '52.9%', '8万人', '2018年'],
    ]);
    expect(paragraphs(report, 'warnings').join('')).not.toMatch(/时间进度|需年均/);
  });

  it('prints what the evaluator wrote, one paragraph a line, and the service tracking when given', () => {
    const report = buildReport(
      input({
        narrative: { problems: '一是医疗资源总量不足。\n\n二是区县间差距扩大。', suggestions: '' },
        serviceTracking: { blocks: [{ type: 'paragraph', text: '服务清单落实情况另附。' }] },
        isDemo: true,
      }),
    );
    expect(paragraphs(report, 'problems')).toEqual([
      '一是医疗资源总量不足。',
      '二是区县间差距扩大。',
    ]);
    expect(paragraphs(report, 'suggestions')).toEqual(['（本部分由评估人员撰写。）']);
    expect(paragraphs(report, 'services')).toEqual(['服务清单落实情况另附。']);
    expect(report.demoNotice).toContain('示例数据');
  });

  it('numbers the tables of the service tracking after its own, in one sequence', () => {
    const report = buildReport(
      input({
        serviceTracking: {
          blocks: [
            {
              type: 'table',
              table: {
                id: 'service-tracking-domains',
                caption: '服务清单和重点任务落实情况（2018年）',
                columns: [{ header: '领域', width: 1, align: 'left' }],
                rows: [[{ text: '基本公共教育' }]],
                notes: [],
              },
            },
          ],
        },
      }),
    );
    const captions = report.sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.type === 'table' ? [b.table.caption] : [])),
    );
    const numbers = captions.map((c) => Number(/^表(\d+) /.exec(c)?.[1]));
    expect(captions.at(-1)).toBe(`表${numbers.length} 服务清单和重点任务落实情况（2018年）`);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('of 周村 with a words target judged: counted as judged, listed in 人工评定', () => {
    const zhoucun = plan('zhoucun');
    const item = 'housing.rural-dilapidated-housing-renovation';
    const results = applyJudgements(
      assessPlan(zhoucun, indexValues([]), { regionId: 'zhoucun', role: 'plan-area' }, 2018),
      [
        {
          itemId: item,
          asOfYear: 2017,
          status: 'on_track',
          reason: '区住建局报告：已完成38户',
          by: '李',
          at: '2018-03-01T00:00:00.000Z',
        },
      ],
      2018,
    );
    const report = buildReport({
      plan: zhoucun,
      regions: [{ regionId: 'zhoucun', name: '周村区', role: 'plan-area' }],
      regionId: 'zhoucun',
      asOfYear: 2018,
      results,
      observations: [],
    });
    expect(paragraphs(report, 'data-notes')).toContain(
      '建档立卡贫困户、低保户、农村分散供养特困人员、贫困残疾人家庭等4类重点对象农村危房改造：' +
        '评定为符合进度（沿用2017年评定，待本年度确认；计算结果为需人工评定），理由：区住建局报告：' +
        '已完成38户（评定人：李，2018年3月1日）。',
    );
    expect(paragraphs(report, 'equalization')).toEqual([
      '周村区没有录入区县数据，未作区域均衡分析。',
    ]);
  });
});

describe('facts the evaluator can copy', () => {
  it('names what is behind with its figures, where counties drift apart, and what lacks data', () => {
    const facts = reportFacts(input());
    expect(facts.problems.slice(0, 3)).toEqual([
      '逆向变化的指标：基本养老保险参保率（较基期下降1个百分点）。',
      '进度滞后的指标：每千人口床位数（完成进度35.3%，时间进度60.0%）、人均预期寿命（完成进度38.1%，' +
        '时间进度60.0%）、新增城镇就业人数（完成进度40.6%，时间进度60.0%）。',
      '区县间差距扩大的指标：每千人口床位数（变异系数由2016年的11.1%升至2018年的14.3%）。',
    ]);
    expect(facts.problems[3]).toMatch(/^尚无数据的指标（2016—2018年）37项：义务教育基本均衡县/);
    expect(facts.problems).toHaveLength(4);
    expect(facts.suggestions).toEqual([
      '需加快进度的指标：基本养老保险参保率需年均提高4个百分点（此前年均下降0.33个百分点）、每千人口床位数' +
        '需年均提高0.45张（此前年均提高0.16张，为此前的2.8倍）、人均预期寿命需年均提高0.65岁（此前年均' +
        '提高0.27岁，为此前的2.4倍）、新增城镇就业人数需年均完成5.05万人（此前年均完成3.45万人，为此前的1.5倍）。',
      '需补齐数据的指标：九年义务教育巩固率（缺少2018年）、新增城镇就业人数（缺少2017年）、基本养老保险参保率' +
        '（缺少2016、2017年）、人均预期寿命（缺少2016、2017年）、经常参加体育锻炼人数比例（缺少2016、2017年）。',
      '初步数待正式数据发布后更新：每千人口床位数（2018年）。',
    ]);
    expect([...facts.problems, ...facts.suggestions].join('')).not.toMatch(/建议加强|成效|稳步/);
  });
});

describe('preliminary data', () => {
  it('says it once when every value is preliminary, instead of listing every item', () => {
    const all = input({
      observations: [
        obs(BEDS, 'dazhou', 2016, 4.4, { dataStatus: 'preliminary' }),
        obs(JOBS, 'dazhou', 2017, 3.5, { dataStatus: 'preliminary' }),
      ],
    });
    const lines = paragraphs(buildReport(all), 'data-notes');
    expect(lines).toContain('本报告使用的2016—2018年数值均为初步数，正式数据发布后需更新。');
  });
});
