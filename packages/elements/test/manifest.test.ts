/** custom-elements.json is generated from the elements' JSDoc: every element documents its API. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'promkit-cem-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Declaration {
  tagName?: string;
  summary?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string; description?: string }[];
}

let analyzed: Map<string, Declaration> | undefined;
/** The elements of a freshly generated custom-elements.json, by tag (cem runs once per file). */
function manifest(): Map<string, Declaration> {
  if (analyzed) return analyzed;
  const cwd = new URL('..', import.meta.url).pathname;
  // cem joins --outdir onto its working directory, so it is given a relative path.
  execFileSync(join(cwd, '../../node_modules/.bin/cem'), ['analyze', '--outdir', relative(cwd, out)], { cwd, stdio: 'ignore' });
  const json = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as { modules: { declarations?: Declaration[] }[] };
  analyzed = new Map(json.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]));
  return analyzed;
}

it('lists every element with its tag, attributes, events, parts and summary', () => {
  const elements = manifest();
  // The viewer's elements, and the builder's (registered by builder.js).
  expect([...elements.keys()].sort()).toEqual([
    'prom-dashboard',
    'prom-dashboard-editor',
    'prom-dashboard-json',
    'prom-dashboard-list',
    'prom-dashboard-settings',
    'prom-datasource-editor',
    'prom-definition-drawer',
    'prom-edit-frame',
    'prom-metrics-explorer',
    'prom-panel',
    'prom-panel-drawer',
    'prom-panel-editor',
    'prom-query-builder',
    'prom-query-editor',
    'prom-query-explain',
    'prom-refresh-picker',
    'prom-rules',
    'prom-template-drawer',
    'prom-template-gallery',
    'prom-time-range',
    'prom-variable',
    'prom-variables-editor',
  ]);
  for (const [tag, d] of elements) {
    expect(d.summary, tag).toBeTruthy();
    // Edit mode's inner parts fire nothing themselves: the dashboard fires for them; the explain tree and the rules view only read.
    if (!['prom-dashboard-editor', 'prom-edit-frame', 'prom-panel-drawer', 'prom-definition-drawer', 'prom-template-drawer', 'prom-query-explain', 'prom-rules'].includes(tag)) expect(d.events?.length, tag).toBeGreaterThan(0);
    expect((d.events ?? []).every((e) => e.name.startsWith('prom-')), tag).toBe(true);
    expect(d.cssParts?.length, tag).toBeGreaterThan(0);
    expect((d.attributes ?? []).every((a) => !a.name.startsWith('_')), tag).toBe(true);
  }
  expect(elements.get('prom-panel')!.attributes!.map((a) => a.name)).toEqual(expect.arrayContaining(['url', 'query', 'type', 'unit', 'range', 'refresh', 'theme']));
});

/** The `--prom-*` tokens the css`` blocks of these source files read (directly, or as the private `--_x` of `--prom-x`). */
function tokensIn(...files: string[]): Set<string> {
  const src = new URL('../src/', import.meta.url).pathname;
  const tokens = new Set<string>();
  for (const file of files) {
    for (const [, block] of readFileSync(join(src, file), 'utf8').matchAll(/css`([^`]*)`/g)) {
      for (const [, name] of block!.matchAll(/--prom-([\w-]+)/g)) tokens.add(`--prom-${name}`);
      for (const [, name] of block!.matchAll(/var\(--_([\w-]+)\)/g)) tokens.add(`--prom-${name}`);
    }
  }
  return tokens;
}

it('documents every theme token on every element that uses it, and the dashboard documents them all', () => {
  const cssProps = (tag: string) =>
    (manifest().get(tag)?.cssProperties ?? []).filter((p) => p.description).map((p) => p.name);
  const theme = 'theme/theme.ts';
  const controls = ['theme/form-controls.ts', 'components/controls.styles.ts'];
  const used: Record<string, Set<string>> = {
    'prom-panel': tokensIn(theme, 'theme/form-controls.ts', 'components/panel/panel.styles.ts'),
    'prom-time-range': tokensIn(...controls, 'components/time-range/time-range.component.ts'),
    'prom-refresh-picker': tokensIn(...controls, 'components/refresh-picker/refresh-picker.component.ts'),
    'prom-variable': tokensIn(...controls, 'components/variable/variable.component.ts'),
    'prom-panel-editor': tokensIn('theme/form-controls.ts', 'theme/editor-form.ts', 'components/panel-editor/panel-editor.styles.ts'),
    'prom-dashboard-settings': tokensIn('theme/form-controls.ts', 'theme/editor-form.ts', 'components/dashboard-settings/dashboard-settings.styles.ts'),
    'prom-datasource-editor': tokensIn('theme/form-controls.ts', 'theme/editor-form.ts', 'components/datasource-editor/datasource-editor.styles.ts'),
    'prom-variables-editor': tokensIn('theme/form-controls.ts', 'components/variables-editor/variables-editor.styles.ts'),
    'prom-dashboard-json': tokensIn('theme/form-controls.ts', 'components/dashboard-json/dashboard-json.styles.ts'),
    'prom-dashboard-editor': tokensIn('components/dashboard-editor/dashboard-editor.styles.ts'),
    'prom-metrics-explorer': tokensIn('theme/form-controls.ts', 'components/metrics-explorer/metrics-explorer.styles.ts'),
    'prom-query-builder': tokensIn('theme/form-controls.ts', 'theme/editor-form.ts', 'components/query-builder/query-builder.styles.ts'),
    'prom-query-explain': tokensIn('theme/form-controls.ts', 'components/query-explain/query-explain.styles.ts'),
    'prom-dashboard-list': tokensIn('theme/form-controls.ts', 'theme/spinner.ts', 'theme/load-state.ts', 'components/dashboard-list/dashboard-list.styles.ts'),
    'prom-rules': tokensIn('theme/form-controls.ts', 'theme/spinner.ts', 'theme/load-state.ts', 'components/rules/rules.styles.ts'),
    'prom-template-gallery': tokensIn('theme/form-controls.ts', 'theme/editor-form.ts', 'components/template-gallery/template-gallery.styles.ts'),
    'prom-query-editor': tokensIn('theme/form-controls.ts', 'components/query-editor/query-editor.styles.ts', 'components/query-editor/codemirror-setup.ts'),
  };
  const all = tokensIn(theme, ...controls, 'components/panel/panel.styles.ts', 'components/dashboard/dashboard.styles.ts', 'components/time-range/time-range.component.ts', 'components/variable/variable.component.ts');
  // Every token: fonts, 15 colours, 10 palette entries, and the panel and grid sizes.
  expect(all.size).toBeGreaterThanOrEqual(30);
  expect([...all]).toEqual(expect.arrayContaining(['--prom-color-background', '--prom-palette-9', '--prom-color-tooltip', '--prom-grid-unit']));
  for (const [tag, tokens] of Object.entries({ ...used, 'prom-dashboard': all })) {
    expect(cssProps(tag), tag).toEqual(expect.arrayContaining([...tokens]));
  }
});

it('lists the panel parts a dashboard re-exports', () => {
  const parts = (manifest().get('prom-dashboard')?.cssParts ?? []).map((p) => p.name);
  expect(parts).toEqual(expect.arrayContaining(['panel-base', 'panel-header', 'panel-title', 'panel-body', 'panel-chart', 'panel-legend']));
});
