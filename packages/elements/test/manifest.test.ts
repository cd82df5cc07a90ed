/** custom-elements.json is generated from the elements' JSDoc: every element documents its API. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'promkit-cem-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('lists every element with its tag, attributes, events, parts and summary', () => {
  const cwd = new URL('..', import.meta.url).pathname;
  // cem joins --outdir onto its working directory, so it is given a relative path.
  execFileSync(join(cwd, '../../node_modules/.bin/cem'), ['analyze', '--outdir', relative(cwd, out)], { cwd, stdio: 'ignore' });
  const manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as {
    modules: { declarations?: { tagName?: string; summary?: string; attributes?: { name: string }[]; events?: { name: string }[]; cssParts?: unknown[] }[] }[];
  };
  const elements = new Map(manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]));
  expect([...elements.keys()].sort()).toEqual(['prom-dashboard', 'prom-panel', 'prom-refresh-picker', 'prom-time-range', 'prom-variable']);
  for (const [tag, d] of elements) {
    expect(d.summary, tag).toBeTruthy();
    expect(d.events?.length, tag).toBeGreaterThan(0);
    expect(d.events!.every((e) => e.name.startsWith('prom-')), tag).toBe(true);
    expect(d.cssParts?.length, tag).toBeGreaterThan(0);
    expect(d.attributes!.every((a) => !a.name.startsWith('_')), tag).toBe(true);
  }
  expect(elements.get('prom-panel')!.attributes!.map((a) => a.name)).toEqual(expect.arrayContaining(['url', 'query', 'type', 'unit', 'range', 'refresh', 'theme']));
});
