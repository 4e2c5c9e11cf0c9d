import { describe, expect, it } from 'vitest';
import type { Comparator, Plan, Standard } from './schema';
import { loadAllPlans, sourceLine } from './test-plans';

// Checks every structured standard and every unit reference of the built-in plans against the
// shipped source copies. The numbers are read again from the printed text here, by a parser of
// its own, so a value typed wrongly in a plan file cannot pass by agreeing with itself.

const plans = loadAllPlans();
const withStandards = plans.filter((p) => (p.standards ?? []).length > 0);

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};
const MULTIPLIERS: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8 };

/**
 * Every number printed in `raw`, in the unit of the standard: "5千至3万元" with unit 元 →
 * [5000, 30000]; "3万人次" with unit 万人次 → [3]; "不少于1/3" → [1/3]; "至少有一人" → [1].
 * Years written as 2016年 are not numbers of the target ("较2016年提高3%" → [3]).
 */
function printedNumbers(raw: string, unit: string | null): number[] {
  const text = raw
    .replace(/[\uff10-\uff19\uff0e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(?:19|20)\d\d年/g, '');
  const numbers: number[] = [];
  const pattern = /(\d+(?:\.\d+)?)(?:\/(\d+)(?!\d|万))?([千万亿])?/g;
  for (const match of text.matchAll(pattern)) {
    let value = Number(match[1]);
    if (match[2] !== undefined) value = value / Number(match[2]);
    const multiplier = match[3];
    if (multiplier && !unit?.startsWith(multiplier)) value *= MULTIPLIERS[multiplier] ?? 1;
    numbers.push(value);
  }
  if (numbers.length === 0) {
    for (const char of text) if (char in CHINESE_DIGITS) numbers.push(CHINESE_DIGITS[char] ?? NaN);
  }
  return numbers;
}

/** The comparators the words of `text` state (以上 → >=, 以内 → <=, 突破 → >, …). */
function statedComparators(text: string): Set<Comparator> {
  const words: Array<[string, Comparator]> = [
    ['不低于', '>='],
    ['不少于', '>='],
    ['以上', '>='],
    ['至少', '>='],
    ['达到', '>='],
    ['不超过', '<='],
    ['不高于', '<='],
    ['以下', '<='],
    ['以内', '<='],
    ['最高', '<='],
    ['超过', '>'],
    ['突破', '>'],
    ['低于', '<'],
  ];
  const found = new Set<Comparator>();
  let rest = text;
  for (const [word, comparator] of words) {
    if (rest.includes(word)) found.add(comparator);
    rest = rest.split(word).join('');
  }
  if (/\d\s*(?:小时|分钟)内/.test(rest)) found.add('<=');
  if (found.size === 0 && /^达\d/.test(text)) found.add('>=');
  return found;
}

function each(check: (plan: Plan, standard: Standard) => void) {
  for (const plan of withStandards)
    for (const standard of plan.standards ?? []) check(plan, standard);
}

describe('structured standards', () => {
  it('are present in the three plans with service lists and in the two implementation documents', () => {
    expect(withStandards.map((p) => p.id).sort()).toEqual([
      'dalian',
      'dazhou',
      'dazhou-2017',
      'handan',
      'zhoucun',
    ]);
  });

  it('quote their cited line exactly, and print the figure inside the quote', () => {
    each((plan, s) => {
      const where = `${plan.id} ${s.id}`;
      expect(sourceLine(s.source.file, s.source.line), where).toContain(s.quote);
      expect(s.quote, where).toContain(s.target.raw);
      if (s.per) expect(s.quote, where).toContain(s.per);
    });
  });

  it('hold the number the printed text states', () => {
    each((plan, s) => {
      const where = `${plan.id} ${s.id} “${s.target.raw}”`;
      const numbers = printedNumbers(s.target.raw, s.unit);
      if (s.target.value === undefined) {
        // Only schedules such as 5×8小时 are left to the evaluator.
        expect(s.target.text, where).toBeDefined();
        return;
      }
      expect(numbers, where).toContain(s.target.value);
      // Ranges, ratios and rates per 10万 print more than one number.
      const isSeveral = /[-—－至:：×/]/.test(s.target.raw);
      if (!isSeveral) expect(numbers, where).toHaveLength(1);
    });
  });

  it('take the comparator from the words printed with the figure', () => {
    each((plan, s) => {
      const where = `${plan.id} ${s.id} “${s.target.raw}”`;
      const inRaw = statedComparators(s.target.raw);
      if (inRaw.size > 0) {
        expect([...inRaw], where).toEqual([s.target.comparator]);
      } else if (s.target.comparator !== undefined) {
        // A shared word (分别不低于600元、800元) or a range (1-2所 → at least 1).
        const isRange = s.target.text !== undefined && /[-—－至]/.test(s.target.text);
        expect(isRange || statedComparators(s.quote).has(s.target.comparator), where).toBe(true);
      }
      const isApproximate = /左右|^约/.test(s.target.raw);
      expect(Boolean(s.isApproximate), where).toBe(isApproximate);
      if (isApproximate) expect(s.target.comparator, where).toBeUndefined();
      if (s.target.comparator === '<=' || s.target.comparator === '<') {
        expect(s.direction, where).toBe('down');
      }
    });
  });

  it('flag a figure for each year wherever its unit, figure or basis says so', () => {
    // Audit: 达州2017 “小学每生每年600元、初中800元标准，特殊教育学校达到6000元” (line 9, unit
    // 元/生·年) was not flagged, while the same 生均公用经费 in 达州 line 284 is.
    const yearlyRaw = /每生每年|每年|年均|年平均/;
    const yearlyUnit = /\/年$|生·?年|千人·年/;
    const yearlyPer = /每年|一年|年均|年平均|上一?年度/;
    each((plan, s) => {
      const isYearly =
        yearlyRaw.test(s.target.raw) ||
        yearlyUnit.test(s.unit ?? '') ||
        yearlyPer.test(s.per ?? '');
      if (isYearly) expect(s.isPerYear, `${plan.id} ${s.id} “${s.target.raw}”`).toBe(true);
    });
  });

  it('keep the basis printed as 以…为单位 in `per`', () => {
    // Audit: 达州2017 “以县(区、市)为单位,居民健康档案电子建档率达到98%以上…” (line 33) had lost
    // the basis that 达州, 周村 and 邯郸 keep for 接种率 “以乡（镇、街道）为单位”.
    each((plan, s) => {
      const line = sourceLine(s.source.file, s.source.line);
      const at = line.indexOf(s.quote);
      const sentenceStart = Math.max(line.lastIndexOf('。', at), line.lastIndexOf('；', at)) + 1;
      const before = line.slice(sentenceStart, at + s.quote.length);
      const basis = /以[^，,；;。]*?为单位/.exec(before)?.[0];
      if (basis) expect(s.per, `${plan.id} ${s.id}`).toBe(basis);
    });
  });

  it('keep the place a figure applies to in `per` when printed as 每个…, 每县, 各县 or 均', () => {
    // Audit: 大连 “保证每个乡镇至少有1所公办中心幼儿园” (line 24), “每个学生至少……” (line 22),
    // “每个乡镇办好一所……卫生院” (line 65), 邯郸 “各县(市、区)……救助比例不低于70%” (line 1302)
    // and 达州2017 “市、县(市、区)均建立1—2个” (line 36) had no `per`, unlike 达州/邯郸/周村.
    each((plan, s) => {
      const word = /每个|每县|各县|均(?=建立)/.exec(s.quote)?.[0];
      if (word) expect(s.per ?? '', `${plan.id} ${s.id}`).toContain(word);
    });
  });

  it('say in the note where the unit is not printed with the figure', () => {
    // Audit: 达州2017 “2.85万”, “4.57万” (unit 万人, line 11), “10大” (件, line 5) and 大连 “动态
    // 清零” (户, line 35) took the unit of their text target without saying it was supplied.
    each((plan, s) => {
      if (!s.unit || /[/=]/.test(s.unit)) return; // composite units (元/生·年, 农村=1) are read off
      const measure = s.unit.replace(/^[万千亿](?=.)/, '');
      if (s.target.raw.includes(measure)) return;
      expect(s.note ?? '', `${plan.id} ${s.id} “${s.target.raw}” ${s.unit}`).toMatch(/补记|原文缺/);
    });
  });

  it('take a base value printed with the figure (由45元提高到50元) as the baseline', () => {
    each((plan, s) => {
      const base = /由([^由]+?)提高到/.exec(s.quote)?.[1];
      if (base) expect(s.baseline?.raw, `${plan.id} ${s.id}`).toBe(base);
      else expect(s.baseline, `${plan.id} ${s.id}`).toBeNull();
    });
  });

  it('sit on an existing service row, task or section, in the same domain', () => {
    each((plan, s) => {
      const where = `${plan.id} ${s.id}`;
      const at = s.attachment;
      if (at.kind === 'service') {
        const services = [...plan.services].sort((a, b) => a.source.line - b.source.line);
        const index = services.findIndex((x) => x.id === at.id);
        const service = services[index];
        expect(service, where).toBeDefined();
        if (!service) return;
        expect(s.domain, where).toBe(service.domain);
        const nextLine = services[index + 1]?.source.line ?? Infinity;
        expect(s.source.line, where).toBeGreaterThanOrEqual(service.source.line);
        expect(s.source.line, where).toBeLessThan(nextLine);
        expect(s.id.startsWith(`std.${service.id}.`), where).toBe(true);
      } else if (at.kind === 'task') {
        const task = plan.tasks.find((x) => x.id === at.id);
        expect(task, where).toBeDefined();
        expect(s.source.line, where).toBe(task?.source.line);
        expect(s.domain, where).toBe(task?.domain);
        expect(s.id.startsWith(`std.${at.id}.`), where).toBe(true);
      } else {
        expect(sourceLine(s.source.file, at.line), where).toContain(at.title);
        expect(s.source.line - at.line, where).toBeGreaterThanOrEqual(0);
        expect(s.source.line - at.line, where).toBeLessThanOrEqual(3);
        expect(
          plan.domains.map((d) => d.id),
          where,
        ).toContain(s.domain);
        expect(s.id.startsWith(`std.sec.${at.line}.`), where).toBe(true);
      }
    });
  });

  it('number the standards of one service, task or section 1, 2, 3 … in order', () => {
    for (const plan of withStandards) {
      const byPrefix = new Map<string, number[]>();
      for (const s of plan.standards ?? []) {
        const match = /^(.*)\.(\d+)$/.exec(s.id);
        expect(match, s.id).not.toBeNull();
        if (!match?.[1] || !match[2]) continue;
        byPrefix.set(match[1], [...(byPrefix.get(match[1]) ?? []), Number(match[2])]);
      }
      for (const [prefix, numbers] of byPrefix) {
        expect(numbers, `${plan.id} ${prefix}`).toEqual(numbers.map((_, i) => i + 1));
      }
    }
  });

  it('link every text target once on its own line, with the same value and unit', () => {
    for (const plan of withStandards) {
      for (const target of plan.textTargets) {
        const links = (plan.standards ?? []).filter((s) => s.textTargetId === target.id);
        const onLine = links.filter((s) => s.source.line === target.source.line);
        expect(onLine, `${plan.id} ${target.id}`).toHaveLength(1);
        for (const s of links) {
          expect(s.target.value, s.id).toBe(target.target.value);
          expect(s.unit, s.id).toBe(target.unit);
          expect(s.domain, s.id).toBe(target.domain);
        }
      }
    }
  });

  it('link restated indicators of the same domain, saying so in a note', () => {
    each((plan, s) => {
      if (!s.indicatorId) return;
      const indicator = plan.indicators.find((i) => i.id === s.indicatorId);
      expect(indicator?.domain, s.id).toBe(s.domain);
      expect(s.note, s.id).toBeDefined();
    });
  });
});

describe('units named as responsible', () => {
  const CONNECTORS = /分别牵头|牵头|按职责分工负责|[、，,；;\s\u3000等和]/g;

  /** The cell with every printed form of the given units removed, longest first. */
  function rest(cell: string, plan: Plan, ids: readonly string[]): string {
    const forms = (plan.units ?? [])
      .filter((u) => ids.includes(u.id))
      .flatMap((u) => u.printed)
      .sort((a, b) => b.length - a.length);
    let left = cell;
    for (const form of forms) left = left.split(form).join(' ');
    return left.replace(CONNECTORS, '');
  }

  function cells(plan: Plan): Array<{ where: string; cell: string; ids: string[] }> {
    const out: Array<{ where: string; cell: string; ids: string[] }> = [];
    for (const s of plan.services) {
      if (s.leadUnit) out.push({ where: s.id, cell: s.leadUnit, ids: s.leadUnitIds ?? [] });
    }
    for (const t of plan.tasks) {
      const cell = t.responsibleText ?? [t.leadUnit, t.partnerUnits].filter(Boolean).join('，');
      if (cell)
        out.push({
          where: t.id,
          cell,
          ids: [...(t.leadUnitIds ?? []), ...(t.partnerUnitIds ?? [])],
        });
    }
    for (const x of [...plan.indicators, ...plan.textTargets]) {
      if (x.responsibleUnit) {
        out.push({ where: x.id, cell: x.responsibleUnit, ids: x.responsibleUnitIds ?? [] });
      }
    }
    return out;
  }

  it('are listed for every plan', () => {
    for (const plan of plans) expect(plan.units?.length, plan.id).toBeGreaterThan(0);
  });

  it('cover every printed cell: nothing but 、，牵头 and 按职责分工负责 is left unread', () => {
    for (const plan of plans) {
      for (const { where, cell, ids } of cells(plan)) {
        expect(ids.length, `${plan.id} ${where}`).toBeGreaterThan(0);
        expect(rest(cell, plan, ids), `${plan.id} ${where} “${cell}”`).toBe('');
        for (const id of ids) {
          const unit = plan.units?.find((u) => u.id === id);
          expect(
            unit?.printed.some((form) => cell.includes(form)),
            `${plan.id} ${where} ${id}`,
          ).toBe(true);
        }
      }
    }
  });

  it('split a task cell into the lead units before 牵头 and the partners after it', () => {
    for (const plan of plans) {
      for (const task of plan.tasks) {
        if (!task.responsibleText) continue;
        const [leadPart = '', partnerPart = ''] = task.responsibleText.split(/分别牵头|牵头/);
        expect(rest(leadPart, plan, task.leadUnitIds ?? []), `${plan.id} ${task.id}`).toBe('');
        expect(rest(partnerPart, plan, task.partnerUnitIds ?? []), `${plan.id} ${task.id}`).toBe(
          '',
        );
      }
    }
  });

  it('list each unit once, with only printed forms the plan uses and at least one reference', () => {
    for (const plan of plans) {
      const all = cells(plan);
      for (const unit of plan.units ?? []) {
        const where = `${plan.id} ${unit.id}`;
        expect(
          all.some((c) => c.ids.includes(unit.id)),
          where,
        ).toBe(true);
        for (const form of unit.printed) {
          expect(
            all.some((c) => c.cell.includes(form)),
            `${where} ${form}`,
          ).toBe(true);
        }
      }
      const names = (plan.units ?? []).map((u) => u.name);
      expect(new Set(names).size, plan.id).toBe(names.length);
    }
  });
});
