/**
 * The built task pane in headless Chromium (Debian's /usr/bin/chromium through playwright-core),
 * opened outside Excel: Office.js comes from the @microsoft/office-js package in place of the CDN,
 * every other request off 127.0.0.1 is refused. The built-in release is previewed (figures read
 * off the filing by a person) and downloaded as .xlsx.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { sharedAddinBuild } from './support/build-addin';
import { oracleCounts } from './support/seed-oracle';
import { contentType, serveDirectory, type StaticServer } from './support/static-server';

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM = process.env.MPWR_CHROMIUM ?? '/usr/bin/chromium';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const OUTPUT = path.join(ROOT, 'test-output');
const SEED_FILE = path.join(ROOT, 'assets/filings/mpwr-2004q2-ex99-1.txt');
/** The seed's checks by status from the independent oracle (test/support/seed-oracle.ts): 111 tie, 14 rounding, 1 break, 126 in all. */
const SEED_COUNTS = oracleCounts(fs.readFileSync(SEED_FILE, 'utf8'));
/** The task pane's default width in Excel is about 320-350 px; a browser window at a laptop's size. */
const PANE = { width: 350, height: 800 };
const WIDE = { width: 1366, height: 768 };
const Q3_FILE = path.join(ROOT, 'test/fixtures/synthetic-2004q3.txt');

/** Screenshots of a state at both sizes (test-output/pane-<state>-<w>x<h>.png), then back to the pane's size. */
async function shots(page: Page, state: string, focus?: string): Promise<string[]> {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const files: string[] = [];
  for (const size of [PANE, WIDE]) {
    await page.setViewportSize(size);
    if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
    else await page.evaluate(() => window.scrollTo(0, 0));
    const file = path.join(OUTPUT, `pane-${state}-${size.width}x${size.height}.png`);
    await page.screenshot({ path: file });
    files.push(file);
    // The page's full height in each state, for the record (the roundings once made it 3,800 px).
    const heights = path.join(OUTPUT, 'pane-heights.json');
    const known = fs.existsSync(heights) ? JSON.parse(fs.readFileSync(heights, 'utf8')) as Record<string, number> : {};
    known[`${state} ${size.width}x${size.height}`] = await page.evaluate(() => document.documentElement.scrollHeight);
    fs.writeFileSync(heights, `${JSON.stringify(known, null, 2)}\n`);
    // Nothing sticks out sideways at either width.
    expect([state, size.width, await page.evaluate(() => document.documentElement.scrollWidth)]).toEqual([state, size.width, size.width]);
  }
  await page.setViewportSize(PANE);
  return files;
}

const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === 'true') {
  throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.`);
}
if (!haveChromium) {
  // Loud, not silent: this test needs a browser.
  console.warn(`taskpane-browser.test.ts SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium).`);
}
const describeBrowser = haveChromium ? describe : describe.skip;

interface PageLog {
  errors: string[];
  console: string[];
  blocked: string[];
  office: string[];
}

/** Office.js files from the npm package; everything else off 127.0.0.1 aborted. */
async function routeNetwork(context: BrowserContext, log: PageLog): Promise<void> {
  await context.route('**/*', async (route: Route) => {
    const url = route.request().url();
    const { hostname } = new URL(url);
    if (hostname === '127.0.0.1') return route.continue();
    if (url.startsWith(OFFICE_CDN)) {
      const rel = decodeURIComponent(url.slice(OFFICE_CDN.length).split(/[?#]/)[0]);
      const file = path.resolve(OFFICE_DIST, rel);
      log.office.push(rel);
      if (file.startsWith(OFFICE_DIST + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return route.fulfill({ status: 200, contentType: contentType(file), body: fs.readFileSync(file) });
      }
      return route.fulfill({ status: 404, body: 'not in @microsoft/office-js' });
    }
    log.blocked.push(url);
    return route.abort('blockedbyclient');
  });
}

/**
 * Office.js outside Office tries, some seconds after loading (sooner or later with the machine's
 * load), to frame Microsoft's telemetry service; the CSP refuses it, as it should (the add-in
 * sends nothing anywhere). That refusal is expected; any other violation is a finding.
 */
const OFFICE_TELEMETRY_FRAME = 'frame-src https://telemetryservice.firstpartyapps.oaspapps.com';

async function cspViolations(page: Page): Promise<string[]> {
  const all = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  return all.filter((v) => !v.startsWith(OFFICE_TELEMETRY_FRAME));
}

describeBrowser('task pane in a browser (outside Excel)', () => {
  let dist = '';
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const log: PageLog = { errors: [], console: [], blocked: [], office: [] };

  beforeAll(async () => {
    dist = await sharedAddinBuild(); // the production build, shared with test/surface.test.ts (read-only)
    server = await serveDirectory(dist);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: PANE, acceptDownloads: true, locale: 'en-US' });
    await routeNetwork(context, log);
    await context.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page = await context.newPage();
    page.on('pageerror', (e) => log.errors.push(e.message));
    page.on('console', (m) => log.console.push(`${m.type()}: ${m.text()}`));
    await page.goto(`${server.url}taskpane.html`);
    await page.locator('#host[data-host="browser"]').waitFor({ timeout: 30_000 });
  }, 600_000); // the production build inside: minutes on a loaded machine

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('opens in browser mode with Office.js from the package and nothing fetched from elsewhere', async () => {
    expect(log.office).toContain('office.js');
    expect(await page.locator('#host').textContent()).toMatch(/Not in Excel/);
    expect(log.errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });

  test('the start: choose a release, with the functions\' help one click away', async () => {
    await shots(page, 'start');
    await page.click('#help > summary');
    const help = page.locator('[data-testid="help"]');
    await help.waitFor();
    const text = await help.innerText();
    for (const name of ['VALUE', 'ADJ_EBITDA', 'GUIDANCE', 'SERIES', 'RECON', 'CHECK', 'CHECKS', 'SOURCE', 'PERIODS', 'ITEMS']) expect([name, text.includes(`MPWR.${name}(`)]).toEqual([name, true]);
    expect(text).toContain('=MPWR.VALUE("Interest Expense", "Q2 2004")');
    await page.click('#help > summary'); // folded again
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  });

  test('the built-in release, chosen with the keyboard, gives a preview of the filing and its checks', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id) !== 'use-seed') await page.focus('#use-seed');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('use-seed');
    await page.keyboard.press('Enter');
    const preview = page.locator('#preview');
    await preview.locator('[data-testid="counts"]').waitFor();

    // Read off the filing: Mpower Holding Corporation (AMEX: MPE); quarters ended June 30, 2003,
    // March 31, 2004 and June 30, 2004; balance sheets at December 31, 2003, March 31 and June 30,
    // 2004; guidance for 2004 and 2005; six headed tables (balance sheet, operations, gross margin
    // and Adjusted EBITDA reconciliations, two guidance reconciliations).
    expect(await preview.locator('[data-testid="company"]').textContent()).toBe('Mpower Holding Corporation (MPE)');
    const summary = await preview.locator('[data-testid="summary"]').innerText();
    expect(summary).toMatch(/Quarters\s+2003Q2, 2004Q1, 2004Q2/);
    expect(summary).toMatch(/Balance sheets\s+2003-12-31, 2004-03-31, 2004-06-30/);
    expect(summary).toMatch(/Guidance\s+FY2004, FY2005/);
    expect(summary).toMatch(/Tables\s+6\b/);
    expect(summary).toMatch(/Facts\s+\d{3}/);
    expect(summary).toMatch(/Unmapped rows\s+none/);
    expect(summary).toMatch(/mpwr-2004q2-ex99-1\.txt, dated 2004-07-29/);

    // Checks by hand: per-share amounts over 78,417,485 / 78,321,851 / 65,022,403 shares — only
    // 241 / 78,321,851 = $0.0031, printed $0.01 (2004Q1 discontinued operations), misses by more
    // than half a cent; the other 8 per-share and 6 percentage figures are roundings.
    const count = async (status: string): Promise<number> =>
      Number(await preview.locator(`[data-testid="counts"] [data-status="${status}"] .count-number`).textContent());
    expect(await count('break')).toBe(1);
    expect(await count('rounding')).toBe(14);
    expect(await count('incomplete')).toBe(0);
    expect(await count('tie')).toBeGreaterThan(50);

    // Breaks open; the 14 roundings folded (listed once unfolded); ties never listed until asked.
    expect(await page.locator('details[data-group="break"]').getAttribute('open')).toBe('');
    expect(await page.locator('details[data-group="rounding"]').getAttribute('open')).toBeNull();
    expect(await page.locator('details[data-group="rounding"] [data-testid="non-ties"] > li').count()).toBe(0);
    const nonTies = preview.locator('[data-testid="non-ties"] > li');
    expect(await nonTies.count()).toBe(1);
    const brk = nonTies.first();
    expect(await brk.getAttribute('data-status')).toBe('break');
    expect(await brk.locator('.check-period').textContent()).toBe('2004Q1');
    expect(await brk.locator('.check-description').textContent()).toMatch(/Discontinued Operations/);
    expect(await brk.locator('[data-field="reported"]').textContent()).toBe('$0.01');
    expect(await brk.locator('[data-field="computed"]').textContent()).toBe('0.0031');
    const lines = await brk.locator('.line').allInnerTexts();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^L266\s+Income from Discontinued Operations\s+\$0\.00\s+\$0\.01\s+\$0\.00$/);
    expect(lines[1]).toMatch(/^L258\s+\(Loss\) Income from Discontinued Operations\s+\(7\)\s+241\s+13$/);
    expect(lines[2]).toMatch(/^L262\s+Basic and Diluted Weighted Average Shares Outstanding/);
    expect(await brk.locator('mark').allTextContents()).toEqual(['$0.01', '241', '78,321,851']);
    // Which way it misses, and the one printed number whose change by a digit makes it add up.
    expect(await brk.locator('[data-field="direction"]').textContent()).toBe('Printed above what its lines give by 0.0069.');
    expect(await brk.locator('[data-field="culprit"]').textContent()).toBe('Likely culprit: L266 Income from Discontinued Operations, printed 0.01; 0.00 would add up.');
    await shots(page, 'preview');
    await shots(page, 'break-card', '[data-testid="non-ties"] > li[data-status="break"]');

    // The prose's claims, in their own tab: 47 read off lines 10–77, the 5 unlinked ones open with their reasons.
    await page.click('#tab-claims');
    expect(await page.locator('[data-testid="claim-counts"] .count[data-status="unlinked"] .count-number').textContent()).toBe('5');
    const unlinked = page.locator('[data-testid="claims-unlinked"] > li');
    expect(await unlinked.count()).toBe(5);
    expect(await unlinked.nth(2).locator('mark').allTextContents()).toEqual(['$1.8 million']);
    expect(await unlinked.nth(2).locator('.tolerance').textContent()).toMatch(/^no table prints capital expenditures/);
    await page.click('#tab-checks');

    expect(await page.locator('#commit').textContent()).toBe('Download .xlsx');
    expect(await page.locator('#commit').isEnabled()).toBe(true);
  });

  test('the tiles filter the list: one status alone, pressed again all of them', async () => {
    const groups = async (): Promise<string[]> => page.locator('[data-panel="checks"] details.group:not([hidden])').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.group ?? ''));
    expect(await groups()).toEqual(['break', 'rounding', 'tie']);
    await page.click('[data-testid="counts"] [data-status="rounding"]');
    expect(await groups()).toEqual(['rounding']);
    expect(await page.locator('[data-testid="counts"] [data-status="rounding"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('details[data-group="rounding"] [data-testid="non-ties"] > li').count()).toBe(SEED_COUNTS.rounding);
    await page.click('[data-testid="counts"] [data-status="tie"]');
    expect(await groups()).toEqual(['tie']);
    // The tile lists the group's checks as it opens it, within the click (not on the toggle event, a task later).
    expect(await page.locator('[data-testid="ties"] > li').count()).toBe(SEED_COUNTS.tie);
    await page.click('[data-testid="counts"] [data-status="tie"]');
    expect(await groups()).toEqual(['break', 'rounding', 'tie']);
    // Fold them back for the screenshots to come.
    await page.locator('details[data-group="rounding"], details[data-group="tie"]').evaluateAll((els) => els.forEach((e) => { (e as HTMLDetailsElement).open = false; }));
  });

  test('the tables view lists every table as read; a number\'s link opens the text at its line', async () => {
    await page.click('#tab-tables');
    const tables = page.locator('[data-testid="tables"] > .table-card');
    // The six tables of the filing (lines 185-355): balance sheet, operations, four reconciliations.
    expect(await tables.count()).toBe(6);
    const titles = await page.locator('[data-testid="tables"] .table-title').allInnerTexts();
    expect(titles[0]).toMatch(/^BALANCE SHEET /);
    expect(titles[1]).toMatch(/^STATEMENT OF OPERATIONS /);
    expect(titles.slice(2).every((t) => t.startsWith('RECONCILIATION TO GAAP'))).toBe(true);
    await tables.first().locator('summary').click();
    const head = await tables.first().locator('thead th').allInnerTexts();
    expect(head).toEqual(['Line', 'Label', '2004-06-30', '2004-03-31', '2003-12-31']);
    // Total Current Assets, June 30, 2004: 48,332 on line 199.
    const row = tables.first().locator('tbody tr', { hasText: 'Total Current Assets' });
    expect(await row.locator('.cell-number').allInnerTexts()).toEqual(['48,332', '48,504', '53,001']);
    await shots(page, 'tables', '[data-testid="tables"] > .table-card');
    await row.locator('.cell-number .line-link').first().click();
    const marked = page.locator('[data-testid="text"] [data-marked="true"]');
    await marked.waitFor();
    expect(await marked.getAttribute('data-line')).toBe('199');
    expect(await marked.textContent()).toMatch(/^\s*Total Current Assets\s+48,332\s+48,504\s+53,001$/);
    expect(await page.locator('#panel-text').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="text-where"]').textContent()).toBe('mpwr-2004q2-ex99-1.txt, line 199 of 355');
    await shots(page, 'text', '[data-testid="text"] .text-number');
    // A line link of a check card opens the text too.
    await page.click('#tab-checks');
    await page.locator('[data-testid="non-ties"] > li[data-status="break"] .line-link', { hasText: 'L258' }).click();
    expect(await page.locator('[data-testid="text"] [data-marked="true"]').getAttribute('data-line')).toBe('258');
    await page.click('#tab-checks');
  });

  test('Download .xlsx saves a workbook with the MPWR sheets', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#commit')]);
    expect(download.suggestedFilename()).toBe('mpwr-2004Q2.xlsx');
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['MPWR Balance Sheet', 'MPWR Operations', 'MPWR Non-GAAP', 'MPWR Checks']));
    const result = page.locator('#result');
    await expect(result.getAttribute('data-intent')).resolves.toBe('success');
    expect(await result.textContent()).toMatch(new RegExp(`^Downloaded mpwr-2004Q2\\.xlsx \\(\\d+ sheets, \\d+ KB; ${SEED_COUNTS.all} checks: ${SEED_COUNTS.tie} tie, ${SEED_COUNTS.rounding} rounding, 1 break\\)\\.$`));
    expect(await page.locator('#progress').isHidden()).toBe(true);
  });

  test('screenshot of the pane at its default width', async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane.png'), fullPage: false });
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-full.png'), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PANE.width); // nothing sticks out sideways
  });

  test('a second release is read with the first, and the download holds both', async () => {
    await page.setInputFiles('#file-input', Q3_FILE);
    await page.locator('[data-testid="summary"]', { hasText: '2004Q3' }).waitFor();
    const summary = await page.locator('[data-testid="summary"]').innerText();
    expect(summary).toMatch(/Release\s+synthetic-2004q3\.txt/);
    expect(summary).toMatch(/With\s+mpwr-2004q2-ex99-1\.txt/);
    expect(summary).toMatch(/Quarters\s+2003Q2, 2003Q3, 2004Q1, 2004Q2, 2004Q3/);
    expect(await page.locator('[data-testid="session"]').textContent()).toMatch(/^Kept in this session: mpwr-2004q2-ex99-1\.txt, synthetic-2004q3\.txt\./);
    // The Q3 release restates June 30 receivables (11,611 → 11,561): listed, each side linked to its line.
    expect(await page.locator('[data-testid="restatements"] > li').count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#commit')]);
    expect(download.suggestedFilename()).toBe('mpwr-2004Q3.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const keys = (wb.getWorksheet('MPWR Operations')?.getRow(1).values as unknown[]).filter((v) => typeof v === 'string');
    expect(keys).toEqual(expect.arrayContaining(['2003Q2', '2003Q3', '2004Q1', '2004Q2', '2004Q3']));
    expect(await page.locator('#result').textContent()).toMatch(/, 2 releases; /);
  });

  test('a file that is not a release is refused in words a person can act on, and the earlier preview goes', async () => {
    await page.setInputFiles('#file-input', { name: 'results.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    const message = page.locator('#message');
    await message.waitFor();
    expect(await message.innerText()).toMatch(/results\.pdf is a \.pdf file\. Choose the release as \.txt or \.htm/);
    expect(await page.locator('#preview').isHidden()).toBe(true);
    expect(await page.locator('#actions').isHidden()).toBe(true);
    expect(await page.locator('#commit').isDisabled()).toBe(true);
    await shots(page, 'error');

    await page.locator('#paste-panel > summary').click();
    await page.fill('#paste-text', 'Quarterly results\nRevenue was strong this quarter.\n');
    await page.click('#preview-paste');
    await page.locator('#message[data-intent="error"]').waitFor();
    expect(await message.innerText()).toMatch(/Nothing could be read[\s\S]*pasted text[\s\S]*no figures could be read/i);
  });

  test('an empty paste is refused and shows no stale preview', async () => {
    await page.fill('#paste-text', '   ');
    await page.click('#preview-paste');
    await page.locator('#message[data-intent="error"]').waitFor();
    expect(await page.locator('#preview').isHidden()).toBe(true);
    expect(await page.locator('#commit').isDisabled()).toBe(true);
  });

  test('a release picked from a file is previewed like the built-in one', async () => {
    await page.click('#start-over');
    await page.locator('#start-over').waitFor({ state: 'hidden' });
    await page.setInputFiles('#file-input', SEED_FILE);
    await page.locator('#message').waitFor({ state: 'hidden' });
    expect(await page.locator('[data-testid="company"]').textContent()).toBe('Mpower Holding Corporation (MPE)');
    expect(await page.locator('[data-testid="non-ties"] > li[data-status="break"]').count()).toBe(1);
    expect(log.errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(log.blocked).toEqual([]);
  });
});
