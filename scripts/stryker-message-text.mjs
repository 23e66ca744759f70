// A StrykerJS ignorer (stryker.config.mjs: `ignorers: ['message-text']`): mutants inside text
// written for a person to read are not run. That text is the value of an object property named
// `message` (a diagnostic), `description` (a check's sentence), `summary` / `example` (help); a
// mutant there changes a sentence, not a number, a status or a check. They are reported as
// "Ignored" with this reason and do not count in the score.
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const TEXT_KEYS = new Set(['message', 'description', 'summary', 'example']);

function keyName(node) {
  if (node.computed) return undefined;
  if (node.key.type === 'Identifier') return node.key.name;
  if (node.key.type === 'StringLiteral') return node.key.value;
  return undefined;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'message-text', {
    shouldIgnore(path) {
      if (path.isObjectProperty() && TEXT_KEYS.has(keyName(path.node))) {
        return `text for a person to read (the '${keyName(path.node)}' of a record): a mutant changes a sentence, not a figure or a status`;
      }
      return undefined;
    },
  }),
];
