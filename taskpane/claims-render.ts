/** The claims of the prose, as DOM: counts, then each sentence with its number marked beside the table line it was checked against. */
import type { ClaimStatus } from '../src/narrative';
import { h } from './dom';
import { lineLink } from './render';
import type { ClaimsPreview, ClaimView, MarkedPart } from './claims-view';

const TITLE: Record<ClaimStatus, string> = {
  break: 'Text and tables disagree',
  unlinked: 'Not linked to a table figure',
  rounding: 'Agree at the printed precision',
  tie: 'Agree exactly',
};

const HELP: Record<ClaimStatus, string> = {
  tie: 'the text says exactly what the tables print',
  rounding: 'equal at the precision the text prints ($38.5 million for 38,496)',
  break: 'the text says something the tables do not',
  unlinked: 'no table figure to judge it by (the reason is given)',
};

function parts(list: MarkedPart[]): (HTMLElement | string)[] {
  return list.map((p) => (p.mark ? h('mark', {}, p.text) : p.text));
}

function claimItem(c: ClaimView): HTMLElement {
  return h(
    'li',
    { class: 'check claim', 'data-status': c.status, 'data-claim': c.id },
    h('p', { class: 'check-head' }, h('span', { class: 'badge', 'data-status': c.status }, c.status), h('span', { class: 'check-period' }, c.subject)),
    h('p', { class: 'claim-sentence', title: `${c.file}, line ${c.line}` }, lineLink(c.file, c.line, `L${c.line}`, c.span), ' ', ...parts(c.sentence)),
    c.figures.length > 0
      ? h(
          'dl',
          { class: 'figures' },
          h('div', {}, h('dt', {}, 'Text says'), h('dd', { 'data-field': 'stated' }, c.stated)),
          h('div', {}, h('dt', {}, 'Tables give'), h('dd', { 'data-field': 'actual' }, c.actual)),
        )
      : null,
    c.reason ? h('p', { class: 'tolerance' }, c.reason) : null,
    c.figures.length > 0
      ? h(
          'ul',
          { class: 'lines', 'aria-label': 'Table lines' },
          c.figures.map((f) => h('li', { class: 'line', title: `${f.label} ${f.period}` }, lineLink(f.file, f.line, `L${f.line}`, f.column), h('span', { class: 'line-text' }, ...parts(f.parts)))),
        )
      : null,
  );
}

/** The claims section of the preview (nothing when the text states no figure). */
export function renderClaims(p: ClaimsPreview): DocumentFragment {
  const out = document.createDocumentFragment();
  if (p.counts.found === 0) return out;
  out.append(h('h3', { class: 'subsection-title' }, `Claims in the text (${p.counts.found.toLocaleString('en-US')})`));
  const order: ClaimStatus[] = ['tie', 'rounding', 'break', 'unlinked'];
  out.append(
    h(
      'ul',
      { class: 'counts', 'aria-label': 'Claims by status', 'data-testid': 'claim-counts' },
      order.map((s) =>
        h('li', { class: 'count', 'data-status': s, 'data-zero': String(p.counts[s] === 0), title: HELP[s] },
          h('span', { class: 'count-number' }, p.counts[s].toLocaleString('en-US')), h('span', { class: 'count-label' }, s)),
      ),
    ),
  );
  for (const status of ['break', 'unlinked', 'rounding', 'tie'] as const) {
    const group = p.claims.filter((c) => c.status === status);
    if (group.length === 0) continue;
    const open = status === 'break' || status === 'unlinked' ? '' : undefined;
    out.append(
      h('details', { class: 'group', open, 'data-group': `claims-${status}` },
        h('summary', { class: 'group-title' }, `${TITLE[status]} (${group.length})`),
        h('ul', { class: 'checks', 'data-testid': `claims-${status}` }, group.map(claimItem))),
    );
  }
  return out;
}
