/** The preview, as DOM: summary of what was read, check counts, every check that is not a tie. */
import type { CheckStatus } from '../src/model/types';
import { h } from './dom';
import { diagnosticText, type CheckView, type Preview } from './preview';

const STATUS_LABEL: Record<CheckStatus, string> = {
  tie: 'tie',
  rounding: 'rounding',
  break: 'break',
  incomplete: 'incomplete',
  unverified: 'unverified',
};

const GROUP_TITLE: Record<Exclude<CheckStatus, 'tie'>, string> = {
  break: 'Breaks',
  incomplete: 'Incomplete',
  unverified: 'Unverified',
  rounding: 'Roundings',
};

const STATUS_HELP: Record<CheckStatus, string> = {
  tie: 'adds up exactly',
  rounding: 'within half a unit of the last printed digit',
  break: 'does not add up',
  incomplete: 'a figure it needs is not printed',
  unverified: 'a structure the reader inferred and is not sure of: shown, not asserted',
};

function list(values: string[], none: string): string {
  return values.length > 0 ? values.join(', ') : none;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function summary(p: Preview): HTMLElement {
  const rows: [string, string][] = [];
  for (const f of p.filings) {
    rows.push(['Release', `${f.file}${f.date ? `, dated ${f.date}` : ''}`]);
  }
  const allQuarters = p.periods.every((k) => /^\d{4}Q[1-4]$/.test(k));
  rows.push(
    [allQuarters ? 'Quarters' : 'Periods', list(p.periods, 'none found')],
    ['Balance sheets', list(p.instants, 'none found')],
  );
  if (p.guidance.length > 0) rows.push(['Guidance', p.guidance.join(', ')]);
  rows.push(
    ['Tables', p.tables.toLocaleString('en-US')],
    ['Facts', p.facts.toLocaleString('en-US')],
    ['Unmapped rows', p.unmappedRows === 0 ? 'none' : `${p.unmappedRows} (${plural(p.unmapped, 'fact')})`],
  );
  return h('dl', { class: 'summary', 'data-testid': 'summary' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function counts(p: Preview): HTMLElement {
  const order: CheckStatus[] = ['tie', 'rounding', 'break', 'incomplete'];
  return h(
    'ul',
    { class: 'counts', 'aria-label': 'Checks by status', 'data-testid': 'counts' },
    order.map((s) =>
      h(
        'li',
        { class: 'count', 'data-status': s, 'data-zero': String(p.counts[s] === 0), title: STATUS_HELP[s] },
        h('span', { class: 'count-number' }, p.counts[s].toLocaleString('en-US')),
        h('span', { class: 'count-label' }, STATUS_LABEL[s]),
      ),
    ),
  );
}

function toleranceText(c: CheckView): string {
  switch (c.status) {
    case 'rounding':
      return `Within the tolerance of ${c.tolerance}: half a unit of the last printed digit.`;
    case 'break':
      return c.tolerance === 'exact' ? 'Printed figures should add up exactly.' : `Outside the tolerance of ${c.tolerance}.`;
    case 'incomplete':
      return 'Cannot be computed: a figure it needs is not printed.';
    default:
      return 'Adds up exactly.';
  }
}

function checkItem(c: CheckView): HTMLElement {
  return h(
    'li',
    { class: 'check', 'data-status': c.status, 'data-check': c.id },
    h(
      'p',
      { class: 'check-head' },
      h('span', { class: 'badge', 'data-status': c.status }, STATUS_LABEL[c.status]),
      h('span', { class: 'check-period' }, c.period),
    ),
    h('p', { class: 'check-description' }, c.description),
    h(
      'dl',
      { class: 'figures' },
      h('div', {}, h('dt', {}, 'Reported'), h('dd', { 'data-field': 'reported' }, c.reported)),
      h('div', {}, h('dt', {}, 'Computed'), h('dd', { 'data-field': 'computed' }, c.computed)),
      h('div', {}, h('dt', {}, 'Difference'), h('dd', { 'data-field': 'difference' }, c.difference)),
    ),
    h('p', { class: 'tolerance' }, toleranceText(c)),
    h(
      'ul',
      { class: 'lines', 'aria-label': 'Printed lines' },
      c.operands.map((o) =>
        o.line === null
          ? h(
              'li',
              { class: 'line', 'data-missing': 'true' },
              h('span', { class: 'line-number' }, '—'),
              h('span', { class: 'line-text' }, `${o.label}: not printed for this period`),
            )
          : h(
              'li',
              { class: 'line', title: `${o.file}, line ${o.line}` },
              h('span', { class: 'line-number' }, `L${o.line}`),
              h(
                'span',
                { class: 'line-text' },
                o.parts.length > 0
                  ? o.parts.map((part) => (part.mark ? h('mark', {}, part.text) : part.text))
                  : `${o.label}  ${o.printed}`,
              ),
            ),
      ),
    ),
  );
}

/** The preview section's content. */
export function renderPreview(p: Preview): DocumentFragment {
  const out = document.createDocumentFragment();
  const names = p.filings.map((f) => (f.ticker ? `${f.company} (${f.ticker})` : f.company));
  out.append(h('p', { class: 'filing-name', 'data-testid': 'company' }, [...new Set(names)].join(', ') || p.company));
  out.append(summary(p));
  if (p.otherCompanies.length > 0) {
    out.append(h('p', { class: 'note', 'data-testid': 'other-company' }, `Not an Mpower Holding release (${p.otherCompanies.join(', ')}): shown and exported as read; the MPWR functions do not use its figures.`));
  }
  if (p.unmappedLabels.length > 0) {
    out.append(
      h('p', { class: 'note' }, `Not recognised (kept under their printed labels): ${p.unmappedLabels.join('; ')}${p.unmappedRows > p.unmappedLabels.length ? '; …' : '.'}`),
    );
  }
  if (p.alreadyImported.length > 0) {
    out.append(h('p', { class: 'note' }, `Already imported, nothing new: ${p.alreadyImported.join(', ')}.`));
  }

  out.append(h('h3', { class: 'subsection-title' }, `Checks (${p.total.toLocaleString('en-US')})`));
  out.append(counts(p));
  if (p.nonTies.length === 0) {
    out.append(h('p', { class: 'note' }, p.total > 0 ? 'Every check ties.' : 'No checks apply to what was read.'));
  }
  for (const status of ['break', 'incomplete', 'rounding'] as const) {
    const group = p.nonTies.filter((c) => c.status === status);
    if (group.length === 0) continue;
    out.append(
      h(
        'details',
        { class: 'group', open: '', 'data-group': status },
        h('summary', { class: 'group-title' }, `${GROUP_TITLE[status]} (${group.length})`),
        h('ul', { class: 'checks', 'data-testid': 'non-ties' }, group.map(checkItem)),
      ),
    );
  }

  if (p.warnings.length > 0) {
    out.append(
      h(
        'details',
        { class: 'more' },
        h('summary', {}, `Reader warnings (${p.warnings.length})`),
        h('ul', { class: 'warnings' }, p.warnings.map((w) => h('li', {}, diagnosticText(w)))),
      ),
    );
  }
  return out;
}
