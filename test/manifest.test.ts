// manifest.xml and its production copy: XSD-valid (offline, xmllint-wasm) and the rules no
// schema holds (one shared runtime, namespace, https, resource ids, icon files and sizes).
import * as fs from 'fs';
import * as path from 'path';
import { DOMParser, Document, Element } from '@xmldom/xmldom';
import { validateXML } from 'xmllint-wasm';
import {
  DEFAULT_PROD_ID,
  DEFAULT_PROD_URL,
  DEV_URL,
  manifestTool,
  productionIdentity,
  productionUrl,
  stampManifest,
  toProductionManifest,
} from '../scripts/manifest-transform';

const ROOT = path.resolve(__dirname, '..');
const SCHEMA_DIR = path.resolve(__dirname, 'fixtures/manifest-schemas');
const MAIN_XSD = 'OfficeAppManifestV1_1.xsd';
const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const devXml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const prodXml = toProductionManifest(devXml, DEFAULT_PROD_URL);

async function schemaErrors(xml: string): Promise<string[]> {
  const read = (name: string) => ({
    fileName: name,
    contents: fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8'),
  });
  const others = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd') && f !== MAIN_XSD);
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [read(MAIN_XSD)],
    preload: others.map(read),
  });
  return result.errors.map((e) => e.rawMessage);
}

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml');
}

function all(scope: Document | Element, ns: string, localName: string): Element[] {
  const list = scope.getElementsByTagNameNS(ns, localName);
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) {
    const el = list.item(i);
    if (el) out.push(el);
  }
  return out;
}

function one(scope: Document | Element, ns: string, localName: string): Element {
  const found = all(scope, ns, localName);
  if (found.length !== 1) throw new Error(`expected one <${localName}>, found ${found.length}`);
  return found[0];
}

function child(parent: Element, ns: string, localName: string): Element | undefined {
  return all(parent, ns, localName).find((el) => el.parentNode === parent);
}

/** Resources of VersionOverrides: id -> kind and value. */
function resources(doc: Document): { id: string; kind: string; value: string }[] {
  const res = one(doc, NS.ov, 'Resources');
  const kinds: [string, string][] = [
    ['Images', 'Image'],
    ['Urls', 'Url'],
    ['ShortStrings', 'String'],
    ['LongStrings', 'String'],
  ];
  return kinds.flatMap(([group, item]) =>
    all(res, NS.bt, group).flatMap((g) =>
      all(g, NS.bt, item).map((el) => ({
        id: el.getAttribute('id') ?? '',
        kind: group,
        value: el.getAttribute('DefaultValue') ?? '',
      })),
    ),
  );
}

/** The resource group a resid on this element must point into. */
function expectedGroup(el: Element): string[] {
  if (el.localName === 'Image') return ['Images'];
  if (['SourceLocation', 'Runtime', 'FunctionFile', 'LearnMoreUrl'].includes(el.localName ?? '')) {
    return ['Urls'];
  }
  if (el.localName === 'Description' || el.localName === 'Tooltip') return ['LongStrings'];
  return ['ShortStrings'];
}

function elementsWithResid(doc: Document): Element[] {
  const out: Element[] = [];
  const walk = (el: Element): void => {
    if (el.hasAttribute('resid')) out.push(el);
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) walk(n as Element);
    }
  };
  if (doc.documentElement) walk(doc.documentElement);
  return out;
}

/** Every URL the manifest holds, with where it came from. */
function urls(doc: Document): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation']) {
    for (const el of all(doc, NS.app, name)) {
      out.push({ where: name, url: el.getAttribute('DefaultValue') ?? '' });
    }
  }
  for (const el of all(doc, NS.app, 'AppDomain')) {
    out.push({ where: 'AppDomain', url: (el.textContent ?? '').trim() });
  }
  for (const r of resources(doc).filter((r) => r.kind === 'Urls' || r.kind === 'Images')) {
    out.push({ where: r.id, url: r.value });
  }
  return out;
}

/** The rules no schema holds. Returns one message per problem (empty when all hold). */
function ruleProblems(xml: string, baseUrl: string): string[] {
  const problems: string[] = [];
  const doc = parse(xml);
  const res = resources(doc);
  const byId = new Map(res.map((r) => [r.id, r]));

  // resource ids unique, every resid defined and of the right kind, every resource used
  const seen = new Set<string>();
  for (const r of res) {
    if (seen.has(r.id)) problems.push(`duplicate resource id ${r.id}`);
    seen.add(r.id);
  }
  const referenced = new Set<string>();
  for (const el of elementsWithResid(doc)) {
    const id = el.getAttribute('resid') ?? '';
    referenced.add(id);
    const r = byId.get(id);
    if (!r) problems.push(`<${el.localName}> refers to undefined resid ${id}`);
    else if (!expectedGroup(el).includes(r.kind)) {
      problems.push(`<${el.localName}> refers to ${id}, which is in ${r.kind}`);
    }
  }
  for (const r of res) if (!referenced.has(r.id)) problems.push(`resource ${r.id} is never used`);

  // one shared runtime: Runtime, functions Page and ShowTaskpane use the same resid
  const host = all(doc, NS.ov, 'Host').find((h) => h.getAttributeNS(NS.xsi, 'type') === 'Workbook');
  const runtimes = host && child(host, NS.ov, 'Runtimes');
  const runtime = runtimes ? all(runtimes, NS.ov, 'Runtime') : [];
  if (runtime.length !== 1) problems.push(`expected one Runtime directly under Host, found ${runtime.length}`);
  const runtimeId = runtime[0]?.getAttribute('resid') ?? '';
  if (runtime[0] && runtime[0].getAttribute('lifetime') !== 'long') problems.push('Runtime lifetime is not long');
  const cf = all(doc, NS.ov, 'ExtensionPoint').filter((e) => e.getAttributeNS(NS.xsi, 'type') === 'CustomFunctions');
  if (cf.length !== 1) problems.push(`expected one CustomFunctions extension point, found ${cf.length}`);
  const pageId = cf[0] ? one(one(cf[0], NS.ov, 'Page'), NS.ov, 'SourceLocation').getAttribute('resid') : '';
  const taskpaneIds = all(doc, NS.ov, 'Action')
    .filter((a) => a.getAttributeNS(NS.xsi, 'type') === 'ShowTaskpane')
    .map((a) => one(a, NS.ov, 'SourceLocation').getAttribute('resid'));
  if (taskpaneIds.length === 0) problems.push('no ShowTaskpane action');
  for (const id of [pageId, ...taskpaneIds]) {
    if (id !== runtimeId) problems.push(`resid ${id} differs from the Runtime's ${runtimeId}`);
  }
  if (byId.get(runtimeId)?.value !== `${baseUrl}taskpane.html`) {
    problems.push(`Runtime URL is ${byId.get(runtimeId)?.value}, not ${baseUrl}taskpane.html`);
  }

  // namespace
  const nsId = cf[0] ? one(cf[0], NS.ov, 'Namespace').getAttribute('resid') ?? '' : '';
  const namespace = byId.get(nsId)?.value ?? '';
  if (namespace !== 'MPWR') problems.push(`namespace is "${namespace}", not MPWR`);
  if (namespace.length > 32 || !/^[A-Za-z0-9.]+$/.test(namespace)) problems.push(`bad namespace "${namespace}"`);

  // URLs: https, under the base URL (except AppDomains), no localhost in production
  for (const { where, url } of urls(doc)) {
    if (!url.startsWith('https://')) problems.push(`${where}: ${url} is not https`);
    if (where !== 'AppDomain' && !url.startsWith(baseUrl)) problems.push(`${where}: ${url} is not under ${baseUrl}`);
  }
  if (baseUrl !== DEV_URL && /localhost/i.test(xml)) problems.push('localhost left in the production manifest');
  return problems;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('XSD validation (offline, xmllint-wasm)', () => {
  test('manifest.xml is valid', async () => {
    expect(await schemaErrors(devXml)).toEqual([]);
  });

  test('the production copy is valid', async () => {
    expect(await schemaErrors(prodXml)).toEqual([]);
  });

  test('the validator rejects an invalid manifest', async () => {
    const broken = devXml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>');
    expect(broken).not.toBe(devXml);
    const errors = await schemaErrors(broken);
    expect(errors.join('\n')).toMatch(/Permissions/);
  });
});

describe('rules no schema holds', () => {
  test('hold for manifest.xml (dev URLs)', () => {
    expect(ruleProblems(devXml, DEV_URL)).toEqual([]);
  });

  test('hold for the production copy', () => {
    expect(ruleProblems(prodXml, DEFAULT_PROD_URL)).toEqual([]);
  });

  test('catch a functions page that is not the shared runtime', () => {
    const bad = devXml.replace(
      /(<Page>\s*<SourceLocation resid=")Taskpane\.Url"/,
      '$1Functions.Script.Url"',
    );
    expect(bad).not.toBe(devXml);
    expect(ruleProblems(bad, DEV_URL)).toContain(
      "resid Functions.Script.Url differs from the Runtime's Taskpane.Url",
    );
  });

  test('catch an undefined resid, a duplicate id, http and a wrong namespace', () => {
    const bad = devXml
      .replace('<Label resid="Group.Label" />', '<Label resid="Group.Missing" />')
      .replace('<bt:Url id="Functions.Metadata.Url"', '<bt:Url id="Functions.Script.Url"')
      .replace('https://localhost:3000/assets/icon-64.png', 'http://localhost:3000/assets/icon-64.png')
      .replace('id="Functions.Namespace" DefaultValue="MPWR"', 'id="Functions.Namespace" DefaultValue="MPWR2"');
    const problems = ruleProblems(bad, DEV_URL);
    expect(problems).toEqual(
      expect.arrayContaining([
        '<Label> refers to undefined resid Group.Missing',
        'duplicate resource id Functions.Script.Url',
        'HighResolutionIconUrl: http://localhost:3000/assets/icon-64.png is not https',
        'namespace is "MPWR2", not MPWR',
      ]),
    );
  });
});

describe('what the manifest says', () => {
  const doc = parse(devXml);
  const value = (id: string) => resources(doc).find((r) => r.id === id)?.value;

  test('identity, host, permissions and requirement sets', () => {
    expect(one(doc, NS.app, 'Id').textContent).toBe('0736966a-3760-4db1-a687-d27d99279b49');
    expect(doc.documentElement?.getAttributeNS(NS.xsi, 'type')).toBe('TaskPaneApp');
    expect(one(doc, NS.app, 'Permissions').textContent).toBe('ReadWriteDocument');
    expect(all(doc, NS.app, 'Host').map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    const sets = all(doc, NS.app, 'Set').map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
    expect(sets).toEqual(['SharedRuntime 1.1', 'CustomFunctionsRuntime 1.1']);
    expect(all(doc, NS.app, 'AppDomain')).toHaveLength(0);
  });

  test('functions script, metadata and page URLs', () => {
    expect(value('Taskpane.Url')).toBe('https://localhost:3000/taskpane.html');
    expect(value('Functions.Script.Url')).toBe('https://localhost:3000/functions.js');
    expect(value('Functions.Metadata.Url')).toBe('https://localhost:3000/functions.json');
  });

  test('an MPWR Import button in an MPWR group on the Home tab shows the task pane', () => {
    const tab = one(doc, NS.ov, 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const group = one(tab, NS.ov, 'Group');
    expect(value(child(group, NS.ov, 'Label')?.getAttribute('resid') ?? '')).toBe('MPWR');
    const button = one(group, NS.ov, 'Control');
    expect(button.getAttributeNS(NS.xsi, 'type')).toBe('Button');
    expect(value(child(button, NS.ov, 'Label')?.getAttribute('resid') ?? '')).toBe('MPWR Import');
    expect(one(button, NS.ov, 'Action').getAttributeNS(NS.xsi, 'type')).toBe('ShowTaskpane');
  });

  test('icons exist in assets/ with the pixel sizes the manifest claims', () => {
    const file = (url: string | null | undefined) => {
      expect(url).toMatch(/^https:\/\/localhost:3000\/assets\/icon-\d+\.png$/);
      return path.join(ROOT, (url ?? '').slice(DEV_URL.length));
    };
    const claims: { url: string | undefined; size: number }[] = [
      { url: one(doc, NS.app, 'IconUrl').getAttribute('DefaultValue') ?? undefined, size: 32 },
      { url: one(doc, NS.app, 'HighResolutionIconUrl').getAttribute('DefaultValue') ?? undefined, size: 64 },
      ...all(doc, NS.bt, 'Image')
        .filter((img) => img.hasAttribute('size'))
        .map((img) => ({ url: value(img.getAttribute('resid') ?? ''), size: Number(img.getAttribute('size')) })),
    ];
    expect(claims.length).toBe(2 + 6);
    for (const { url, size } of claims) {
      expect({ url, ...pngSize(file(url)) }).toEqual({ url, width: size, height: size });
    }
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(path.join(ROOT, `assets/icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });
});

describe('production transform', () => {
  test('replaces every dev URL, not only the first', () => {
    const count = (s: string, sub: string) => s.split(sub).length - 1;
    expect(count(devXml, DEV_URL)).toBeGreaterThan(5);
    expect(count(prodXml, DEV_URL)).toBe(0);
    expect(count(prodXml, DEFAULT_PROD_URL)).toBe(count(devXml, DEV_URL));
    expect(prodXml).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://mpwr-addin.example.com/taskpane.html" />');
  });

  test('takes MPWR_PROD_URL, adds the trailing slash, refuses http', () => {
    expect(productionUrl('https://addins.example.org/mpwr')).toBe('https://addins.example.org/mpwr/');
    expect(productionUrl('')).toBe(DEFAULT_PROD_URL);
    expect(() => productionUrl('http://addins.example.org/')).toThrow(/https/);
    const xml = toProductionManifest(devXml, 'https://addins.example.org/mpwr');
    expect(ruleProblems(xml, 'https://addins.example.org/mpwr/')).toEqual([]);
  });
});

describe('Microsoft\'s manifest tool (office-addin-manifest)', () => {
  test('reads the dev manifest as Office does: id, name, version, provider, host', async () => {
    const info = manifestTool(['info', path.join(ROOT, 'manifest.xml')]);
    expect([info.id, info.displayName, info.version, info.providerName, info.hosts]).toEqual([
      '0736966a-3760-4db1-a687-d27d99279b49', 'MPWR (dev)', '0.1.0.0', 'MPWR', ['Workbook'],
    ]);
  });

  test('stamps the production manifest with its own id and name (its modify step), which stays valid', async () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'mpwr-manifest-'));
    try {
      const file = path.join(dir, 'manifest.xml');
      fs.writeFileSync(file, prodXml);
      expect(stampManifest(file, productionIdentity({}))).toEqual({ id: DEFAULT_PROD_ID, displayName: 'MPWR' });
      const info = manifestTool(['info', file]);
      expect([info.id, info.displayName]).toEqual([DEFAULT_PROD_ID, 'MPWR']);
      expect(DEFAULT_PROD_ID).not.toBe('0736966a-3760-4db1-a687-d27d99279b49'); // the dev copy and the production add-in are two add-ins
      const stamped = fs.readFileSync(file, 'utf8');
      expect(await schemaErrors(stamped)).toEqual([]);
      expect(ruleProblems(stamped, DEFAULT_PROD_URL)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the production identity comes from MPWR_PROD_ID and MPWR_PROD_NAME; a non-GUID id is refused', () => {
    expect(productionIdentity({ MPWR_PROD_ID: '11111111-2222-3333-4444-555555555555', MPWR_PROD_NAME: 'MPWR (beta)' })).toEqual({ id: '11111111-2222-3333-4444-555555555555', displayName: 'MPWR (beta)' });
    expect(() => productionIdentity({ MPWR_PROD_ID: 'not-a-guid' })).toThrow(/GUID/);
  });

  test('telemetry of Microsoft\'s tools is off: every installed office-addin-usage-data reports nothing', () => {
    const copies = [
      'office-addin-usage-data',
      'office-addin-manifest/node_modules/office-addin-usage-data',
      'office-addin-dev-certs/node_modules/office-addin-usage-data',
    ].map((p) => path.join(ROOT, 'node_modules', p)).filter((p) => fs.existsSync(p));
    expect(copies.length).toBeGreaterThan(0);
    for (const dir of copies) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { OfficeAddinUsageData } = require(dir) as { OfficeAddinUsageData: new (o: object) => { isUsageDataOn(): boolean; getUsageDataLevel(): string } };
      const u = new OfficeAddinUsageData({ projectName: 'mpwr-test', raisePrompt: false, instrumentationKey: '' });
      expect([dir, u.isUsageDataOn(), u.getUsageDataLevel()]).toEqual([dir, false, 'off']);
    }
  });
});
