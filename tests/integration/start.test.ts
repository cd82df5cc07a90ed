/** `npm start`: serves the demo pages against a Prometheus it starts, and Ctrl-C stops it all. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('starts Prometheus and the pages, refuses paths outside the repository, and stops everything on SIGINT', async () => {
  const child = spawn('node', ['scripts/start.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const deadline = Date.now() + 110_000;
  while (!output.includes('Ctrl-C stops everything') && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const dashboard = /Dashboard\s+(\S+)/.exec(output)?.[1];
  const prometheus = /Prometheus\s+(http:\S+)/.exec(output)?.[1];
  expect(dashboard, output).toBeDefined();
  expect(prometheus, output).toBeDefined();

  const page = await fetch(dashboard!);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<prom-dashboard src="../dashboards/prometheus-self.json"');
  const site = new URL(dashboard!).origin;
  for (const path of ['/packages/elements/dist/promkit.min.js', '/examples/dashboards/prometheus-self.json', '/examples/plain-html/index.html']) {
    expect((await fetch(site + path)).status, path).toBe(200);
  }
  for (const path of ['/%2e%2e/%2e%2e/etc/passwd', '/node_modules/lit/package.json']) {
    expect((await fetch(site + path)).status, path).toBe(404);
  }
  expect((await fetch(`${prometheus}/-/ready`)).ok).toBe(true);

  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(output).toContain('promkit demo stopped.');
  await expect(fetch(`${prometheus}/-/ready`)).rejects.toThrow();
  await expect(fetch(site)).rejects.toThrow();
}, 120_000);
