// A StrykerJS ignorer (stryker.config.mjs: `ignorers: [..., 'message-text']`): mutants inside text
// written for a person to read are not run. That text is
// - the value of an object property named `message` (a diagnostic), `description` (a check's
//   sentence), `summary` / `example` (help);
// - the message of a formula's error: the argument of `invalidValue`, `notAvailable` and
//   `invalidNumber`, the second argument of `formulaError` (the error's code, its first, is not
//   text and is mutated);
// - a variable named `message` being built (`let message = ...`, `message += ...`).
// A mutant there changes a sentence, not a number, a status, an error code or a check. They are
// reported as "Ignored" with this reason and do not count in the score.
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const TEXT_KEYS = new Set(['message', 'description', 'summary', 'example']);
/** Functions whose every argument is an error's message (src/formulas/values.ts). */
const MESSAGE_CALLS = new Set(['invalidValue', 'notAvailable', 'invalidNumber']);

function keyName(node) {
  if (node.computed) return undefined;
  if (node.key.type === 'Identifier') return node.key.name;
  if (node.key.type === 'StringLiteral') return node.key.value;
  return undefined;
}

const calleeName = (node) => (node.callee?.type === 'Identifier' ? node.callee.name : undefined);

function textOf(path) {
  const node = path.node;
  if (path.isObjectProperty() && TEXT_KEYS.has(keyName(node))) return `the '${keyName(node)}' of a record`;
  if (path.isCallExpression() && MESSAGE_CALLS.has(calleeName(node))) return `the message of ${calleeName(node)}(...)`;
  if (path.listKey === 'arguments' && path.key === 1 && path.parentPath?.isCallExpression() && calleeName(path.parent) === 'formulaError') return 'the message of formulaError(code, ...)';
  if (path.isVariableDeclarator() && node.id.type === 'Identifier' && node.id.name === 'message') return 'a message being built';
  if (path.isAssignmentExpression() && node.left.type === 'Identifier' && node.left.name === 'message') return 'a message being built';
  return undefined;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'message-text', {
    shouldIgnore(path) {
      const what = textOf(path);
      return what ? `text for a person to read (${what}): a mutant changes a sentence, not a figure or a status` : undefined;
    },
  }),
];
