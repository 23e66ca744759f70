// `mpwr call NAME [ARG...]`: arguments typed as in a cell, output as Excel would show it.
import { formatResult, parseCellInput, runCall } from '../src/formulas/call';
import { functionHelp } from '../src/formulas/help';
import { formulaError, scalarArg } from '../src/formulas/values';
import { SEED, syntheticQ3 } from './support/formulas-seed';

const call = (name: string, ...args: string[]) => runCall(name, args, [], [SEED]);

describe('arguments typed as in a cell', () => {
  test('numbers, booleans, empty, errors, quoted text, text, arrays', () => {
    expect(parseCellInput('38168')).toBe(38168);
    expect(parseCellInput('-1.5')).toBe(-1.5);
    expect(parseCellInput('1,000')).toBe(1000);
    expect(parseCellInput('TRUE')).toBe(true);
    expect(parseCellInput('false')).toBe(false);
    expect(parseCellInput('')).toBeNull();
    expect(parseCellInput('#N/A')).toEqual(formulaError('#N/A', 'the argument is the error #N/A'));
    expect(parseCellInput('"2004"')).toBe('2004');
    expect(parseCellInput('Q2 2004')).toBe('Q2 2004');
    expect(parseCellInput('2Q04')).toBe('2Q04');
    expect(parseCellInput('{1,2;3,"a,b"}')).toEqual([
      [1, 2],
      [3, 'a,b'],
    ]);
  });

  test.each<[string, unknown]>([
    ['"a""b"', 'a"b'], // a doubled quote inside quotes is one quote
    ['""', ''],
    ['"', '"'], // one quote alone is text, not an empty quoted string
    ['"abc', '"abc'],
    ['abc"', 'abc"'],
    ['xtrue', 'xtrue'],
    ['TRUEx', 'TRUEx'],
    ['  true  ', true],
    ['#div/0!', formulaError('#DIV/0!', 'the argument is the error #div/0!')],
    ['#N/Ax', '#N/Ax'],
    ['1e3', 1000],
    ['.5', 0.5],
    ['1,00', '1,00'], // not a thousands separator: text
    ['{1,,2}', [[1, null, 2]]],
    ['{"x";TRUE}', [['x'], [true]]],
  ])('%s', (raw, expected) => {
    expect(parseCellInput(raw)).toEqual(expected);
  });
});

describe('one value from what a host passes (scalarArg)', () => {
  const err = (code: string) => expect.objectContaining({ kind: 'formula-error', code });
  test.each<[string, unknown, unknown]>([
    ['a 1×1 range is its cell', [[5]], { type: 'number', value: 5 }],
    ['a one-cell row', [7], { type: 'number', value: 7 }],
    ['an empty range is empty', [], { type: 'empty' }],
    ['a 2×1 range is #VALUE!', [[1], [2]], err('#VALUE!')],
    ['a 1×2 range is #VALUE!', [[1, 2]], err('#VALUE!')],
    ['undefined is empty', undefined, { type: 'empty' }],
    ['blank text is empty', '   ', { type: 'empty' }],
    ['error text is #VALUE!', ' #N/A ', err('#VALUE!')],
    ['Infinity is #NUM!', Infinity, err('#NUM!')],
    ['a bigint is a number', BigInt(3), { type: 'number', value: 3 }],
    ['a Date is its serial (38168 = 2004-06-30)', new Date(Date.UTC(2004, 5, 30, 15)), { type: 'number', value: 38168 }],
    ['an invalid Date is #VALUE!', new Date(NaN), err('#VALUE!')],
    ['a host error { code: "#N/A" } keeps its code', { code: '#N/A' }, err('#N/A')],
    ['a host error named without marks ("DIV0", any case)', { type: 'div0' }, err('#DIV/0!')],
    ['a host error { value: "#REF!" }', { value: '#REF!' }, err('#REF!')],
    ['a host error of a code not ours is #VALUE!', { code: '#SPILL!' }, err('#VALUE!')],
    ['a thrown Error is #VALUE!', new Error('boom'), err('#VALUE!')],
    ['any other object is #VALUE!', { a: 1 }, err('#VALUE!')],
    ['a function is #VALUE!', () => 1, err('#VALUE!')],
  ])('%s', (_name, x, expected) => {
    expect(scalarArg(x, 'period')).toEqual(expected);
  });

  test('a host error says what it was', () => {
    expect(scalarArg({ code: '#N/A', message: 'no data' }, 'period')).toEqual(formulaError('#N/A', 'period is an error: no data'));
    expect(scalarArg({ code: 'NotAvailable' }, 'period')).toEqual(formulaError('#VALUE!', 'period is an error (NotAvailable)'));
  });
});

describe('runCall', () => {
  test('mpwr call ADJ_EBITDA "Q2 2004" prints 2544 (line 272)', () => {
    expect(call('ADJ_EBITDA', 'Q2 2004')).toEqual({ stdout: '2544\n', stderr: '', code: 0 });
    expect(call('MPWR.ADJ_EBITDA', '38168')).toEqual({ stdout: '2544\n', stderr: '', code: 0 });
    expect(call('adj_ebitda', '2Q04').stdout).toBe('2544\n');
  });

  test('fractions, text and booleans as Excel shows them', () => {
    expect(call('ADJ_EBITDA_MARGIN', 'Q2 2004').stdout).toBe('0.066\n');
    expect(call('SOURCE', 'Net Loss', 'Q2 2004').stdout).toBe('mpwr-2004q2-ex99-1.txt, line 260: Net Loss ($1,404) ($263) ($4,743)\n');
    expect(call('CHECK', 'Q2 2004').stdout).toBe('TRUE\n');
    expect(call('CHECK', '2004Q1').stdout).toBe('FALSE\n');
    expect(call('GUIDANCE', 'Revenue', '2005', 'high').stdout).toBe('180500\n');
  });

  test('a matrix as tab-separated rows', () => {
    expect(call('SERIES', 'Revenue')).toEqual({ stdout: '2003Q2\t2004Q1\t2004Q2\n37758\t37153\t38496\nprinted\tprinted\tprinted\n', stderr: '', code: 0 });
    expect(call('RECON', 'Adjusted Gross Margin', 'Q2 2004').stdout).toBe(
      'Adjusted Gross Margin\t20756\t20756\nDepreciation and Amortization (allocated to Cost of Operating Revenues)\t1964\t-1964\nGross Margin (GAAP)\t18792\t18792\n',
    );
  });

  test('an error: the code on stdout, the message on stderr, exit code 1', () => {
    expect(call('ADJ_EBITDA', 'Q3 2009')).toEqual({
      stdout: '#N/A\n',
      stderr: 'No Adjusted EBITDA for 2009Q3; imported periods: 2003Q2, 2004Q1, 2004Q2; not derivable: needs 9M2009-09-30 and 6M2009-06-30 (the years to date with and without it)\n',
      code: 1,
    });
    expect(call('ADJ_EBITDA', 'banana')).toMatchObject({ stdout: '#VALUE!\n', code: 1 });
    expect(call('ADJ_EBITDA', '')).toMatchObject({ stdout: '#VALUE!\n', code: 1 });
    expect(call('ADJ_EBITDA', 'TRUE')).toMatchObject({ stdout: '#VALUE!\n', code: 1 });
    expect(call('ADJ_EBITDA', '#N/A')).toMatchObject({ stdout: '#N/A\n', code: 1 });
    expect(call('ADJ_EBITDA', '{1,2}')).toMatchObject({ stdout: '#VALUE!\n', stderr: 'period must be a single value, not a 1×2 range\n', code: 1 });
    expect(call('ADJ_EBITDA')).toMatchObject({ stdout: '#VALUE!\n', code: 1 });
  });

  test('an unknown function is #NAME?', () => {
    const r = call('EBITDA_PLEASE', 'Q2 2004');
    expect(r.stdout).toBe('#NAME?\n');
    expect(r.stderr).toMatch(/^No function MPWR\.EBITDA_PLEASE; functions: VALUE, ADJ_EBITDA/);
    expect(r.code).toBe(1);
  });

  test('a name as typed in a cell: blanks around it, "=", the namespace only in front, "()" only at the end', () => {
    for (const name of [' ADJ_EBITDA ', '=MPWR.ADJ_EBITDA', '=mpwr.adj_ebitda()', 'MPWR.ADJ_EBITDA()', ' adj_ebitda() ', ' =MPWR.ADJ_EBITDA() ', 'ADJ_EBITDA()']) {
      expect([name, call(name, 'Q2 2004').stdout]).toEqual([name, '2544\n']);
    }
    const unknown = (name: string, shown: string) => {
      const r = call(name, 'Q2 2004');
      expect([name, r.stdout, r.stderr.split(';')[0], r.code]).toEqual([name, '#NAME?\n', `No function MPWR.${shown}`, 1]);
    };
    unknown('MPWR.NOPE', 'NOPE');
    unknown('=MPWR.NOPE()', 'NOPE');
    unknown('ADJ_MPWR.EBITDA', 'ADJ_MPWR.EBITDA');
    unknown('X=MPWR.ADJ_EBITDA', 'X=MPWR.ADJ_EBITDA');
    unknown('()ADJ_EBITDA', '()ADJ_EBITDA');
    unknown('ADJ_EBITDA()()', 'ADJ_EBITDA()');
    unknown('==MPWR.ADJ_EBITDA', '==MPWR.ADJ_EBITDA');
  });

  test('an exception while running is #VALUE! with its message, never a throw', () => {
    // An argument that is not text (as no command line gives) fails to parse.
    const r = runCall('ADJ_EBITDA', [undefined as unknown as string], [], [SEED]);
    expect([r.stdout, r.code]).toEqual(['#VALUE!\n', 1]);
    expect(r.stderr).toMatch(/\S\n$/);
  });

  test('--file filings overlay the built-in one', () => {
    expect(runCall('ADJ_EBITDA', ['Q3 2004'], [syntheticQ3()], [SEED]).stdout).toBe('2544\n');
    expect(runCall('ADJ_EBITDA', ['Q3 2004'], [], [SEED]).stdout).toBe('#N/A\n');
  });

  test('error cells inside a matrix print their code, with messages on stderr', () => {
    const out = formatResult([
      ['a', 1],
      ['b', formulaError('#N/A', 'No b')],
    ]);
    expect(out).toEqual({ stdout: 'a\t1\nb\t#N/A\n', stderr: 'row 2, column 2: #N/A No b\n', code: 0 });
  });
});

describe("help's examples answer what the help says (mpwr help, the pane's help)", () => {
  // An answer's head is what the example gives for the built-in release (before any " (" or " with "
  // remark); rows of a spill are separated by " / ", a row with "…" is abridged and not compared.
  const cases = functionHelp().filter((f) => f.answer).map((f) => [f.name, f.example, f.answer] as const);
  test.each(cases)('%s: %s', (name, example, answer) => {
    const m = /^=MPWR\.(\w+)\((.*)\)$/.exec(example);
    expect(m?.[1]).toBe(name);
    const args = (m?.[2] ?? '').match(/"[^"]*"|[^,\s][^,]*/g) ?? [];
    const out = call(name, ...args.map((a) => a.trim()));
    const cells = out.stdout.split('\n')[0] === '' ? [] : out.stdout.trim().split('\n').map((line) => line.split('\t'));
    const head = answer.split(/ \(| with /)[0];
    const rows = head.split(' / ').filter((r) => !r.includes('…'));
    // A number in the help stands for the answer rounded to its digits (0.0195 for 0.019545…).
    const same = (word: string, token: string): boolean => {
      if (word === token) return true;
      const digits = /^-?\d+\.(\d+)$/.exec(token)?.[1].length;
      return digits !== undefined && /^-?\d+(\.\d+)?$/.test(word) && Number(word).toFixed(digits) === token;
    };
    for (const row of rows) {
      const tokens = row.split(' ');
      const found = cells.some((c) => {
        const words = c.join(' ').split(' ');
        return tokens.every((t) => words.some((w) => same(w, t)));
      });
      expect([row, found]).toEqual([row, true]);
    }
  });
});
