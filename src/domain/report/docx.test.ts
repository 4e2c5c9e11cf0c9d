import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report';
import { renderReportDocx } from './docx';
import { input } from './test-input';

// A .docx is a zip of XML parts: the test opens it as Word would and reads the parts.
async function open(bytes: ArrayBuffer) {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`missing ${name}`);
    return file.async('string');
  };
  return { zip, part };
}

describe('the Word report', () => {
  const report = buildReport(input({ narrative: { problems: '一是医疗资源总量不足。' } }));
  const docx = renderReportDocx(report).then(open);

  it('carries the title, the numbered headings and the evaluator’s text', async () => {
    const { part } = await docx;
    const xml = await part('word/document.xml');
    // The title breaks after a phrase: two runs, the second after a line break.
    expect(xml).toMatch(
      /《达州市“十三五”基本公共服务<\/w:t>[\s\S]*?<w:br\/>[\s\S]*?均等化规划》中期评估报告/,
    );
    for (const heading of [
      '一、总体情况',
      '（一）基本公共教育服务',
      '八、数据说明',
      '附表1',
      '附表2',
    ]) {
      expect(xml).toContain(heading);
    }
    expect(xml).toContain('一是医疗资源总量不足。');
    // The item number of 主要指标完成情况 is a bold lead run before the sentence.
    expect(xml).toMatch(/<w:b\/>.*?<w:t xml:space="preserve">2\.每千人口床位数。<\/w:t>/);
  });

  it('prints on A4 with the margins of GB/T 9704 and the appendices on landscape pages', async () => {
    const xml = await (await docx).part('word/document.xml');
    // A4 is 210 × 297 mm = 11906 × 16838 twips; 3.7/3.5/2.8/2.6 cm = 2098/1984/1587/1474 twips.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"( w:orient="portrait")?\/>/);
    expect(xml).toContain('<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"');
    expect(xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
  });

  it('uses 方正小标宋简体 for the title, 黑体 and 楷体 for headings, 仿宋 for text, and names the fallbacks', async () => {
    const { part } = await docx;
    const xml = await part('word/document.xml');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    const styles = await part('word/styles.xml');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    // 三号 is 16 pt: 32 half-points; the title 二号 22 pt: 44.
    expect(styles).toContain('<w:sz w:val="32"/>');
    expect(xml).toContain('<w:sz w:val="44"/>');
    const fonts = await part('word/fontTable.xml');
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体">\s*<w:altName w:val="黑体"\/>/);
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312">\s*<w:altName w:val="仿宋"\/>/);
    expect(fonts).toMatch(/<w:font w:name="楷体_GB2312">\s*<w:altName w:val="楷体"\/>/);
  });

  it('has tables with borders, a header row repeated on every page, and 五号 or 小五 text', async () => {
    const xml = await (await docx).part('word/document.xml');
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    // 表1 各领域, 表2 预警, 表3 区县间差距, 附表1, 附表2.
    expect(tables).toHaveLength(5);
    for (const table of tables) {
      expect(table).toContain('<w:tblHeader/>');
      expect(table).toMatch(/<w:top w:val="single"/);
      // 五号 (21 half-points), 小五 (18) in the wide tables.
      expect(table).toMatch(/<w:sz w:val="(21|18)"\/>/);
    }
    // 附表1 has a two-row header (各年实际值 over the years): both rows repeat.
    const completion = tables.find(
      (t) => t.includes('主要指标完成情况表') || t.includes('各年实际值'),
    );
    expect(completion?.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(completion).toContain('4.8*');
    expect(completion).toContain('2016—2020年累计17万人');
  });

  it('numbers pages in the footer as — 1 —', async () => {
    const { zip, part } = await docx;
    const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers.length).toBeGreaterThan(0);
    const footer = await part(footers[0] as string);
    expect(footer).toContain('— ');
    expect(footer).toContain('PAGE');
    expect(footer).toContain(' —');
  });

  it('says 示例数据 at the top when the figures are sample data', async () => {
    const demo = await open(await renderReportDocx(buildReport(input({ isDemo: true }))));
    const xml = await demo.part('word/document.xml');
    expect(xml.indexOf('示例数据')).toBeLessThan(xml.indexOf('一、总体情况'));
  });
});
