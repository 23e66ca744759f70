/**
 * The seed workbook as LibreOffice prints it: its PDF export is at most 8 pages (before the
 * print setup, six small sheets printed as 28, labels on one page and their numbers on the next).
 * Runs where LibreOffice is installed (CI installs libreoffice-calc); elsewhere it says so and
 * skips.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { analyze } from '../src/pipeline';
import { buildPlan } from '../src/workbook/layout';
import { planToXlsx } from '../src/xlsx/write-xlsx';

const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);
const SEED = 'mpwr-2004q2-ex99-1.txt';

/** Pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

(soffice ? describe : describe.skip)('the seed workbook printed by LibreOffice', () => {
  test('its PDF export is at most 8 pages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpwr-print-'));
    try {
      const text = readFileSync(join(__dirname, '..', 'assets', 'filings', SEED), 'utf8');
      const xlsx = join(dir, 'mpwr.xlsx');
      writeFileSync(xlsx, await planToXlsx(buildPlan(analyze([{ name: SEED, text }]))));
      // A profile of its own, so parallel runs and a user's LibreOffice do not collide.
      execFileSync(soffice as string, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'pipe', timeout: 120_000 });
      const pages = pdfPages(readFileSync(join(dir, 'mpwr.pdf')));
      expect(pages).toBeGreaterThanOrEqual(6); // one sheet at least a page each
      expect(pages).toBeLessThanOrEqual(8);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

if (!soffice) test.skip('LibreOffice is not installed here: the print test did not run', () => undefined);
