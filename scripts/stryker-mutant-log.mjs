// A StrykerJS reporter (stryker.config.mjs: `reporters: [..., 'mutant-log']`): each mutant's result
// appended to reports/mutation/<dir>/mutants.jsonl as it is tested, so a run stopped early still
// says which mutants it tested and how each ended (the html and json reports are written only at
// the end of a run).
import { appendFileSync, mkdirSync, writeFileSync } from 'fs';
import { dirname, relative } from 'path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';
import { mutationPart } from './mutation-part.mjs';

class MutantLog {
  constructor() {
    this.file = `reports/mutation/${mutationPart()}/mutants.jsonl`;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, '');
  }

  onMutantTested(m) {
    const record = {
      file: relative(process.cwd(), m.fileName),
      line: m.location.start.line,
      endLine: m.location.end.line,
      mutator: m.mutatorName,
      replacement: m.replacement,
      status: m.status,
      killedBy: m.killedBy?.length ?? 0,
      coveredBy: m.coveredBy?.length ?? 0,
    };
    appendFileSync(this.file, `${JSON.stringify(record)}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'mutant-log', MutantLog)];
