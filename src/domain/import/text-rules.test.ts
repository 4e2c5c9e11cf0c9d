import { describe, expect, it } from 'vitest';
import { checkText, looksLikeFormula, TEXT_RULES } from './text-rules';

describe('checkText', () => {
  it('takes ordinary Chinese text, punctuation, angle quotes and a newline in a note', () => {
    expect(checkText('统计公报（2017）：<初步>数，见附件1\n已核实', TEXT_RULES.note)).toBeNull();
    expect(checkText('市教育局 http://jyj.dazhou.gov.cn/2017', TEXT_RULES.source)).toBeNull();
    expect(checkText('a < b, c > d', TEXT_RULES.note)).toBeNull();
  });

  it('refuses text longer than its field allows, saying how long it is', () => {
    expect(checkText('字'.repeat(10_000), TEXT_RULES.note)).toBe('备注过长（10000字，最多2000字）');
    expect(checkText('字'.repeat(2000), TEXT_RULES.note)).toBeNull();
  });

  it('refuses web page code: script and other tags, javascript: and data:text/html links', () => {
    expect(checkText('见<script>alert(1)</script>', TEXT_RULES.note)).toBe(
      '备注中有网页代码“<script”，不像是录入的内容',
    );
    expect(checkText('< IMG src=x onerror=alert(1)>', TEXT_RULES.source)).toBe(
      '来源中有网页代码“< IMG”，不像是录入的内容',
    );
    expect(checkText('JavaScript:alert(1)', TEXT_RULES.source)).toBe(
      '来源中有网页链接代码“JavaScript:”，不像是录入的内容',
    );
    expect(checkText('data:text/html,<b>', TEXT_RULES.note)).toBe(
      '备注中有网页链接代码“data:text/html”，不像是录入的内容',
    );
  });

  it('refuses control characters, and a line break where a field has one line', () => {
    expect(checkText('市\u0000教育局', TEXT_RULES.source)).toBe('来源中有不可见的控制字符');
    expect(checkText('市教育局\n卫健委', TEXT_RULES.source)).toBe('来源中不能换行');
    expect(checkText('第一行\r\n第二行\t说明', TEXT_RULES.note)).toBeNull();
  });
});

describe('looksLikeFormula', () => {
  it('recognises what Excel or WPS would run as a formula, not numbers or dashes', () => {
    for (const text of [
      '=1+1',
      '@SUM(A1)',
      '+cmd|x',
      '-HYPERLINK("x")',
      '=HYPERLINK("http://x")',
    ]) {
      expect(looksLikeFormula(text), text).toBe(true);
    }
    for (const text of ['-3.5', '+86 138', '—', '-', '统计=估算', '- 无']) {
      expect(looksLikeFormula(text), text).toBe(false);
    }
  });
});
