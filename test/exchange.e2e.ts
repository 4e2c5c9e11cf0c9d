import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE_URL, openBrowser, screenshot, type Session } from './browser';

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});
async function laptop(): Promise<Session> {
  const session = await openBrowser();
  sessions.push(session);
  return session;
}

const ENTRY = `${BASE_URL}#/entry?plan=dazhou`;
const SETTINGS = `${BASE_URL}#/settings?plan=dazhou`;
const RETENTION = 'education.compulsory-retention-rate';
const PRESCHOOL = 'education.preschool-gross-enrollment';
const HIGH_SCHOOL = 'education.high-school-gross-enrollment';

const cell = (page: Page, itemId: string, year: number) =>
  page.locator(`tr[data-item="${itemId}"] td[data-year="${year}"]`).first();
const cellText = (page: Page, itemId: string, year: number) =>
  page
    .locator(`tr[data-item="${itemId}"] td[data-year="${year}"]:not(.is-pending) .cell-value`)
    .first()
    .textContent({ timeout: 2000 })
    .catch(() => '');

async function setName(page: Page, name: string) {
  await page.goto(SETTINGS);
  const input = page.getByLabel('姓名（记录在每一次修改上）');
  await input.fill(name);
  await page.getByRole('button', { name: '保存', exact: true }).first().click();
  await page.getByText('已保存').first().waitFor();
}

/** Types a value into one cell of 数据录入 and waits until it is saved. */
async function typeValue(page: Page, itemId: string, year: number, text: string) {
  if (!page.url().includes('#/entry')) {
    await page.goto(ENTRY);
    await page.locator('table.entry-grid').waitFor();
  }
  await cell(page, itemId, year).click();
  await page.keyboard.type(`${text}\n`, { delay: 5 });
  await expect.poll(() => cellText(page, itemId, year)).toBe(text);
}

/** Exports from 设置 and returns the file's text. */
async function exportFile(page: Page, complete = true): Promise<{ text: string; name: string }> {
  await page.goto(SETTINGS);
  if (!complete) await page.getByLabel('部分数据（数据交换）').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', { name: complete ? '导出备份（JSON）' : '导出数据交换文件（JSON）' })
      .click(),
  ]);
  return {
    text: readFileSync(await download.path(), 'utf8'),
    name: download.suggestedFilename(),
  };
}

async function chooseFile(page: Page, file: { text: string; name: string }) {
  await page.getByLabel('选择备份或数据交换文件').setInputFiles({
    name: file.name,
    mimeType: 'application/json',
    buffer: Buffer.from(file.text),
  });
  await page.getByTestId('exchange-file-info').waitFor();
}

/** Every row of the user database's tables, read beside the app. */
async function stored(page: Page, table: string): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(
    (name) =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const request = indexedDB.open('gongfu-monitor');
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as Array<Record<string, unknown>>);
          };
          all.onerror = () => reject(all.error);
        };
        request.onerror = () => reject(request.error);
      }),
    table,
  );
}

async function storedValue(page: Page, regionId: string, itemId: string, year: number) {
  const series = await stored(page, 'series');
  const row = series.find((s) => s.regionId === regionId && s.itemId === itemId) as
    | { cells: Record<string, { value: number | null; updatedBy: string; version: number }> }
    | undefined;
  return row?.cells[String(year)];
}

/** The checksummed part of a file: what must come out byte for byte the same. */
const contentOf = (text: string) => text.slice(text.indexOf(',"content":'));

describe('数据交换 (backup, restore, exchange between laptops)', () => {
  it('runs under a Content-Security-Policy that blocks inline script, and the check notices a violation', async () => {
    const { page, cspViolations } = await laptop();
    await page.goto(`${BASE_URL}#/overview?plan=dazhou`);
    await page.locator('.shell-main').waitFor();
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    // An injected inline script does not run, and is reported
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      return (window as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => cspViolations.length).toBe(1);
    expect(cspViolations[0]).toContain('inline script');
    cspViolations.length = 0;
  });

  it('after the database is cleared, says the data vanished, restores it from the backup, and exports the same bytes again', async () => {
    const { page, context, errors } = await laptop();
    await setName(page, '王评估');
    await typeValue(page, RETENTION, 2016, '97.1');
    await typeValue(page, PRESCHOOL, 2016, '90.5');
    await typeValue(page, RETENTION, 2017, '97.3');
    const backup = await exportFile(page);
    expect(backup.name).toMatch(/^规划监测备份-\d{4}-\d{2}-\d{2}\.json$/);
    const header = JSON.parse(backup.text) as Record<string, unknown>;
    expect(header).toMatchObject({
      format: 'gongfu-monitor-exchange',
      formatVersion: 3,
      exportedBy: '王评估',
    });
    expect(header.checksum).toMatch(/^[0-9a-f]{64}$/);
    const before = await stored(page, 'series');

    // The browser clears this site's databases (localStorage, the marker, stays) while the app
    // is closed, as an eviction does: a page still reading would only see its database vanish.
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(BASE_URL).origin,
      storageTypes: 'indexeddb',
    });
    await page.goto(`${BASE_URL}#/overview?plan=dazhou`);
    await page.reload();

    // Then the shell says so and offers the restore
    const banner = page.getByTestId('vanished-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(
      '本机的数据库是空的，但此浏览器记得这里曾有数据：3 个数值、3 条修改记录',
    );
    await screenshot(page, 'exchange-restore-offer');
    await banner.getByRole('link', { name: '从备份恢复' }).click();

    // The restore names what it replaces and what comes instead
    await chooseFile(page, backup);
    await page.getByRole('button', { name: '恢复（替换全部数据）…' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('将删除“我的数据”中现有的全部数据：没有数据。');
    expect(await confirm.textContent()).toContain('换成文件中的：3 个数值、3 条修改记录。');
    await screenshot(page, 'exchange-restore-confirm');
    await confirm.getByRole('button', { name: '确认恢复' }).click();
    await expect
      .poll(() => page.getByTestId('exchange-done').textContent())
      .toContain('已恢复：3 个数值');
    // The cleared database had no evaluator name: the backup's is taken, and the page says so
    // (a colleague restoring someone's backup must not sign with that name unawares).
    expect(await page.getByTestId('exchange-done').textContent()).toContain(
      '本机原未设置评估人员姓名，已采用备份中的“王评估”',
    );

    // Everything is back: the banner goes, the values are as before, the same bytes come out
    await expect.poll(() => page.getByTestId('vanished-banner').count()).toBe(0);
    expect(await stored(page, 'series')).toEqual(before);
    const again = await exportFile(page);
    expect(contentOf(again.text)).toBe(contentOf(backup.text));
    await page.goto(ENTRY);
    await expect.poll(() => cellText(page, RETENTION, 2017)).toBe('97.3');
    expect(errors).toEqual([]);
  });

  it('two laptops edit the same cells, exchange files and resolve the conflicts: keep mine, take theirs, take the newer', async () => {
    const a = await laptop();
    const b = await laptop();
    await setName(a.page, '王评估');
    await setName(b.page, '李评估');
    // A enters three values; B starts from A's backup
    await typeValue(a.page, RETENTION, 2016, '97.1');
    await typeValue(a.page, PRESCHOOL, 2016, '90.5');
    await typeValue(a.page, HIGH_SCHOOL, 2016, '88');
    const start = await exportFile(a.page);
    await b.page.goto(SETTINGS);
    await chooseFile(b.page, start);
    await b.page.getByRole('button', { name: '恢复（替换全部数据）…' }).click();
    await b.page.getByRole('button', { name: '确认恢复' }).click();
    await b.page.getByTestId('exchange-done').waitFor();

    // Both change RETENTION and PRESCHOOL 2016; B alone changes HIGH_SCHOOL and adds 2017
    await typeValue(a.page, RETENTION, 2016, '97.2');
    await typeValue(a.page, PRESCHOOL, 2016, '91');
    await typeValue(b.page, RETENTION, 2016, '97.4');
    await typeValue(b.page, PRESCHOOL, 2016, '92');
    await typeValue(b.page, HIGH_SCHOOL, 2016, '89');
    await typeValue(b.page, RETENTION, 2017, '97.5');
    const fromB = await exportFile(b.page, false);
    expect(fromB.name).toMatch(/^数据交换-达州市规划-\d{4}-\d{2}-\d{2}\.json$/);

    // A merges B's file: the two cells both changed are listed side by side
    await a.page.goto(SETTINGS);
    await chooseFile(a.page, fromB);
    await a.page.getByRole('button', { name: '导入并合并…' }).click();
    const preview = a.page.getByTestId('merge-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain(
      // (the same 7 are the plan's regions, which the file carries as context)
      '新增 1，与本机相同 7，本机较新（保留本机）0，对方在本机基础上修改（采用文件）1，冲突 2',
    );
    const rows = a.page.locator('[data-testid="conflict-table"] tbody tr');
    expect(await rows.count()).toBe(2);
    const retentionRow = a.page.locator(`tr[data-conflict$="|${RETENTION}|2016"]`);
    expect(await retentionRow.locator('td').nth(0).textContent()).toMatch(
      /^97\.2王评估，\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
    );
    expect(await retentionRow.locator('td').nth(1).textContent()).toMatch(
      /^97\.4李评估，\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
    );
    // keep mine for 巩固率, take theirs for 学前; first set all to newer, then override one
    await a.page.getByRole('button', { name: '全部采用较新的' }).click();
    await retentionRow.locator('select').selectOption('mine');
    await screenshot(a.page, 'exchange-conflicts');
    await a.page.getByRole('button', { name: '确认导入' }).click();
    const done = a.page.getByTestId('exchange-done');
    await done.waitFor();
    expect(await done.textContent()).toBe(
      '导入完成 新增 1，相同而跳过 7，本机较新而保留 0，采用文件的修改 1；冲突 2 处：保留本机 1，采用文件 1；合并修改记录 4 条，新增规划 0 个。',
    );
    await screenshot(a.page, 'exchange-summary');

    // The values: mine kept, theirs (the newer) taken with a version above both, B's own added
    expect((await storedValue(a.page, 'dazhou', RETENTION, 2016))?.value).toBe(97.2);
    const preschool = await storedValue(a.page, 'dazhou', PRESCHOOL, 2016);
    expect(preschool).toMatchObject({ value: 92, updatedBy: '李评估' });
    expect(preschool?.version).toBeGreaterThan(2);
    expect((await storedValue(a.page, 'dazhou', HIGH_SCHOOL, 2016))?.value).toBe(89);
    expect((await storedValue(a.page, 'dazhou', RETENTION, 2017))?.value).toBe(97.5);
    // and the histories: B's edits are in A's log now, beside A's own and the merge's
    const log = await stored(a.page, 'auditLog');
    const byB = log.filter((r) => r.by === '李评估' && r.importedIn);
    expect(byB).toHaveLength(4);
    expect(log.filter((r) => r.action === 'merge')).toHaveLength(3);

    // B merges A's file back, taking the newer everywhere: A's kept value is newer than B's
    const fromA = await exportFile(a.page);
    await b.page.goto(SETTINGS);
    await chooseFile(b.page, fromA);
    await b.page.getByRole('button', { name: '导入并合并…' }).click();
    await b.page.getByTestId('merge-preview').waitFor();
    await b.page.getByRole('button', { name: '确认导入' }).click();
    await b.page.getByTestId('exchange-done').waitFor();
    // A decided after B's edit, so B takes A's 97.2 without being asked again
    expect((await storedValue(b.page, 'dazhou', RETENTION, 2016))?.value).toBe(97.2);
    expect((await storedValue(b.page, 'dazhou', PRESCHOOL, 2016))?.value).toBe(92);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('a reload in the middle of a large restore leaves everything or nothing, and says which after the reload', async () => {
    // A has the sample data (thousands of values) and exports it
    const a = await laptop();
    await a.page.goto(SETTINGS);
    await a.page.getByRole('button', { name: '加载示例数据' }).click();
    await expect.poll(() => a.page.getByRole('status').first().textContent()).toContain('示例数值');
    const backup = await exportFile(a.page);
    const fileValues = (
      JSON.parse(backup.text) as {
        content: { tables: { series: Array<{ cells: Record<string, { value: unknown }> }> } };
      }
    ).content.tables.series
      .flatMap((s) => Object.values(s.cells))
      .filter((c) => c.value !== null);
    expect(fileValues.length).toBeGreaterThan(1000);

    // B shows its (empty) sample data set and restores A's file, reloading in the middle
    const b = await laptop();
    await b.page.goto(SETTINGS);
    await b.page.getByRole('button', { name: '查看示例数据' }).click();
    await chooseFile(b.page, backup);
    await b.page.getByRole('button', { name: '恢复（替换全部数据）…' }).click();
    // The page reloads itself when the restore writes its 200th series record
    await b.page.evaluate(() => {
      const add = IDBObjectStore.prototype.add;
      let count = 0;
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args) {
        if (this.name === 'series' && ++count === 200) location.reload();
        return add.apply(this, args);
      };
    });
    const reloaded = b.page.waitForEvent('framenavigated');
    await b.page.getByRole('button', { name: '确认恢复' }).click();
    await reloaded;

    // Then the shell says what became of it, and the data agrees: all the values or none
    const banner = b.page.getByTestId('interrupted-banner');
    // (If the restore finished before the reload took effect, its marker was removed with it:
    // then there is nothing to say and every value must be there.)
    const said = await banner
      .textContent({ timeout: 20_000 })
      .then((text) => text ?? '')
      .catch(() => 'no banner');
    const series = await b.page.evaluate(
      () =>
        new Promise<Array<{ cells: Record<string, { value: unknown }> }>>((resolve, reject) => {
          const request = indexedDB.open('gongfu-monitor-demo');
          request.onsuccess = () => {
            const all = request.result.transaction('series').objectStore('series').getAll();
            all.onsuccess = () => {
              request.result.close();
              resolve(all.result as Array<{ cells: Record<string, { value: unknown }> }>);
            };
            all.onerror = () => reject(all.error);
          };
          request.onerror = () => reject(request.error);
        }),
    );
    const values = series.flatMap((s) => Object.values(s.cells)).filter((c) => c.value !== null);
    if (said.includes('没有写入任何内容')) {
      expect(said).toBe(
        `恢复“${backup.name}”时页面被关闭或重新加载：没有写入任何内容，原有数据不变。如仍需要，请重新恢复。 知道了`,
      );
      expect(values).toHaveLength(0);
    } else {
      if (said !== 'no banner') {
        expect(said).toBe(
          `恢复“${backup.name}”时页面被关闭或重新加载：恢复已在此之前全部完成，数据完整。 知道了`,
        );
      }
      expect(values).toHaveLength(fileValues.length);
    }
    console.log(`reload mid-restore: ${said.slice(0, 60)} (${values.length} values)`);
    await screenshot(b.page, 'exchange-reload-mid-restore');
  });
});
