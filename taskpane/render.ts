/**
 * The preview, as DOM: what was read, the check tiles (each filters the list below), the checks
 * that need a look (breaks open, with their direction and likely culprit; roundings folded),
 * restatements and derived values, the tables as read, and a text view of the filing with a
 * line marked. Every line number is a link that opens the text view at that line.
 */
import type { CheckStatus } from '../src/model/types';
import { STATUS_ORDER } from '../src/reconcile/triage';
import { renderClaims } from './claims-render';
import { h } from './dom';
import { diagnosticText, type CheckView, type Preview, type TableView } from './preview';

const STATUS_LABEL: Record<CheckStatus, string> = {
  tie: 'tie',
  rounding: 'rounding',
  break: 'break',
  incomplete: 'incomplete',
  unverified: 'unverified',
};

const GROUP_TITLE: Record<CheckStatus, string> = {
  break: 'Breaks',
  unverified: 'Unverified',
  incomplete: 'Incomplete',
  rounding: 'Roundings',
  tie: 'Ties',
};

const STATUS_HELP: Record<CheckStatus, string> = {
  tie: 'adds up exactly',
  rounding: 'within half a unit of the last printed digit',
  break: 'does not add up',
  incomplete: 'a figure it needs is not printed',
  unverified: 'a structure the reader inferred and is not sure of: shown, not asserted',
};

/** Groups in reading order; `open` says which are unfolded at first (roundings fold away). */
const GROUPS: { status: CheckStatus; open: boolean }[] = [
  { status: 'break', open: true },
  { status: 'unverified', open: true },
  { status: 'incomplete', open: true },
  { status: 'rounding', open: false },
  { status: 'tie', open: false },
];

function list(values: string[], none: string): string {
  return values.length > 0 ? values.join(', ') : none;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** A line number that opens the text view at its line. */
export function lineLink(file: string, line: number, text = `L${line}`, span?: [number, number]): HTMLElement {
  return h('a', {
    class: 'line-link', href: `#line-${line}`, 'data-file': file, 'data-line': String(line),
    'data-from': span ? String(span[0]) : undefined, 'data-to': span ? String(span[1]) : undefined,
    title: `${file}, line ${line}: show in the text`,
  }, text);
}

function summary(p: Preview): HTMLElement {
  const rows: [string, string][] = [];
  for (const f of p.filings) rows.push(['Release', `${f.file}${f.date ? `, dated ${f.date}` : ''}`]);
  if (p.session.length > p.filings.length) rows.push(['With', p.session.filter((n) => !p.filings.some((f) => f.file === n)).join(', ')]);
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

/** The tiles: one button per status; pressing one shows that status alone (again: all). */
function counts(p: Preview): HTMLElement {
  return h(
    'div',
    { class: 'counts', role: 'group', 'aria-label': 'Checks by status: choose one to list it alone', 'data-testid': 'counts' },
    STATUS_ORDER.filter((s) => s !== 'unverified' || p.counts[s] > 0).map((s) =>
      h(
        'button',
        { type: 'button', class: 'count', 'data-status': s, 'data-zero': String(p.counts[s] === 0), 'aria-pressed': 'false', title: `${STATUS_HELP[s]}: show only these` },
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
    case 'unverified':
      return 'The reader inferred this subtotal: the difference is shown, nothing is asserted.';
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
    c.status !== 'tie' && c.direction ? h('p', { class: 'direction', 'data-field': 'direction' }, `${c.direction}.`) : null,
    c.culprit
      ? h('p', { class: 'culprit', 'data-field': 'culprit' }, 'Likely culprit: ', lineLink(c.culprit.file, c.culprit.line), ` ${c.culprit.label}, printed ${c.culprit.printed}; ${c.culprit.wouldTie} would add up.`)
      : null,
    c.status !== 'tie' ? h('p', { class: 'tolerance' }, toleranceText(c)) : null,
    h(
      'ul',
      { class: 'lines', 'aria-label': 'Printed lines' },
      c.operands.map((o) =>
        o.line === null
          ? h('li', { class: 'line', 'data-missing': 'true' }, h('span', { class: 'line-number' }, '—'), h('span', { class: 'line-text' }, `${o.label}: not printed for this period`))
          : h(
              'li',
              { class: 'line' },
              h('span', { class: 'line-number' }, lineLink(o.file, o.line, `L${o.line}`, o.span)),
              h('span', { class: 'line-text' }, o.parts.length > 0 ? o.parts.map((part) => (part.mark ? h('mark', {}, part.text) : part.text)) : `${o.label}  ${o.printed}`),
            ),
      ),
    ),
  );
}

/** Each closed group's filler, for the tile filter to list its checks as it opens it. */
const fillers = new WeakMap<HTMLElement, () => void>();

/** A group of checks; ties are listed only once their tile is chosen (there may be thousands). */
function group(status: CheckStatus, checks: CheckView[], open: boolean): HTMLElement {
  const el = h(
    'details',
    { class: 'group', 'data-group': status, ...(open ? { open: '' } : {}) },
    h('summary', { class: 'group-title' }, `${GROUP_TITLE[status]} (${checks.length})`),
  );
  const body = h('ul', { class: 'checks', 'data-testid': status === 'tie' ? 'ties' : 'non-ties' });
  const fill = (): void => { if (!body.childElementCount) body.append(...checks.map(checkItem)); };
  if (open) fill();
  else {
    el.addEventListener('toggle', fill);
    fillers.set(el, fill);
  }
  el.append(body);
  return el;
}

function restatements(p: Preview): HTMLElement | null {
  if (p.restatements.length === 0) return null;
  return h(
    'details',
    { class: 'group', open: '', 'data-group': 'restatements' },
    h('summary', { class: 'group-title' }, `Restated (${p.restatements.length})`),
    h('p', { class: 'note' }, 'A newer release reports these differently; the sheets hold the newer figure, flagged.'),
    h('ul', { class: 'restatements', 'data-testid': 'restatements' }, p.restatements.map((r) => h(
      'li',
      { class: 'restatement' },
      h('span', { class: 'restatement-what' }, `${r.label}, ${r.period}: `),
      `was ${r.previous} (`, lineLink(r.previousAt.file, r.previousAt.line, `${r.previousAt.file} L${r.previousAt.line}`), `), now ${r.current} (`,
      lineLink(r.currentAt.file, r.currentAt.line, `${r.currentAt.file} L${r.currentAt.line}`), ')',
    ))),
  );
}

function derived(p: Preview): HTMLElement | null {
  if (p.derived.length === 0) return null;
  return h(
    'details',
    { class: 'group', open: '', 'data-group': 'derived' },
    h('summary', { class: 'group-title' }, `Derived values (${p.derived.length})`),
    h('ul', { class: 'checks', 'data-testid': 'derived' }, p.derived.map(checkItem)),
  );
}

function tableView(t: TableView): HTMLElement {
  return h(
    'details',
    { class: 'table-card', 'data-table': t.id, 'data-file': t.file },
    h('summary', { class: 'table-title' }, t.title || t.id, h('span', { class: 'table-where' }, ` ${t.file}, lines ${t.lines[0]}–${t.lines[1]}`)),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'read-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Line'), h('th', { scope: 'col' }, 'Label'), t.columns.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, t.rows.map((r) => h(
          'tr',
          {},
          h('td', { class: 'cell-line' }, lineLink(t.file, r.line)),
          h('th', { scope: 'row', class: 'cell-label' }, r.label),
          r.cells.map((c) => h('td', { class: 'cell-number' }, c ? lineLink(c.file, c.line, c.text, c.span) : '')),
        ))),
      ),
    ),
  );
}

/** The checks view: tiles, then the groups. */
function checksPanel(p: Preview): HTMLElement {
  const panel = h('div', { class: 'panel', id: 'panel-checks', role: 'tabpanel', 'aria-labelledby': 'tab-checks', 'data-panel': 'checks' });
  panel.append(h('h3', { class: 'subsection-title' }, `Checks (${p.total.toLocaleString('en-US')})`));
  panel.append(counts(p));
  if (p.nonTies.length === 0) panel.append(h('p', { class: 'note' }, p.total > 0 ? 'Every check ties.' : 'No checks apply to what was read.'));
  const r = restatements(p);
  if (r) panel.append(r);
  const d = derived(p);
  if (d) panel.append(d);
  for (const g of GROUPS) {
    const checks = g.status === 'tie' ? p.ties : p.nonTies.filter((c) => c.status === g.status);
    if (checks.length > 0) panel.append(group(g.status, checks, g.open));
  }
  return panel;
}

function tablesPanel(p: Preview): HTMLElement {
  return h(
    'div',
    { class: 'panel', id: 'panel-tables', role: 'tabpanel', 'aria-labelledby': 'tab-tables', 'data-panel': 'tables', hidden: '' },
    h('p', { class: 'note' }, `${plural(p.tableViews.length, 'table')} as read: each number links to its line of the text.`),
    h('div', { 'data-testid': 'tables' }, p.tableViews.map(tableView)),
  );
}

function textPanel(): HTMLElement {
  return h(
    'div',
    { class: 'panel', id: 'panel-text', role: 'tabpanel', 'aria-labelledby': 'tab-text', 'data-panel': 'text', hidden: '' },
    h('p', { class: 'note', 'data-testid': 'text-where' }, 'Choose a line number to see it in the text.'),
    h('ol', { class: 'text-view', 'data-testid': 'text' }),
  );
}

function claimsPanel(p: Preview): HTMLElement {
  const panel = h('div', { class: 'panel', id: 'panel-claims', role: 'tabpanel', 'aria-labelledby': 'tab-claims', 'data-panel': 'claims', hidden: '' });
  panel.append(renderClaims(p.claims));
  if (p.claims.counts.found === 0) panel.append(h('p', { class: 'note' }, 'The text of this release states no figure.'));
  return panel;
}

const TABS: { key: string; label: string }[] = [
  { key: 'checks', label: 'Checks' },
  { key: 'claims', label: 'Claims' },
  { key: 'tables', label: 'Tables' },
  { key: 'text', label: 'Text' },
];

/** Shows one panel; the text panel at a line of a file. */
function show(root: HTMLElement, p: Preview, key: string, at?: { file: string; line: number; span?: [number, number] }): void {
  for (const tab of Array.from(root.querySelectorAll<HTMLElement>('[role="tab"]'))) tab.setAttribute('aria-selected', String(tab.dataset.tab === key));
  for (const panel of Array.from(root.querySelectorAll<HTMLElement>('[role="tabpanel"]'))) panel.hidden = panel.dataset.panel !== key;
  const list = root.querySelector<HTMLElement>('[data-testid="text"]');
  if (key !== 'text') return;
  // The Text tab alone: the first release from its first line (or where it was left).
  if (!at) {
    if (list?.childElementCount) return;
    at = { file: p.texts[0]?.file ?? '', line: 1 };
  }
  const text = p.texts.find((t) => t.file === at?.file) ?? p.texts[0];
  const where = root.querySelector<HTMLElement>('[data-testid="text-where"]');
  if (!text || !list || !where) return;
  where.textContent = `${text.file}, line ${at.line} of ${text.lines.length}`;
  // The marked line with 30 lines of context either side: enough to read the table it is in.
  const from = Math.max(1, at.line - 30);
  const to = Math.min(text.lines.length, at.line + 30);
  const target = at;
  list.replaceChildren(...Array.from({ length: to - from + 1 }, (_, i) => {
    const n = from + i;
    const line = text.lines[n - 1] || ' ';
    if (n !== target.line) return h('li', { class: 'text-line', value: String(n), 'data-line': String(n) }, line);
    // The marked line, and in it the number itself when its place on the line is known.
    const sp = target.span;
    const body = sp && sp[0] >= 0 && sp[1] <= line.length && sp[0] < sp[1]
      ? [line.slice(0, sp[0]), h('mark', { class: 'text-number' }, line.slice(sp[0], sp[1])), line.slice(sp[1])]
      : [line];
    return h('li', { class: 'text-line', value: String(n), 'data-line': String(n), 'data-marked': 'true', 'aria-current': 'true' }, ...body);
  }));
  list.dataset.file = text.file;
  list.querySelector<HTMLElement>('[data-marked]')?.scrollIntoView({ block: 'center' });
  // In a narrow pane the number may stand past the right edge: bring it into view.
  const number = list.querySelector<HTMLElement>('.text-number');
  if (number) list.scrollLeft = Math.max(0, number.offsetLeft - list.clientWidth / 2);
}

/** The tile filter: one status alone, or all again. */
function filter(root: HTMLElement, status: string): void {
  const tiles = Array.from(root.querySelectorAll<HTMLElement>('[data-panel="checks"] .count'));
  const pressed = tiles.find((t) => t.dataset.status === status)?.getAttribute('aria-pressed') === 'true';
  for (const t of tiles) t.setAttribute('aria-pressed', String(!pressed && t.dataset.status === status));
  for (const g of Array.from(root.querySelectorAll<HTMLDetailsElement>('[data-panel="checks"] details.group'))) {
    const mine = g.dataset.group === status;
    g.hidden = !pressed && !mine;
    if (!pressed && mine && !g.open) {
      // Listed now, not on the toggle event (a task later): what the tile shows is there when the click returns.
      fillers.get(g)?.();
      g.open = true;
    }
  }
  root.dataset.filter = pressed ? '' : status;
}

/** The preview section's content. */
export function renderPreview(p: Preview): HTMLElement {
  const root = h('div', { class: 'preview-root', 'data-filter': '' });
  const names = p.filings.map((f) => (f.ticker ? `${f.company} (${f.ticker})` : f.company));
  root.append(h('p', { class: 'filing-name', 'data-testid': 'company' }, [...new Set(names)].join(', ') || p.company));
  root.append(summary(p));
  if (p.otherCompanies.length > 0) {
    root.append(h('p', { class: 'note', 'data-testid': 'other-company' }, `Not an Mpower Holding release (${p.otherCompanies.join(', ')}): shown as read; it is not written to the workbook and the MPWR functions do not use its figures.`));
  }
  if (p.unmappedLabels.length > 0) {
    root.append(h('p', { class: 'note' }, `Not recognised (kept under their printed labels): ${p.unmappedLabels.join('; ')}${p.unmappedRows > p.unmappedLabels.length ? '; …' : '.'}`));
  }
  if (p.alreadyImported.length > 0) root.append(h('p', { class: 'note' }, `Already imported, nothing new: ${p.alreadyImported.join(', ')}.`));

  root.append(h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Views' }, TABS.map((t, i) =>
    h('button', { type: 'button', role: 'tab', id: `tab-${t.key}`, class: 'tab', 'data-tab': t.key, 'aria-controls': `panel-${t.key}`, 'aria-selected': String(i === 0) }, t.label))));
  root.append(checksPanel(p), claimsPanel(p), tablesPanel(p), textPanel());

  if (p.warnings.length > 0) {
    root.append(h('details', { class: 'more' }, h('summary', {}, `Reader warnings (${p.warnings.length})`), h('ul', { class: 'warnings' }, p.warnings.map((w) => h('li', {}, diagnosticText(w))))));
  }

  root.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    const link = target?.closest<HTMLElement>('.line-link');
    if (link) {
      e.preventDefault();
      const span: [number, number] | undefined = link.dataset.from !== undefined && link.dataset.to !== undefined ? [Number(link.dataset.from), Number(link.dataset.to)] : undefined;
      show(root, p, 'text', { file: link.dataset.file ?? '', line: Number(link.dataset.line), span });
      return;
    }
    const tab = target?.closest<HTMLElement>('[role="tab"]');
    if (tab?.dataset.tab) { show(root, p, tab.dataset.tab); return; }
    const tile = target?.closest<HTMLElement>('[data-panel="checks"] .count');
    if (tile?.dataset.status) filter(root, tile.dataset.status);
  });
  return root;
}
