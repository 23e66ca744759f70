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
import { contentType, serveDirectory, type StaticServer } from './support/static-server';

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM = process.env.MPWR_CHROMIUM ?? '/usr/bin/chromium';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const OUTPUT = path.join(ROOT, 'test-output');
const SEED_FILE = path.join(ROOT, 'assets/filings/mpwr-2004q2-ex99-1.txt');
/** The task pane's default width in Excel is about 320-350 px. */
const PANE = { width: 340, height: 860 };

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
  }, 240_000);

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

  test('the built-in release, chosen with the keyboard, gives a preview of the filing and its checks', async () => {
    await page.keyboard.press('Tab');
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

    const nonTies = preview.locator('[data-testid="non-ties"] > li');
    expect(await nonTies.count()).toBe(15);
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

    expect(await page.locator('#commit').textContent()).toBe('Download .xlsx');
    expect(await page.locator('#commit').isEnabled()).toBe(true);
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
    expect(await result.textContent()).toMatch(/^Downloaded mpwr-2004Q2\.xlsx \(\d+ sheets, \d+ KB; 126 checks: \d+ tie, 14 rounding, 1 break\)\.$/);
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

  test('a file that is not a release is refused in words a person can act on', async () => {
    await page.setInputFiles('#file-input', { name: 'results.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    const message = page.locator('#message');
    await message.waitFor();
    expect(await message.innerText()).toMatch(/results\.pdf is a \.pdf file\. Choose the release as \.txt or \.htm/);

    await page.locator('#paste-panel > summary').click();
    await page.fill('#paste-text', 'Quarterly results\nRevenue was strong this quarter.\n');
    await page.click('#preview-paste');
    await page.locator('#message[data-intent="error"]').waitFor();
    expect(await message.innerText()).toMatch(/Nothing could be read[\s\S]*pasted text[\s\S]*no figures could be read/i);
  });

  test('a release picked from a file is previewed like the built-in one', async () => {
    await page.setInputFiles('#file-input', SEED_FILE);
    await page.locator('#message').waitFor({ state: 'hidden' });
    expect(await page.locator('[data-testid="company"]').textContent()).toBe('Mpower Holding Corporation (MPE)');
    expect(await page.locator('[data-testid="non-ties"] > li[data-status="break"]').count()).toBe(1);
    expect(log.errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(log.blocked).toEqual([]);
  });
});
