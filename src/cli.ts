/**
 * The `mpwr` command.
 *   mpwr import [FILE...] [--json] [--fail-on-break] [--xlsx OUT.xlsx]
 *   mpwr call NAME [ARG...] [--file FILE...]
 * Without FILE, the built-in Mpower Q2 2004 release. Exit 0 on success, 1 with --fail-on-break
 * when a check breaks (or when a call answers an error), 2 on unusable input.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import { decodeText } from './filing/encoding';
import { MAX_FILING_BYTES } from './filing/reader';
import { analyze, checkCounts, type Analysis, type SourceText } from './pipeline';
import { renderJsonChunks, renderReport } from './report';

export const BUILT_IN_FILING = path.resolve(__dirname, '../assets/filings/mpwr-2004q2-ex99-1.txt');

const HELP = `mpwr — read and reconcile Mpower Holding earnings releases (EX-99.1)

FILE is a release as EDGAR serves it: the exhibit's text (.txt) or HTML (.htm, .html), or a
whole submission (.txt) holding either. Another company's release is read and reported (and
written with --xlsx), but the MPWR functions answer from Mpower's releases only.

Usage:
  mpwr import [FILE...] [--json] [--fail-on-break] [--xlsx OUT.xlsx]
      Read the filings (default: the built-in Mpower Q2 2004 release), print what was
      found and every check. --json prints facts and checks as JSON; --xlsx also writes
      the reconciled workbook; --fail-on-break exits 1 when a check breaks.
  mpwr call NAME [ARG...] [--file FILE...]
      Print what =MPWR.NAME(ARG...) returns in Excel, e.g.  mpwr call ADJ_EBITDA "Q2 2004"
  mpwr help

Exit codes: 0 success, 1 a check breaks (with --fail-on-break) or a call returns an error,
2 unusable input.`;

class UsageError extends Error {}

interface Io {
  /** Writes a line (a newline is added when missing). */
  out: (s: string) => void;
  err: (s: string) => void;
  /** Writes text as it is (long output in pieces); without it, the pieces are joined and given to `out`. */
  write?: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  write: (s) => process.stdout.write(s),
};

/** Writes pieces of output, gathered into blocks of about 64 KB. */
function writeChunks(io: Io, chunks: Iterable<string>): void {
  if (!io.write) {
    io.out([...chunks].join(''));
    return;
  }
  let block = '';
  for (const c of chunks) {
    block += c;
    if (block.length >= 65536) { io.write(block); block = ''; }
  }
  io.write(`${block}\n`);
}

function readSources(files: string[]): SourceText[] {
  const list = files.length > 0 ? files : [BUILT_IN_FILING];
  return list.map((f) => {
    if (!existsSync(f)) throw new UsageError(`${f}: no such file`);
    const size = statSync(f).size;
    if (size > MAX_FILING_BYTES) {
      throw new UsageError(`${f}: the file is ${(size / 1048576).toFixed(1)} MB; filings over ${MAX_FILING_BYTES / 1048576} MB are refused`);
    }
    const buf = readFileSync(f);
    return { name: path.basename(f), text: decodeText(buf) };
  });
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
  let failOnBreak = false;
  let xlsx: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--fail-on-break') failOnBreak = true;
    else if (a === '--xlsx') {
      xlsx = args[++i];
      if (!xlsx) throw new UsageError('--xlsx needs an output file name');
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
  if (xlsx) {
    const { buildPlan } = await import('./workbook/layout');
    const { planToXlsx } = await import('./xlsx/write-xlsx');
    writeFileSync(xlsx, await planToXlsx(buildPlan(analysis)));
  }
  if (json) writeChunks(io, renderJsonChunks(analysis));
  else io.out(renderReport(analysis));
  if (xlsx && !json) io.out(`Workbook written: ${xlsx}`);
  return failOnBreak && checkCounts(analysis.checks).break > 0 ? 1 : 0;
}

async function runCallCommand(args: string[], io: Io): Promise<number> {
  const [name, ...rest] = args;
  if (!name) throw new UsageError('call needs a function name, e.g. mpwr call ADJ_EBITDA "Q2 2004"');
  const callArgs: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--file') {
      const f = rest[++i];
      if (!f) throw new UsageError('--file needs a file name');
      files.push(f);
    } else callArgs.push(rest[i]);
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
        io.out(HELP);
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
