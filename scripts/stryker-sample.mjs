// A StrykerJS ignorer (stryker.config.mjs: `ignorers: [..., 'sample']`): with MPWR_MUTATE_SAMPLE=k
// (k > 1), only a random 1-in-k sample of the source lines is mutation-tested, so a score over the
// core's whole ~8,000 mutants that count can be estimated in the time a session has (10 to 13
// mutants a minute here with two test processes). scripts/mutation-score.mjs turns the sample
// into an estimate.
//
// Why by line, and what is always tested: an ignorer can only leave out a syntax node together
// with everything inside it, so a node that lies on one line is left out, whole, when its line is
// not drawn (every mutant on a drawn line is tested: the sample is of lines, a cluster sample).
// A node spanning several lines (a function or block body, a multi-line condition or object) is
// never left out by this ignorer: its own mutants are always tested, a stratum measured in full.
// Which lines are drawn is a hash of the line number (Stryker's syntax nodes do not carry their
// file's name, so the same line numbers are drawn in every file; a line's number says nothing of
// its code): the same lines on every run, so the incremental file and a second run after new
// tests compare like with like.
// MPWR_MUTATE_DRAW=n draws another sample (a salt in the hash): tests written against the
// survivors of one draw are measured on a fresh draw, or the estimate would flatter them.
import { createHash } from 'crypto';
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const K = Number(process.env.MPWR_MUTATE_SAMPLE ?? '1');
if (!Number.isInteger(K) || K < 1) throw new Error(`MPWR_MUTATE_SAMPLE=${process.env.MPWR_MUTATE_SAMPLE}: expected a whole number of 1 or more`);
const DRAW = process.env.MPWR_MUTATE_DRAW ?? '';

/** Is this line number in the sample (in every file alike)? Exported for scripts/mutation-score.mjs. */
export function drawn(line, k = K, draw = DRAW) {
  if (k <= 1) return true;
  const digest = createHash('sha1').update(`${draw}:${line}`).digest();
  return digest.readUInt32BE(0) % k === 0;
}

/** The reason a left-out mutant is reported with (scripts/mutation-score.mjs reads k and the draw from it). */
export const NOT_DRAWN = `not in the 1-in-${K} sample of lines${DRAW ? ` (draw ${DRAW})` : ''} (MPWR_MUTATE_SAMPLE)`;

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'sample', {
    shouldIgnore(path) {
      const loc = path.node.loc;
      if (K <= 1 || !loc || loc.start.line !== loc.end.line) return undefined;
      return drawn(loc.start.line) ? undefined : NOT_DRAWN;
    },
  }),
];
