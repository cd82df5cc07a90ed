/**
 * The install path the README gives while the packages are unpublished: `npm pack` the three
 * packages (from the built dist/), install the tarballs into a plain-HTML folder and into a Vite
 * app, build the app, and render a panel from each in Chromium against the real Prometheus.
 */
import { execFile } from 'node:child_process';
import { readFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { launch, type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGES = ['core', 'elements', 'adapters'] as const;
/** Always has data, so the panel's answer depends on nothing but the install working. */
const QUERY = 'vector(1)';
/** One built entry point each tarball must hold. */
const BUILT: Record<string, string> = { '@promkit/core': 'dist/index.js', '@promkit/elements': 'dist/promkit.min.js', '@promkit/adapters': 'dist/proxy/index.js' };

let dir = '';
let tarballs: string[] = [];
let packed: { name: string; filename: string; files: { path: string }[] }[] = [];
let browser: Browser | undefined;
const servers: Server[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promkit-tarball-'));
  const out = join(dir, 'tarballs');
  await mkdir(out);
  const pack = await run('npm', ['pack', ...PACKAGES.flatMap((p) => ['-w', `packages/${p}`]), '--pack-destination', out, '--json'], { cwd: root });
  packed = JSON.parse(pack.stdout) as typeof packed;
  tarballs = packed.map((p) => join(out, p.filename));
  // Both installs at once: each resolves the third-party dependencies from npm's cache when it can.
  await Promise.all([installInto(join(dir, 'plain'), plainFiles()), installInto(join(dir, 'vite-app'), viteFiles())]);
  // The repo's Vite builds the scratch app; everything the app imports resolves from its own node_modules.
  await run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: join(dir, 'vite-app') });
  browser = await launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A folder with a package.json, the tarballs installed into it, and `files` written next to them. */
async function installInto(folder: string, files: Record<string, string>) {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }));
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  await run('npm', ['install', ...tarballs, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: folder });
}

const panelHtml = (url: string) =>
  `<style>prom-panel { display: block; width: 600px; height: 300px; }</style><prom-panel id="panel" url="${url}" title="From the tarball" query="${QUERY}" range="now-15m"></prom-panel>`;

/** The README's script-tag page: the bundle straight out of node_modules, no build step. */
function plainFiles(): Record<string, string> {
  const url = inject('prometheusUrl');
  return {
    'index.html': `<!doctype html><meta charset="utf-8"><script src="node_modules/@promkit/elements/dist/promkit.min.js"></script>${panelHtml(url)}`,
  };
}

/** A Vite app importing the packages by name, as a project that installed them would. */
function viteFiles(): Record<string, string> {
  const url = inject('prometheusUrl');
  return {
    'index.html': `<!doctype html><meta charset="utf-8"><script type="module" src="./main.js"></script>${panelHtml(url)}`,
    'main.js': [
      `import '@promkit/elements/define.js';`,
      `import { PromPanel } from '@promkit/elements';`,
      `import { PrometheusClient } from '@promkit/core';`,
      `window.__checks = { panelClass: customElements.get('prom-panel') === PromPanel, client: typeof new PrometheusClient({ url: ${JSON.stringify(url)} }).query };`,
      '',
    ].join('\n'),
  };
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** Serves a folder over HTTP on a free port; returns its origin. */
async function serve(folder: string): Promise<string> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(folder, path.endsWith('/') ? `${path}index.html` : path);
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Opens a page, waits for the panel's first answer, and reports what it got and whether it drew. */
async function renderPanel(origin: string) {
  const page = await browser!.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => ((document.querySelector('#panel') as unknown as { results?: unknown[] })?.results?.length ?? 0) > 0, { timeout: 20_000 });
    // Give ECharts a frame to paint after the data arrived.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return {
      errors,
      ...(await page.evaluate(() => {
        const panel = document.querySelector('#panel') as HTMLElement & { results: { error?: unknown; frames: { values?: ArrayLike<number> }[] }[] };
        /** Every canvas below a node, through open shadow roots. */
        const canvases = (node: ParentNode): HTMLCanvasElement[] =>
          [...node.querySelectorAll('*')].flatMap((el) => [...(el instanceof HTMLCanvasElement ? [el] : []), ...(el.shadowRoot ? canvases(el.shadowRoot) : [])]);
        const painted = canvases(panel.shadowRoot!).reduce((sum, canvas) => {
          if (canvas.width === 0 || canvas.height === 0) return sum;
          const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
          let n = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
          return sum + n;
        }, 0);
        const first = panel.results[0];
        return {
          customElement: customElements.get('prom-panel') !== undefined,
          error: first?.error === undefined ? undefined : String(first.error),
          frames: first?.frames.length ?? 0,
          painted,
          alert: panel.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? null,
          checks: (window as unknown as { __checks?: unknown }).__checks,
        };
      })),
    };
  } finally {
    await page.close();
  }
}

it('packs each package with its README, LICENSE and built files', () => {
  expect(packed.map((p) => p.name)).toEqual(PACKAGES.map((p) => `@promkit/${p}`));
  for (const p of packed) {
    const files = p.files.map((f) => f.path);
    expect(files, p.name).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json', BUILT[p.name]]));
  }
});

it('installs into a plain HTML folder whose script tag renders a live panel', async () => {
  const result = await renderPanel(await serve(join(dir, 'plain')));
  expect(result.errors).toEqual([]);
  expect(result.customElement).toBe(true);
  expect(result.error).toBeUndefined();
  expect(result.alert).toBeNull();
  expect(result.frames).toBeGreaterThan(0);
  expect(result.painted).toBeGreaterThan(0);
});

it('installs into a Vite app that builds and renders a live panel', async () => {
  const result = await renderPanel(await serve(join(dir, 'vite-app', 'dist')));
  expect(result.errors).toEqual([]);
  expect(result.checks).toEqual({ panelClass: true, client: 'function' });
  expect(result.error).toBeUndefined();
  expect(result.alert).toBeNull();
  expect(result.frames).toBeGreaterThan(0);
  expect(result.painted).toBeGreaterThan(0);
});

it('installs the proxy so it loads on a server', async () => {
  const probe = `import('@promkit/adapters/proxy').then((m) => console.log(typeof m.createPrometheusProxy))`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe], { cwd: join(dir, 'plain') });
  expect(stdout.trim()).toBe('function');
});
