/**
 * Runs every ```ts block of README.md against the real Prometheus (its example URL swapped for the
 * test server's) and the Grafana contract server (for Grafana's example URL and GRAFANA_TOKEN), and
 * checks that each `// prints: …` comment matches what the block printed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { validateDashboard } from '@promkit/core';
import { CONTRACT_TOKEN, startGrafanaContract } from '../harness/grafana-contract.mjs';

const EXAMPLE_URL = 'http://127.0.0.1:9090';
const GRAFANA_EXAMPLE_URL = 'https://grafana.example.com';
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
const dashboards = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((json) => json.includes('"schemaVersion"'));
const scratch = fileURLToPath(new URL('./.readme-snippets/', import.meta.url));
mkdirSync(scratch, { recursive: true });
let grafana: Awaited<ReturnType<typeof startGrafanaContract>>;
beforeAll(async () => {
  grafana = await startGrafanaContract();
  process.env['GRAFANA_TOKEN'] = CONTRACT_TOKEN;
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await grafana.stop();
});

/** The text each `// prints:` comment promises, in order. */
function promisedOutput(code: string): string[] {
  return [...code.matchAll(/\/\/ prints: (.*)$/gm)].map((m) => m[1]!.trim());
}

describe('README code', () => {
  it('has code blocks to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it.each(blocks.map((code, i) => [i + 1, code] as const))('block %i runs and prints what it says', async (n, code) => {
    const file = `${scratch}block-${n}.ts`;
    writeFileSync(file, code.replaceAll(EXAMPLE_URL, inject('prometheusUrl')).replaceAll(GRAFANA_EXAMPLE_URL, grafana.url));
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args.map((a) => (typeof a === 'string' || a === undefined ? String(a) : JSON.stringify(a))).join(' '));
    });
    try {
      await import(/* @vite-ignore */ file);
    } finally {
      log.mockRestore();
    }
    const promised = promisedOutput(code);
    expect(promised.length, 'each README block shows its output in // prints: comments').toBeGreaterThan(0);
    for (const line of promised) expect(printed).toContain(line);
  });

  it.each(dashboards.map((json, i) => [i + 1, json] as const))('dashboard %i is valid', (_, json) => {
    expect(validateDashboard(json)).toMatchObject({ ok: true });
  });

  it('has dashboards to check', () => {
    expect(dashboards.length).toBeGreaterThanOrEqual(1);
  });
});
