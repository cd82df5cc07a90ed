/**
 * The install path the README gives while the packages are unpublished: `npm pack` the three
 * packages (from the built dist/), install the tarballs into a plain-HTML folder and into a Vite
 * app, build the app, and render a panel from each in Chromium against the real Prometheus. A
 * third folder, a server, gets only core and adapters and runs the adapters README's proxy server.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
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
/** What a server install of core and adapters must not bring: the browser side and its libraries. */
const BROWSER_ONLY = ['@promkit/elements', '@lit/react', 'lit', 'echarts', 'marked', 'dompurify', 'react'];
/** The adapters README's example upstream, swapped for the test's Prometheus. */
const EXAMPLE_URL = 'http://127.0.0.1:9090';

let dir = '';
let tarballs: string[] = [];
let packed: { name: string; filename: string; files: { path: string }[] }[] = [];
let browser: Browser | undefined;
const servers: Server[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promkit-tarball-'));
  const out = join(dir, 'tarballs');
  await mkdir(out);
  const pack = await run('npm', ['pack', ...PACKAGES.flatMap((p) => ['-w', `packages/${p}`]), '--pack-destination', out, '--json'], { cwd: root });
  packed = JSON.parse(pack.stdout) as typeof packed;
  tarballs = packed.map((p) => join(out, p.filename));
  const serverTarballs = packed.filter((p) => p.name !== '@promkit/elements').map((p) => join(out, p.filename));
  // All installs at once: each resolves the third-party dependencies from npm's cache when it can.
  await Promise.all([
    installInto(join(dir, 'plain'), plainFiles(), tarballs),
    installInto(join(dir, 'vite-app'), viteFiles(), tarballs),
    installInto(join(dir, 'server'), await serverFiles(), serverTarballs),
  ]);
  // The repo's Vite builds the scratch app; everything the app imports resolves from its own node_modules.
  await run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: join(dir, 'vite-app') });
  browser = await launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}, 180_000);

afterAll(async () => {
  for (const child of children) child.kill();
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A folder with a package.json, `packages` (tarball paths) installed into it, and `files` written next to them. */
async function installInto(folder: string, files: Record<string, string>, packages: string[]) {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }));
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  await run('npm', ['install', ...packages, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: folder });
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

/** The adapters README's proxy example, as written, but for the upstream pointing at the test's Prometheus. */
async function serverFiles(): Promise<Record<string, string>> {
  const readme = await readFile(join(root, 'packages/adapters/README.md'), 'utf8');
  const examples = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => code.includes(`'@promkit/adapters/proxy'`));
  expect(examples, 'packages/adapters/README.md has one ```js proxy example').toHaveLength(1);
  expect(examples[0], 'the example names the upstream it forwards to').toContain(EXAMPLE_URL);
  return { 'server.mjs': examples[0]!.replaceAll(EXAMPLE_URL, inject('prometheusUrl')) };
}

/** Starts `node server.mjs` in `folder` on a free port (PORT=0); resolves with the URL it prints. */
function startServer(folder: string): Promise<string> {
  const child = spawn(process.execPath, ['server.mjs'], { cwd: folder, env: { ...process.env, PORT: '0', PROMETHEUS_TOKEN: 'tarball-test-token' } });
  children.push(child);
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += String(chunk);
      const url = /http:\/\/\S+/.exec(stdout)?.[0];
      if (url) resolve(url);
    });
    child.on('exit', (code) => reject(new Error(`server.mjs exited (${code}) before printing its URL:\n${stdout}${stderr}`)));
  });
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
    // The panel's update includes loading its chart code (a chunk of its own in the Vite app); then give ECharts a frame to paint.
    await page.evaluate(() => (document.querySelector('#panel') as unknown as { updateComplete: Promise<boolean> }).updateComplete);
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

it('installs core and adapters alone on a server, without the browser side, and the README proxy answers', async () => {
  const server = join(dir, 'server');
  for (const name of ['@promkit/core', '@promkit/adapters']) expect(existsSync(join(server, 'node_modules', name, 'package.json')), name).toBe(true);
  const present = BROWSER_ONLY.filter((name) => existsSync(join(server, 'node_modules', name)));
  expect(present, 'browser-only packages in a server install of core and adapters').toEqual([]);

  const printed = new URL(await startServer(server));
  expect(printed.pathname).toBe('/api/prom');
  // The port it printed, on the loopback address it listens on whatever `localhost` resolves to.
  const base = `http://127.0.0.1:${printed.port}${printed.pathname}`;
  const answer = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(QUERY)}`);
  expect(answer.status).toBe(200);
  const body = (await answer.json()) as { status: string; data: { resultType: string; result: { value: [number, string] }[] } };
  expect(body.status).toBe('success');
  expect(body.data.resultType).toBe('vector');
  expect(body.data.result.map((r) => r.value[1])).toEqual(['1']);
  const refused = await fetch(`${base}/api/v1/admin/tsdb/snapshot`, { method: 'POST' });
  expect(refused.status).toBe(403);
});
