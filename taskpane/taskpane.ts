/**
 * The MPWR task pane: choose a release (built-in, file, pasted text), preview what was read and
 * how its checks came out, then write it into the workbook (in Excel) or download an .xlsx
 * (anywhere else).
 */
import builtInFiling from '../functions/built-in-filing';
import { analyze, type Analysis, type SourceText } from '../src/pipeline';
import { BrowserBackend, ExcelBackend, nextFrame, type Backend } from './backend';
import { byId, h } from './dom';
import { diagnosticText, previewOf, type Preview } from './preview';
import { renderPreview } from './render';
import { describeError, sourceFromFile, sourceFromPaste } from './sources';
import { functionHelp, PERIOD_FORMS } from '../src/formulas/help';

export const SEED_NAME = builtInFiling.name;

interface Pending {
  analysis: Analysis;
  sources: SourceText[];
  base: SourceText[];
  preview: Preview;
}

const ui = {
  host: byId('host', HTMLElement),
  workbookNote: byId('workbook-note', HTMLElement),
  useSeed: byId('use-seed', HTMLButtonElement),
  chooseFile: byId('choose-file', HTMLButtonElement),
  fileInput: byId('file-input', HTMLInputElement),
  pasteText: byId('paste-text', HTMLTextAreaElement),
  previewPaste: byId('preview-paste', HTMLButtonElement),
  message: byId('message', HTMLElement),
  preview: byId('preview', HTMLElement),
  previewBody: byId('preview-body', HTMLElement),
  actions: byId('actions', HTMLElement),
  commit: byId('commit', HTMLButtonElement),
  progress: byId('progress', HTMLProgressElement),
  result: byId('result', HTMLElement),
  session: byId('session', HTMLElement),
  startOver: byId('start-over', HTMLButtonElement),
  help: byId('help-body', HTMLElement),
};

let backend: Backend | undefined;
const backendReady: Promise<Backend> = detectBackend().then((b) => {
  backend = b;
  return b;
});
let pending: Pending | undefined;
let busy = false;

/** Which host the pane runs in: Excel through Office.js, or a plain browser. */
async function detectBackend(): Promise<Backend> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return new BrowserBackend();
  try {
    const info = await Office.onReady();
    return info.host === Office.HostType.Excel ? new ExcelBackend() : new BrowserBackend();
  } catch {
    return new BrowserBackend();
  }
}

function setBusy(on: boolean): void {
  busy = on;
  for (const b of [ui.useSeed, ui.chooseFile, ui.previewPaste]) b.disabled = on;
  updateCommit();
}

function updateCommit(): void {
  ui.commit.disabled = busy || !backend || !pending || !pending.preview.writable;
  if (backend) ui.commit.textContent = backend.actionLabel;
}

/** Shows a message above the preview; `lines` are listed under the title. */
function showMessage(intent: 'error' | 'warning' | 'info', title: string, lines: string[] = []): void {
  ui.message.replaceChildren(h('p', { class: 'message-title' }, title));
  if (lines.length > 0) ui.message.append(h('ul', { class: 'message-list' }, lines.map((l) => h('li', {}, l))));
  ui.message.dataset.intent = intent;
  ui.message.hidden = false;
}

function clearMessage(): void {
  ui.message.hidden = true;
  ui.message.replaceChildren();
}

function setResult(intent: 'success' | 'error' | 'progress' | '', text: string): void {
  ui.result.textContent = text;
  ui.result.dataset.intent = intent;
}

/** `null` hides the bar; `undefined` shows it moving without a known end. */
function setProgress(fraction: number | null | undefined, text = ''): void {
  if (fraction === null) {
    ui.progress.hidden = true;
    return;
  }
  ui.progress.hidden = false;
  if (fraction === undefined) ui.progress.removeAttribute('value');
  else ui.progress.value = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  if (text) setResult('progress', text);
}

/** Takes the preview down: nothing stays on screen (or downloadable) from a load that did not read. */
function clearPreview(): void {
  pending = undefined;
  ui.preview.hidden = true;
  ui.previewBody.replaceChildren();
  ui.actions.hidden = true;
  updateCommit();
}

/** In the browser: which releases the session holds (the next one is read on top of them). */
async function showSession(): Promise<void> {
  const target = await backendReady;
  if (!(target instanceof BrowserBackend)) return;
  const { sources } = await target.imported();
  ui.session.hidden = sources.length === 0;
  ui.startOver.hidden = sources.length === 0;
  ui.session.textContent = sources.length === 0 ? '' : `Kept in this session: ${sources.map((s) => s.name).join(', ')}. The next release is read with ${sources.length === 1 ? 'it' : 'them'}, and the download holds them all.`;
}

/** Reads, reconciles and previews sources; `problems` are files refused before reading. */
async function load(sources: SourceText[], refused: string[] = []): Promise<void> {
  if (busy) return;
  setBusy(true);
  clearMessage();
  setResult('', '');
  setProgress(null);
  try {
    const problems = [...refused];
    if (sources.length === 0) {
      clearPreview();
      if (problems.length > 0) showMessage('error', problems.length === 1 ? 'This file cannot be imported' : 'These files cannot be imported', problems);
      return;
    }
    ui.preview.hidden = false;
    ui.previewBody.replaceChildren(h('p', { class: 'note' }, `Reading ${sources.map((s) => s.name).join(', ')}…`));
    await nextFrame();
    const stored = await (await backendReady).imported();
    const base = stored.sources;
    problems.push(...stored.problems.map((m) => `In this workbook: ${m}.`));
    const analysis = analyze(sources, base);
    const preview = previewOf(analysis, sources.map((s) => s.name));
    pending = { analysis, sources, base, preview };

    const errors = [...problems, ...preview.errors.map(diagnosticText)];
    if (preview.filings.length === 0) {
      if (preview.alreadyImported.length > 0) ui.previewBody.replaceChildren(renderPreview(preview));
      else clearPreview();
      ui.preview.hidden = preview.alreadyImported.length === 0;
      if (errors.length > 0) {
        showMessage('error', 'Nothing could be read', [
          ...errors,
          'Choose an earnings release (the EX-99.1 exhibit) as .txt or .htm, or paste its whole text, tables included.',
        ]);
      } else if (preview.alreadyImported.length > 0) {
        showMessage('info', `Already imported: ${preview.alreadyImported.join(', ')}. Nothing new in it; writing again gives the same sheets.`);
      }
    } else {
      ui.previewBody.replaceChildren(renderPreview(preview));
      if (errors.length > 0) showMessage('warning', 'Some of it could not be read; the rest is shown below', errors);
      const target = await backendReady;
      if (target instanceof BrowserBackend) target.keep([...base, ...sources.filter((s) => preview.filings.some((f) => f.file === s.name))]);
    }
    ui.actions.hidden = ui.preview.hidden;
    await showSession();
  } catch (e) {
    clearPreview();
    showMessage('error', 'The release could not be read', [
      `${describeError(e)}.`,
      'This is a fault in MPWR rather than in your file; try again, or try the .txt version of the release.',
    ]);
  } finally {
    setBusy(false);
  }
}

async function commit(): Promise<void> {
  if (busy || !backend || !pending) return;
  const job = pending;
  const target = backend;
  setBusy(true);
  clearMessage();
  setProgress(0.02, 'Starting…');
  try {
    const line = await target.commit(job, (fraction, text) => setProgress(fraction, text));
    setProgress(1);
    setResult('success', line);
    if (target.host === 'excel') await showWorkbookContents(target);
  } catch (e) {
    setResult('error', target.host === 'excel' ? describeError(e) : `No file was saved: ${describeError(e)}. Try again.`);
  } finally {
    setProgress(null);
    setBusy(false);
  }
}

async function filesChosen(files: FileList | null): Promise<void> {
  if (!files || files.length === 0 || busy) return;
  const sources: SourceText[] = [];
  const problems: string[] = [];
  for (const file of Array.from(files)) {
    const r = await sourceFromFile(file);
    if (r.ok) sources.push(r.source);
    else problems.push(r.message);
  }
  await load(sources, problems);
}

function wire(): void {
  ui.useSeed.addEventListener('click', () => void load([builtInFiling]));
  ui.chooseFile.addEventListener('click', () => ui.fileInput.click());
  ui.fileInput.addEventListener('change', () => {
    void filesChosen(ui.fileInput.files).finally(() => {
      ui.fileInput.value = '';
    });
  });
  ui.previewPaste.addEventListener('click', () => {
    const taken = pending ? [...pending.base, ...pending.sources].map((s) => s.name) : [];
    const r = sourceFromPaste(ui.pasteText.value, taken);
    if (r.ok) void load([r.source]);
    else {
      clearPreview();
      showMessage('error', r.message);
    }
  });
  ui.startOver.addEventListener('click', () => {
    void backendReady.then(async (target) => {
      if (target instanceof BrowserBackend) target.clear();
      clearPreview();
      clearMessage();
      setResult('', '');
      await showSession();
    });
  });
  ui.commit.addEventListener('click', () => void commit());

  // Files dropped anywhere on the pane.
  let depth = 0;
  document.addEventListener('dragenter', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    depth++;
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) document.body.classList.remove('dragging');
  });
  document.addEventListener('dragover', (e) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  });
  document.addEventListener('drop', (e) => {
    depth = 0;
    document.body.classList.remove('dragging');
    if (!e.dataTransfer?.files.length) return;
    e.preventDefault();
    void filesChosen(e.dataTransfer.files);
  });
}

/** Help, one click away: every function with its arguments and an example, and the period forms. */
function renderHelp(): void {
  ui.help.replaceChildren(
    h('p', { class: 'note' }, 'Type these in any cell. Items are labels as printed ("Interest Expense") or concept ids; every function answers an item in its own sign (expenses positive), while the MPWR sheets show numbers as the filing prints them.'),
    h('dl', { class: 'help-list', 'data-testid': 'help' }, functionHelp().flatMap((f) => [
      h('dt', {}, h('code', {}, f.signature)),
      h('dd', {}, f.summary, h('br'), h('code', { class: 'help-example' }, f.example), f.answer ? ` → ${f.answer}` : ''),
    ])),
    h('p', { class: 'note' }, `Periods: ${PERIOD_FORMS.map((p) => `"${p}"`).join(', ')}.`),
  );
}

async function start(): Promise<void> {
  renderHelp();
  wire();
  const target = await backendReady;
  ui.host.textContent = target.description;
  ui.host.dataset.host = target.host;
  document.documentElement.dataset.host = target.host;
  updateCommit();
  if (target instanceof ExcelBackend) {
    // The releases stored in the workbook feed =MPWR.* formulas, with or without this pane open.
    const stored = await showWorkbookContents(target);
    try {
      await target.restore(stored);
    } catch (e) {
      showMessage('warning', 'The releases stored in this workbook could not be loaded for =MPWR formulas', [`${describeError(e)}.`]);
    }
  }
}

/** In Excel: which releases this workbook already holds (a new import adds to them). */
async function showWorkbookContents(target: Backend): Promise<SourceText[]> {
  const { sources } = await target.imported();
  ui.workbookNote.textContent = sources.length === 0
    ? 'This workbook holds no imported release yet.'
    : `This workbook holds ${sources.length === 1 ? '1 release' : `${sources.length} releases`}: ${sources.map((s) => s.name).join(', ')}. A new release adds its periods.`;
  ui.workbookNote.hidden = false;
  return sources;
}

void start();
