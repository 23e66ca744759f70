// Claims shown everywhere a person looks (the import report and JSON, =MPWR.CLAIMS), a text that
// contradicts its tables, and other companies' releases: their claims are judged by their own
// tables only, never by Mpower's facts, and a disagreement found by words alone is not a break.
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../src/cli';
import { FormulaData } from '../src/formulas/data';
import { callFunction } from '../src/formulas/functions-impl';
import { claimCoverage } from '../src/narrative';
import * as claimsReader from '../src/narrative/claims';
import { analyze } from '../src/pipeline';
import { renderClaims } from '../src/report';

const SEED_NAME = 'mpwr-2004q2-ex99-1.txt';
const SEED = fs.readFileSync(path.resolve(__dirname, '../assets/filings', SEED_NAME), 'utf8');
const FILINGS = path.resolve(__dirname, 'fixtures/filings');
const filing = (name: string) => ({ name, text: fs.readFileSync(path.join(FILINGS, name), 'latin1') });

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => { out += `${s}\n`; }, err: (s) => { err += `${s}\n`; } });
  return { code, out, err };
}

describe('a text that contradicts its tables', () => {
  // Line 21 says revenue was $38.5 million; make it say $39.5 million (the table still prints 38,496 on line 238).
  const text = SEED.replace('to $38.5 million in the second quarter of 2004', 'to $39.5 million in the second quarter of 2004');
  const analysis = analyze([{ name: SEED_NAME, text }]);

  test('the claim breaks with both numbers and both lines', () => {
    const c = analysis.claims.find((x) => x.claimed?.text === '$39.5 million');
    expect(c?.status).toBe('break');
    expect(c?.line).toBe(21);
    expect(c?.stated?.toString()).toBe('39.5');
    expect(c?.actual?.toString()).toBe('38.496');
    expect(c?.operands.map((o) => o.line)).toEqual([238]);
    expect(c?.reason).toBe('the text says $39.5 million; the table prints Total Operating Revenues 2004Q2 38,496 (line 238)');
  });

  test('the report shows it first, with the sentence and the table line', async () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'mpwr-claims-'));
    const file = path.join(dir, 'contradicts.txt');
    fs.writeFileSync(file, text);
    const r = await run(['import', file]);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Claims in the text: 47 — 42 linked \(\d+ tie, \d+ rounding, 1 break\), 5 unlinked/);
    const section = r.out.slice(r.out.indexOf('CLAIMS BREAK (1)'));
    expect(section.split('\n').slice(0, 5)).toEqual([
      'CLAIMS BREAK (1)',
      '  BREAK      line   21  "$39.5 million"  amount: Total Operating Revenues 2004Q2  [claim:L21C19@contradicts.txt]',
      '      the text says $39.5 million; the table prints Total Operating Revenues 2004Q2 38,496 (line 238)',
      expect.stringMatching(/^ {6}line {3}20: Mpower increased revenue from continuing operations by 3\.6% over the first quarter of 2004 to \$39\.5 million/),
      '      line  238: Total Operating Revenues                                                      38,496                37,153                 37,758',
    ]);
  });
});

describe('--fail-on-break counts the claims of the text', () => {
  const text = SEED.replace('to $38.5 million in the second quarter of 2004', 'to $39.5 million in the second quarter of 2004');
  const claim = analyze([{ name: SEED_NAME, text }]).claims.find((x) => x.claimed?.text === '$39.5 million');
  // The id printed beside the break and taken by --accept: the claim's number in its file, and the file.
  const claimId = `claim:${claim?.id}@${SEED_NAME}`;

  test('a contradicted claim fails the import until it is accepted like a check', async () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'mpwr-claims-'));
    const file = path.join(dir, 'mpwr-2004q2-ex99-1.txt');
    fs.writeFileSync(file, text);
    // The seed's own break (per-share discontinued operations, line 266) accepted: the claim alone fails it.
    const plug = ['--accept', 'eps-discontinued@2004Q1'];
    const failing = await run(['import', file, '--fail-on-break', ...plug]);
    const accepted = await run(['import', file, '--fail-on-break', ...plug, '--accept', claimId]);
    const seed = await run(['import', '--fail-on-break', ...plug]);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(claim?.status).toBe('break');
    expect(failing.code).toBe(1);
    expect(failing.out).toContain(`[${claimId}]`);
    expect(accepted.code).toBe(0);
    expect(accepted.err).toBe('');
    // The accepted break is still shown as a break, marked accepted, and counted apart.
    expect(accepted.out).toContain(`[${claimId}]  [accepted: accepted on the command line]`);
    expect(accepted.out).toMatch(/Claims in the text: 47 — 42 linked \(\d+ tie, \d+ rounding, 1 break \(1 accepted\)\), 5 unlinked/);
    expect(seed.code).toBe(0);
  });
});

describe('the claims are read when asked for, not for a formula', () => {
  afterEach(() => jest.restoreAllMocks());

  test('a value formula reads only the sentences naming a text-only concept; the whole prose is read on first use of claims', () => {
    const read = jest.spyOn(claimsReader, 'readClaims');
    const a = analyze([{ name: SEED_NAME, text: SEED }]);
    const data = new FormulaData(a);
    // Adjusted EBITDA, Q2 2004: $2,544 thousand (seed line 272); capital expenditures $1.8 million (line 66, text only).
    expect(callFunction(data, 'ADJ_EBITDA', ['Q2 2004'])).toBe(2544);
    expect(callFunction(data, 'VALUE', ['capital_expenditures', 'Q2 2004'])).toBe(1800);
    // One call so far: the capital-expenditures sentence alone (an `only` filter), for the narrative fact.
    expect(read.mock.calls.map((c) => typeof c[1].only)).toEqual(['function']);
    expect(a.claims.length).toBe(47); // test/support/seed-claims.ts lists the 47
    expect(read.mock.calls.map((c) => typeof c[1].only)).toEqual(['function', 'undefined']);
  });
});

describe('figures of an indented paragraph', () => {
  test('a guidance range stated in the text is placed where it is printed, leading blanks counted', () => {
    // The seed's line 74 (`2004 is $152.6 million to $155.6 million, and for full-year 2005 is ...`)
    // indented by four blanks: its first figure then stands at columns 12 to 26, its second at 30 to 44.
    const lines = SEED.split('\n');
    lines[73] = `    ${lines[73]}`;
    const a = analyze([{ name: SEED_NAME, text: lines.join('\n') }]);
    const range = a.dataset.facts().filter((f) => f.concept === 'revenue_total' && f.period.key === 'FY2004' && f.scenario.startsWith('guidance'));
    expect(range.map((f) => [f.scenario, f.source.line, f.source.column])).toEqual([
      ['guidance-low', 74, [12, 26]],
      ['guidance-high', 74, [30, 44]],
    ]);
  });
});

describe('the import report and JSON of the seed', () => {
  test('the report counts the claims and lists the unlinked ones with their reasons', async () => {
    const r = await run(['import']);
    expect(r.out).toMatch(/Claims in the text: 47 — 42 linked \(9 tie, 33 rounding, 0 break\), 5 unlinked/);
    expect(r.out).toContain('  UNLINKED   line   66  "$1.8 million"  amount: Capital expenditures 2004Q2');
    expect(r.out).toContain('no table prints capital expenditures: kept as a narrative fact (=MPWR.VALUE("capital_expenditures", "2004Q2"))');
    expect(r.out).toContain('  ROUNDING   line   20  "increased 3.6%"  change: Total Operating Revenues 2004Q2 vs 2004Q1 = 3.6147821 (line 238, line 238)');
  });

  test('JSON claims carry text, line, concept, period, claimed, fact value and status', async () => {
    const r = await run(['import', '--json']);
    const doc = JSON.parse(r.out) as { claims: Record<string, unknown>[] };
    expect(doc.claims).toHaveLength(47);
    expect(doc.claims.find((c) => c.line === 53)).toMatchObject({
      text: 'Loss from continuing operations was $1.3 million in the second quarter of 2004, up from a $0.5 million loss from continuing operations in the first quarter of 2004 and a 72% improvement over the $4.6 million loss from continuing operations in the second quarter of 2003.',
      line: 53, column: [36, 48], form: 'amount', concept: 'loss_from_continuing_operations', period: '2004Q2',
      claimed: '-1.3', scale: 'millions', fact: '-1.312', status: 'rounding',
      facts: [{ concept: 'loss_from_continuing_operations', period: '2004Q2', scenario: 'actual', value: '-1312', file: SEED_NAME, line: 251 }],
    });
  });
});

describe('=MPWR.CLAIMS([period])', () => {
  const d = new FormulaData(analyze([{ name: SEED_NAME, text: SEED }]));

  test('spills a header row, then text, claimed, actual, status and line; money in $ thousands, percentages as fractions', () => {
    const rows = callFunction(d, 'CLAIMS', []) as unknown[][];
    expect(rows[0]).toEqual(['text', 'claimed', 'actual', 'status', 'line']);
    expect(rows).toHaveLength(48);
    expect(rows.find((r) => r[4] === 21)).toEqual(['Total Operating Revenues 2004Q2: "$38.5 million"', 38500, 38496, 'rounding', 21]);
    const pct = rows.find((r) => r[4] === 20) as unknown[];
    expect(pct.slice(0, 2)).toEqual(['Total Operating Revenues 2004Q2 vs 2004Q1: "increased 3.6%"', 0.036]);
    expect(pct[2]).toBeCloseTo(0.0361478, 6);
    expect(rows.find((r) => r[4] === 66)).toEqual(['Capital expenditures 2004Q2: "$1.8 million"', 1800, '', 'unlinked', 66]);
  });

  test('a period selects the claims about it (or compared with it); no claim is #N/A', () => {
    const q1 = callFunction(d, 'CLAIMS', ['Q1 2004']) as unknown[][];
    // Every claim about 2004Q1 or its balance sheet, or comparing with them.
    expect(q1.slice(1).map((r) => r[4])).toEqual([16, 20, 25, 28, 31, 35, 41, 41, 48, 48, 54, 54, 57, 68]);
    const none = callFunction(d, 'CLAIMS', ['Q3 2005']);
    expect(none).toMatchObject({ code: '#N/A' });
    expect(callFunction(d, 'CLAIMS', ['nonsense'])).toMatchObject({ code: '#VALUE!' });
  });
});

describe("other companies' releases", () => {
  test('=MPWR.CLAIMS answers Mpower only: a Sears release imported beside the seed adds no row', () => {
    const alone = callFunction(new FormulaData(analyze([{ name: SEED_NAME, text: SEED }])), 'CLAIMS', []) as unknown[][];
    const beside = callFunction(new FormulaData(analyze([filing('sears-2004q2-8k.txt')], [{ name: SEED_NAME, text: SEED }])), 'CLAIMS', []) as unknown[][];
    expect(beside).toEqual(alone);
  });

  test('claims are judged by their own tables only, never by Mpower facts', () => {
    const sears = filing('sears-2004q2-8k.txt');
    const a = analyze([sears], [{ name: SEED_NAME, text: SEED }]);
    const claims = a.claims.filter((c) => c.file === sears.name);
    expect(claims.length).toBeGreaterThan(40);
    for (const c of claims) {
      expect(c.quantity.concept).toBeUndefined();
      for (const o of c.operands) expect(o.file).toBe(sears.name);
    }
    // "net income of $53 million, or $0.24 per share ... compared with net income of $309 million,
    // or $1.04 per share ... in the second quarter of 2003" (lines 153–156) against NET INCOME/ (LOSS)
    // $53 and $309 and Earnings/ (loss) per share $1.04 (lines 382, 394).
    const held = claims.filter((c) => c.status === 'tie' || c.status === 'rounding').map((c) => [c.line, c.claimed?.text, c.period, c.operands[0]?.line]);
    expect(held).toEqual([[153, '$53 million', '2004Q2', 382], [155, '$309 million', '2003Q2', 382], [155, '$1.04', '2003Q2', 394]]);
  });

  test('a disagreement found by words alone is not a break (the Domestic segment is not the company)', () => {
    const a = analyze([filing('sears-2004q2-8k.txt')]);
    expect(a.claims.filter((c) => c.status === 'break')).toEqual([]);
    // "The Domestic segment ... reported operating income of $42 million" (line 182) against the consolidated 53 (line 365).
    const domestic = a.claims.find((c) => c.line === 182 && c.claimed?.text === '$42 million');
    expect(domestic?.status).toBe('unlinked');
    expect(domestic?.reason).toMatch(/matched by its words only, and it disagrees .*Operating income 2004Q2 53 \(line 365\).*not asserted/);
  });

  test("an HTML exhibit's sentences are read too: Apple's revenue and per-share figures against its own Net sales and Diluted lines", () => {
    const apple = filing('apple-2004q3-8k.txt');
    const claims = analyze([apple]).claims;
    // "Revenue for the quarter was $2.014 billion, up 30 percent from the year-ago quarter" (lines 592–593):
    // Net sales $2,014 against $1,545 a year earlier (30.4%).
    const revenue = claims.find((c) => c.claimed?.text === '$2.014 billion');
    expect([revenue?.status, revenue?.period, revenue?.operands[0]?.label, revenue?.operands[0]?.value.toString()]).toEqual(['tie', '2004Q2', 'Net sales', '2014']);
    const growth = claims.find((c) => c.claimed?.text === '30 percent' && c.line === 593);
    expect([growth?.status, growth?.base, growth?.direction]).toEqual(['rounding', '2003Q2', 'up']);
    // "a net profit of $61 million, or $.16 per diluted share" (line 590).
    expect(claims.filter((c) => c.line === 590).map((c) => [c.claimed?.text, c.status])).toEqual([['$61 million', 'tie'], ['$.16', 'tie']]);
    for (const c of claims) expect(c.quantity.concept).toBeUndefined();
  });

  test('coverage is counted per filing (claims found, linked, judged)', () => {
    for (const name of ['sears-2004q2-8k.txt', 'southern-2004q4-8k.txt', 'astafunding-2005q3-8k.txt', 'apple-2004q3-8k.txt', 'apple-2011q1-8k.txt', 'buckle-2024q3-ex99.html']) {
      const a = analyze([filing(name)]);
      const k = claimCoverage(a.claims);
      expect(k.found).toBeGreaterThan(0);
      expect(k.found).toBe(k.linked + k.unlinked);
      expect(k.linked).toBe(k.tie + k.rounding + k.break);
      expect(k.break).toBe(0);
    }
  });
});

describe('binding rules that must not overreach (sentences added to the seed before line 66)', () => {
  // Seed figures, read off its tables: revenue 38,496 / 37,153 / 37,758 (line 238, Q2 04 / Q1 04 /
  // Q2 03); net loss (1,404) / (263) / (4,743) (line 260); net loss per share (0.02) / 0.00 /
  // (0.07) (line 267); Adjusted EBITDA 2,544 / 3,216 (line 272).
  const LINES_ = SEED.split('\n');
  const withParagraph = (paragraph: string) => {
    const at = LINES_.findIndex((l) => l.startsWith('Capital expenditures were $1.8 million'));
    const text = [...LINES_.slice(0, at), paragraph, '', ...LINES_.slice(at)].join('\n');
    const a = analyze([{ name: SEED_NAME, text }]);
    return { a, line: at + 1, claims: a.claims.filter((c) => c.line === at + 1) };
  };
  const read = (c: { quantity: { concept?: string }; period?: string; status: string } | undefined) => c && [c.quantity.concept, c.period, c.status];

  test('a figure after "compared to" is the subject\'s, not the aside\'s ("with Adjusted EBITDA of ...")', () => {
    const { claims } = withParagraph('Revenue was $38.5 million in the second quarter of 2004, with Adjusted EBITDA of $2.5 million, compared to $37.2 million in the first quarter of 2004.');
    expect(claims.map((c) => [c.claimed?.text, ...read(c)!])).toEqual([
      ['$38.5 million', 'revenue_total', '2004Q2', 'rounding'],
      ['$2.5 million', 'adjusted_ebitda', '2004Q2', 'rounding'],
      ['$37.2 million', 'revenue_total', '2004Q1', 'rounding'],
    ]);
  });

  test('a pair ("$0.02 and $0.00") after three periods is not bound to two of them: unlinked, with the reason', () => {
    const { claims } = withParagraph('Net loss was $1.4 million for the second quarter of 2004 and $0.3 million for the first quarter of 2004, compared to $4.7 million for the second quarter of 2003; net loss per share was $0.02 and $0.00.');
    expect(claims.map((c) => [c.claimed?.text, c.status])).toEqual([
      ['$1.4 million', 'rounding'], ['$0.3 million', 'rounding'], ['$4.7 million', 'rounding'], ['$0.02', 'unlinked'], ['$0.00', 'unlinked'],
    ]);
    expect(claims[3].reason).toMatch(/pair of figures/);
  });

  test('"$38.5 million and $37.2 million for the second and first quarters of 2004": one quarter each, in turn', () => {
    const { claims } = withParagraph('Revenue was $38.5 million and $37.2 million for the second and first quarters of 2004, respectively.');
    expect(claims.map((c) => [c.claimed?.text, ...read(c)!])).toEqual([
      ['$38.5 million', 'revenue_total', '2004Q2', 'rounding'],
      ['$37.2 million', 'revenue_total', '2004Q1', 'rounding'],
    ]);
    // One figure for two quarters at once is not a figure of either: unlinked, never judged against one of them.
    const [one] = withParagraph('Revenue was $38.5 million for the second and first quarters of 2004.').claims;
    expect([one.status, one.reason]).toEqual(['unlinked', 'one figure stated for two quarters at once']);
  });

  test('capital expenditures in a sentence naming no period make no fact (the full reading says why)', () => {
    const { a, claims } = withParagraph('For the first quarter of 2004, revenue was $37.2 million. Capital expenditures were $2.3 million.');
    const capex = claims.find((c) => c.claimed?.text === '$2.3 million');
    expect([capex?.quantity.concept, capex?.period, capex?.periodImplied, capex?.status]).toEqual(['capital_expenditures', '2004Q1', true, 'unlinked']);
    expect(capex?.reason).toMatch(/names no period for it: not kept as a fact/);
    // The seed's own sentence (now one line further down) still makes its fact, 1,800 for Q2 2004; nothing for Q1.
    expect(a.dataset.get('capital_expenditures', '2004Q2')?.value.toString()).toBe('1.8');
    expect(a.dataset.get('capital_expenditures', '2004Q1')).toBeUndefined();
  });

  test('"the first six months of 2004" makes a six-month fact', () => {
    const { a } = withParagraph('Capital expenditures were $4.1 million for the first six months of 2004.');
    expect(a.dataset.get('capital_expenditures', '6M2004-06-30')?.value.toString()).toBe('4.1');
  });
});

describe('periods of several months in the Q3 2004 fixture (nine-month columns: revenue 113,259 and 111,288 on line 122)', () => {
  const Q3 = fs.readFileSync(path.resolve(__dirname, 'fixtures/mpwr-2004q3-ex99-1.txt'), 'utf8');
  const lines = Q3.split('\n');
  const at = lines.findIndex((l) => l.startsWith('Interest expense and other expense for the second quarter'));
  const withParagraph = (paragraph: string) => {
    const text = [...lines.slice(0, at), paragraph, '', ...lines.slice(at)].join('\n');
    return analyze([{ name: 'mpwr-2004q3-ex99-1.txt', text }], [{ name: SEED_NAME, text: SEED }]).claims.filter((c) => c.file === 'mpwr-2004q3-ex99-1.txt' && c.line === at + 1);
  };

  test('"over the same period of 2003" of a nine-month figure is the nine months of 2003 (113,259 / 111,288 - 1 = 1.77%)', () => {
    const [c] = withParagraph('For the first nine months of 2004, revenue increased 1.8% over the same period of 2003.');
    expect([c.period, c.base, c.status]).toEqual(['9M2004-09-30', '9M2003-09-30', 'rounding']);
  });

  test('"the next nine months" is a period ahead, and a forecast for a later quarter is no actual: both unlinked, not breaks', () => {
    const [ahead] = withParagraph('The company expects Adjusted EBITDA of $5.0 million over the next nine months.');
    expect([ahead.claimed?.text, ahead.period, ahead.status, ahead.reason]).toEqual(['$5.0 million', undefined, 'unlinked', expect.stringMatching(/forecast/)]);
    // The Q4 2004 release is imported beside it: its actual Adjusted EBITDA is no judge of this forecast.
    const text = [...lines.slice(0, at), 'The company expects Adjusted EBITDA of $2.0 million in the fourth quarter of 2004.', '', ...lines.slice(at)].join('\n');
    const Q4 = fs.readFileSync(path.resolve(__dirname, 'fixtures/mpwr-2004q4-ex99-1.htm'), 'utf8');
    const a = analyze([{ name: 'mpwr-2004q3-ex99-1.txt', text }, { name: 'mpwr-2004q4-ex99-1.htm', text: Q4 }]);
    const forecast = a.claims.find((c) => c.file === 'mpwr-2004q3-ex99-1.txt' && c.line === at + 1);
    expect([forecast?.period, forecast?.status, forecast?.reason]).toEqual(['2004Q4', 'unlinked', expect.stringMatching(/forecast for a period after the release/)]);
  });
});

describe("the history fixtures' prose", () => {
  // The synthetic releases' text agrees with their tables (their authors computed every figure), so
  // no claim of theirs may break. Each claim below was once misread (and broke); its expected
  // reading is taken off the fixture's sentence and its table line by hand.
  const read = (p: string) => ({ name: path.basename(p), text: fs.readFileSync(path.resolve(__dirname, p), 'utf8') });
  const a = analyze(['fixtures/mpwr-2003q4-ex99-1.txt', 'fixtures/mpwr-2004q1-ex99-1.txt', 'fixtures/mpwr-2004q3-ex99-1.txt', 'fixtures/mpwr-2004q4-ex99-1.htm'].map(read), [{ name: SEED_NAME, text: SEED }]);
  const at = (file: string, line: number, text: string) => {
    const c = a.claims.find((x) => x.file === file && x.line === line && x.claimed?.text === text);
    return c && [c.quantity.concept, c.period, c.status, c.actual?.toString() ?? null];
  };

  test('with several releases, each claim of the report names its file, and a fact of another release its file too', () => {
    const lines = renderClaims(a.claims, true);
    // Q4 2003 line 14: "up 0.1%" over the third quarter of 2003, 36,912 (line 124) over 36,890, which the Q3 2004 release prints on its line 122.
    expect(lines.find((l) => l.includes('"up 0.1%"'))).toMatch(/^ {2}ROUNDING +mpwr-2003q4-ex99-1\.txt line +14 .*\(line 124, mpwr-2004q3-ex99-1\.txt line 122\)$/);
    expect(lines.filter((l) => /^ {2}[A-Z]+ /.test(l)).every((l) => /\.(txt|htm) line/.test(l))).toBe(true);
  });

  test('no claim of the Q4 2003, Q1, Q3 and Q4 2004 releases breaks', () => {
    expect(a.claims.filter((c) => c.status === 'break').map((c) => `${c.file}:${c.line} ${c.claimed?.text}`)).toEqual([]);
  });

  test('"the first nine months of 2004" is the nine-month column (Q3 lines 32: 113,259 and 7,074 on table lines 122, 158)', () => {
    expect(at('mpwr-2004q3-ex99-1.txt', 32, '$113.3 million')).toEqual(['revenue_total', '9M2004-09-30', 'rounding', '113.259']);
    expect(at('mpwr-2004q3-ex99-1.txt', 32, '$7.1 million')).toEqual(['adjusted_ebitda', '9M2004-09-30', 'rounding', '7.074']);
  });

  test('"gross margin" in a release before April 2004 is Adjusted Gross Margin (Q4 2003 lines 21-22: 20,318 on line 156; Q3 2003 19,290 printed by the Q3 2004 release)', () => {
    expect(at('mpwr-2003q4-ex99-1.txt', 21, '$20.3 million')).toEqual(['adjusted_gross_margin', '2003Q4', 'rounding', '20.318']);
    expect(at('mpwr-2003q4-ex99-1.txt', 22, '$19.3 million')).toEqual(['adjusted_gross_margin', '2003Q3', 'rounding', '19.29']);
    // "..., or 55% of revenue": the share takes the period of the figure it follows.
    const share = a.claims.find((x) => x.file === 'mpwr-2003q4-ex99-1.txt' && x.claimed?.text === '55%');
    expect([share?.form, share?.quantity.concept, share?.period, share?.status]).toEqual(['share', 'adjusted_gross_margin', '2003Q4', 'rounding']);
  });

  test('per-share figures take the quantity and the periods of their own clause', () => {
    // "net loss per share was $0.02 for the fourth quarter and $0.23 for the full year" (line 152: ($0.23) for 2003).
    expect(at('mpwr-2003q4-ex99-1.txt', 37, '$0.23')).toEqual(['eps_net_loss_basic_diluted', 'FY2003', 'tie', '-0.23']);
    // "Net loss was $2.1 million for the fourth quarter and $6.3 million for the full year 2004;
    // ... net loss per share was $0.03 and $0.08": in turn, the fourth quarter and the year.
    expect(at('mpwr-2004q4-ex99-1.htm', 60, '$0.03')).toEqual(['eps_net_loss_basic_diluted', '2004Q4', 'tie', '-0.03']);
    expect(at('mpwr-2004q4-ex99-1.htm', 61, '$0.08')).toEqual(['eps_net_loss_basic_diluted', 'FY2004', 'tie', '-0.08']);
  });

  test("a release's guidance is judged against its own tables only, and a reclassified amount is no level", () => {
    // Q4 2003 line 48: FY2005 Adjusted EBITDA $16.0-18.0 million; the Q4 2004 release's table prints the revised $12.0-15.0 million.
    const range = a.claims.find((x) => x.file === 'mpwr-2003q4-ex99-1.txt' && x.form === 'range' && x.claimed?.text === '$16.0 million');
    expect([range?.period, range?.status]).toEqual(['FY2005', 'unlinked']);
    // Q3 line 37: "$5 thousand of other expense was reclassified as interest expense".
    const moved = a.claims.find((x) => x.file === 'mpwr-2004q3-ex99-1.txt' && x.line === 37);
    expect([moved?.claimed?.text, moved?.status, moved?.reason]).toEqual(['$5 thousand', 'unlinked', expect.stringMatching(/reclassified/)]);
  });
});
