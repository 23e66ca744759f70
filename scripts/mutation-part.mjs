// Where a mutation run writes (reports/mutation/<part>/): the directory chosen with MPWR_MUTATE
// (or `all`), and `-1in<k>` for a sampled run (MPWR_MUTATE_SAMPLE=k), so a sampled run and a full
// one never share an incremental file. Read by stryker.config.mjs, the mutant log and
// scripts/mutation-score.mjs. Another draw of the sample (MPWR_MUTATE_DRAW=n) adds `-draw<n>`.
export const DIRS = ['filing', 'model', 'reconcile', 'formulas'];

export function mutationPart(env = process.env) {
  const only = env.MPWR_MUTATE;
  if (only && !DIRS.includes(only)) throw new Error(`MPWR_MUTATE=${only}: expected one of ${DIRS.join(', ')}`);
  const k = Number(env.MPWR_MUTATE_SAMPLE ?? '1');
  const draw = k > 1 && env.MPWR_MUTATE_DRAW ? `-draw${env.MPWR_MUTATE_DRAW}` : '';
  return `${only ?? 'all'}${k > 1 ? `-1in${k}` : ''}${draw}`;
}
