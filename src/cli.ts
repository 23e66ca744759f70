/**
 * The `mpwr` command.
 *   mpwr import [FILE...] [--json] [--all] [--fail-on-break] [--accept ID[,ID]]... [--accept-file F] [--xlsx OUT.xlsx]
 *   mpwr call NAME [ARG...] [--file FILE]...
 *   mpwr help
 * Without FILE, the built-in Mpower Q2 2004 release. Exit 0 on success, 1 with --fail-on-break
 * when a check breaks that is not accepted (or when a call answers an error), 2 on unusable input.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import { decodeText } from './filing/encoding';
import { MAX_FILING_BYTES } from './filing/reader';
import { claimKey } from './narrative';
import { analyze, uniqueNames, type Analysis, type SourceText } from './pipeline';
import { renderJsonChunks, renderReport } from './report';
import { openBreaks, parseAcceptances, type Acceptances } from './reconcile/triage';

export const BUILT_IN_FILING = path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt');

const USAGE = `mpwr — read and reconcile Mpower Holding earnings releases (EX-99.1)

FILE is a release as EDGAR serves it: the exhibit's text (.txt) or HTML (.htm, .html), or a
whole submission (.txt) holding either. Another company's release is read and reported (and
written with --xlsx), but the MPWR functions answer from Mpower's releases only.

Usage:
  mpwr import [FILE...] [--json] [--all] [--fail-on-break] [--accept ID[,ID]] [--accept-file FILE] [--xlsx OUT.xlsx]
      Read the filings (default: the built-in Mpower Q2 2004 release), print what was found and
      the checks: breaks, unverified, incomplete and roundings in full, ties as a count.
        --all            list the ties too
        --json           facts and checks as JSON
        --xlsx OUT.xlsx  also write the reconciled workbook
        --fail-on-break  exit 1 when a check or a claim of the text breaks (accepted breaks do not count)
        --accept ID[,ID] accept known breaks (a plug of the filing) by check or claim id; repeatable
        --accept-file F  accept the breaks listed in F: one id per line, a reason after it
  mpwr call NAME [ARG...] [--file FILE]...
      Print what =MPWR.NAME(ARG...) returns in Excel over the built-in release and the files
      given (one path after each --file), e.g.  mpwr call ADJ_EBITDA "Q2 2004"
  mpwr help
      This text and every function with its arguments and an example.

Exit codes: 0 success, 1 a check or a claim breaks (with --fail-on-break) or a call returns an error,
2 unusable input.`;

/** The usage, then every function of the registry with its arguments and an example. */
async function helpText(): Promise<string> {
  const { functionHelp, PERIOD_FORMS } = await import('./formulas/help');
  const out = [USAGE, '', 'Functions (in Excel as =MPWR.NAME(...); with mpwr call NAME ARG...):'];
  const list = functionHelp();
  const width = Math.max(...list.map((f) => f.signature.length));
  for (const f of list) {
    out.push(`  ${f.signature.padEnd(width)}  ${f.summary}`);
    out.push(`  ${''.padEnd(width)}  e.g. ${f.example}${f.answer ? `  → ${f.answer}` : ''}`);
  }
  out.push('', `Periods: ${PERIOD_FORMS.map((p) => `"${p}"`).join(', ')}.`);
  out.push('Items: a label as printed ("Interest Expense") or a concept id (interest_expense); =MPWR.ITEMS() lists them.');
  out.push('Signs: every function answers an item in its own sign (income and gains as contributions to income, expenses positive); the workbook shows numbers as the filing prints them.');
  return out.join('\n');
}

class UsageError extends Error {}

interface Io {
  /** Writes a line (a newline is added when missing). */
  out: (s: string) => void;
  err: (s: string) => void;
  /**
   * Writes text as it is (long output in pieces); without it, the pieces are joined and given to
   * `out`. A promise it returns says to wait before the next piece (the reader is behind).
   */
  write?: (s: string) => void | Promise<void>;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  // A pipe's reader (`mpwr import --json | jq`) may be slower than the writer: wait for it to drain
  // rather than queue the whole document in memory (a 10 MB release's JSON is 65 MB of text).
  write: (s) => (process.stdout.write(s) ? undefined : new Promise<void>((resolve) => process.stdout.once('drain', resolve))),
};

/** Writes pieces of output, gathered into blocks of about 64 KB, each once the one before is taken. */
async function writeChunks(io: Io, chunks: Iterable<string>): Promise<void> {
  if (!io.write) {
    io.out([...chunks].join(''));
    return;
  }
  let block = '';
  for (const c of chunks) {
    block += c;
    if (block.length >= 65536) {
      await io.write(block);
      block = '';
    }
  }
  await io.write(`${block}\n`);
}

function readSources(files: string[]): SourceText[] {
  const list = files.length > 0 ? files : [BUILT_IN_FILING];
  const read = list.map((f): SourceText => {
    if (!existsSync(f)) throw new UsageError(`${f}: no such file`);
    const size = statSync(f).size;
    if (size > MAX_FILING_BYTES) {
      throw new UsageError(`${f}: the file is ${(size / 1048576).toFixed(1)} MB; filings over ${MAX_FILING_BYTES / 1048576} MB are refused`);
    }
    const buf = readFileSync(f);
    return { name: path.basename(f), text: decodeText(buf) };
  });
  // Two releases named alike in different folders are told apart as analyze tells them apart.
  return uniqueNames(read);
}

/** The first error that leaves a file unusable (nothing could be read from it), as one line. */
function unusableInput(analysis: Analysis, sources: SourceText[]): string | undefined {
  for (const s of sources) {
    const read = analysis.dataset.info().some((i) => i.file === s.name);
    if (read) continue;
    const d = analysis.diagnostics.find((x) => x.file === s.name && x.severity === 'error');
    return `${s.name}${d?.line ? `:${d.line}` : ''}: ${d?.message ?? 'no figures could be read'}`;
  }
  return undefined;
}

async function runImport(args: string[], io: Io): Promise<number> {
  const files: string[] = [];
  let json = false;
  let all = false;
  let failOnBreak = false;
  let xlsx: string | undefined;
  const accepted: Acceptances = new Map();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--all') all = true;
    else if (a === '--fail-on-break') failOnBreak = true;
    else if (a === '--xlsx') {
      xlsx = args[++i];
      if (!xlsx) throw new UsageError('--xlsx needs an output file name');
    } else if (a === '--accept' || a.startsWith('--accept=')) {
      const list = a === '--accept' ? args[++i] : a.slice('--accept='.length);
      if (!list) throw new UsageError('--accept needs check or claim ids, e.g. --accept eps-discontinued@2004Q1');
      for (const id of list.split(',').map((x) => x.trim()).filter((x) => x)) accepted.set(id, 'accepted on the command line');
    } else if (a === '--accept-file') {
      const f = args[++i];
      if (!f) throw new UsageError('--accept-file needs a file name');
      if (!existsSync(f)) throw new UsageError(`${f}: no such file`);
      for (const [id, reason] of parseAcceptances(readFileSync(f, 'utf8'))) accepted.set(id, reason);
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a} (see mpwr help)`);
    else files.push(a);
  }
  const sources = readSources(files);
  const analysis = analyze(sources);
  const bad = unusableInput(analysis, sources);
  if (bad) {
    io.err(`mpwr: ${bad}`);
    return 2;
  }
  // An id that names no check or claim is a typo the user should hear about (nothing is accepted silently).
  // Checks and the text's claims: a claim that contradicts its table is a break too, accepted the same way.
  const claimStates = analysis.claims.map((c) => ({ id: claimKey(c), status: c.status }));
  const known = new Set([...analysis.checks.map((c) => c.id), ...claimStates.map((c) => c.id)]);
  const unknown = [...accepted.keys()].filter((id) => !known.has(id));
  if (unknown.length) {
    const { closest } = await import('./formulas/suggest');
    throw new UsageError(unknown.map((id) => {
      const guess = closest(id, known);
      return `no check or claim ${id} to accept${guess ? ` (did you mean ${guess}?)` : ''}`;
    }).join('; '));
  }
  for (const id of accepted.keys()) {
    const c = analysis.checks.find((x) => x.id === id) ?? claimStates.find((x) => x.id === id);
    if (c && c.status !== 'break') io.err(`mpwr: ${id} is not a break (${c.status}); accepting it changes nothing`);
  }
  const layout = xlsx ? await import('./workbook/layout') : undefined;
  const noWorkbook = layout?.whyNoWorkbook(analysis);
  if (xlsx && layout && !noWorkbook) {
    const { buildPlan } = layout;
    const { planToXlsx } = await import('./xlsx/write-xlsx');
    writeFileSync(xlsx, await planToXlsx(buildPlan(analysis, { accepted })));
  }
  if (json) await writeChunks(io, renderJsonChunks(analysis, accepted));
  else io.out(renderReport(analysis, { all, accepted }));
  if (noWorkbook) {
    io.err(`mpwr: ${xlsx} not written: ${noWorkbook}`);
    return 1;
  }
  if (xlsx && !json) io.out(`Workbook written: ${xlsx}`);
  return failOnBreak && openBreaks(analysis.checks, accepted).length + openBreaks(claimStates, accepted).length > 0 ? 1 : 0;
}

async function runCallCommand(args: string[], io: Io): Promise<number> {
  const [name, ...rest] = args;
  if (!name) throw new UsageError('call needs a function name, e.g. mpwr call ADJ_EBITDA "Q2 2004"');
  const callArgs: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--file') {
      const f = rest[++i];
      if (!f || f.startsWith('--')) throw new UsageError('--file needs a file name (one path after each --file)');
      files.push(f);
    } else if (rest[i].startsWith('--')) throw new UsageError(`unknown option ${rest[i]} (see mpwr help)`);
    else {
      // An argument after a --file that names an existing filing is most likely a second file.
      if (files.length && /\.(?:txt|htm|html)$/i.test(rest[i]) && existsSync(rest[i])) {
        throw new UsageError(`${rest[i]} looks like a file: give each file its own --file (--file ${files[files.length - 1]} --file ${rest[i]})`);
      }
      callArgs.push(rest[i]);
    }
  }
  const imported = files.length > 0 ? readSources(files) : [];
  const { runCall } = await import('./formulas/call');
  // Formulas see the built-in release overlaid by the files given, as in the add-in.
  const result = runCall(name, callArgs, imported, readSources([]));
  if (result.stdout) io.out(result.stdout);
  if (result.stderr) io.err(result.stderr);
  return result.code;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'import':
        return await runImport(args, io);
      case 'call':
        return await runCallCommand(args, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(command === undefined ? USAGE : await helpText());
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}' (try: mpwr import, mpwr call, mpwr help)`);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.err(`mpwr: ${message}`);
    return 2;
  }
}

export { decodeText };
