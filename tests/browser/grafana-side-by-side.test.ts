/**
 * Public Kubernetes dashboards (dotdc's k8s-views-global and k8s-views-nodes, from the corpus)
 * imported and shown against a Prometheus holding a cluster's hour in the metric names they query
 * (tests/harness/cluster-dataset.mjs), in the dark theme, to be looked at beside the screenshots
 * their authors took in Grafana (README, "Compared with Grafana"). The checks are what those
 * screenshots show: LCD bar gauges coloured by value, big stats and named ones, a legend table,
 * percent axes; gauges, a table of pods linking to another dashboard.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { getInstanceByDom } from 'echarts/core';
import type { PromPanel } from '@promkit/elements';
import { T0, T_END } from '../harness/dataset.mjs';
import { showImported } from './grafana-mount.js';
import { painted, panelsIn } from './panel-probes.js';

const url = window.__PROMKIT_TEST__.clusterUrl;
const HOUR = { from: new Date(T0 * 1000).toISOString(), to: new Date(T_END * 1000).toISOString() };

/** The panel titled `title` (Grafana's titles, as the dashboard has them). */
const byTitle = (panels: PromPanel[], title: string) => {
  const panel = panels.find((p) => p.spec?.title === title);
  if (!panel) throw new Error(`no panel titled "${title}" among ${panels.map((p) => p.spec?.title).join(', ')}`);
  return panel.shadowRoot!;
};
const texts = (root: ShadowRoot, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent!.replace(/\s+/g, ' ').trim());

/** The dashboard's panels once every panel titled in `titles` has answered (45 s at most), and those of them that got no data. */
async function answered(d: HTMLElement, titles: readonly (string | undefined)[]): Promise<{ panels: PromPanel[]; empty: (string | undefined)[] }> {
  const watched = (p: PromPanel) => titles.includes(p.spec?.title ?? '');
  const loaded = (p: PromPanel) => p.results.length > 0 && !p.shadowRoot!.querySelector('[aria-busy="true"]');
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline && !panelsIn(d.shadowRoot!).filter(watched).every(loaded)) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500));
  const panels = panelsIn(d.shadowRoot!);
  return { panels, empty: panels.filter((p) => watched(p) && !p.results.some((r) => r.frames.length > 0)).map((p) => p.spec?.title) };
}

/** Waits until the panel's chart has painted (10 s at most); true when it has. */
async function untilPainted(panel: Element): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (!painted(panel) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return painted(panel);
}

describe('a public Kubernetes dashboard beside Grafana (k8s-views-global on a cluster hour)', function () {
  this.timeout(90_000);

  it('draws its overview as Grafana does: LCD bar gauges, big stats, named stats, a legend table, percent axes', async () => {
    const { d, expected } = await showImported('/tests/fixtures/grafana/corpus/dotdc-grafana-dashboards-kubernetes--k8s-views-global.json', url, { width: 1500, time: HOUR, theme: 'dark' });
    try {
      // The Overview and Resources rows, but for throttling (this cluster is never throttled).
      const { panels, empty } = await answered(d, expected.slice(0, 17).map((p) => p.title).filter((t) => !/Throttl/.test(t ?? '')));
      expect(empty, 'overview and resource panels without data').to.deep.equal([]);

      // Global CPU and RAM usage: LCD bars named Real, Requests, Limits, in percent, coloured green to red by value.
      const cpu = byTitle(panels, 'Global CPU  Usage');
      expect(cpu.querySelector('.bars')!.classList.contains('lcd')).to.equal(true);
      expect(texts(cpu, '.legend-name')).to.deep.equal(['Real', 'Requests', 'Limits']);
      const [name, track] = [cpu.querySelector('.legend-name')!, cpu.querySelector('.bar-track')!].map((e) => e.getBoundingClientRect());
      expect(name!.bottom, 'each name above its bar').to.be.at.most(track!.top + 1);
      for (const value of texts(cpu, '.bar-value')) expect(value).to.match(/^\d+(\.\d+)?%$/);
      const ram = byTitle(panels, 'Global RAM Usage');
      expect(texts(ram, '.bar-value')[0], 'RAM real, two decimals').to.match(/^\d+\.\d\d%$/);

      // Big single stats (the cluster has 4 nodes, 5 namespaces, 15 running pods), in the dashboard's blue.
      expect(texts(byTitle(panels, 'Nodes'), '.stat-value')).to.deep.equal(['4']);
      expect(texts(byTitle(panels, 'Namespaces'), '.stat-value')).to.deep.equal(['5']);
      expect(texts(byTitle(panels, 'Running Pods'), '.stat-value')).to.deep.equal(['15']);
      // Named stats side by side: CPU cores and bytes (4 nodes of 4 CPUs and 16 GiB).
      const cores = byTitle(panels, 'CPU Usage');
      expect(texts(cores, '.stat-name')).to.deep.equal(['Real', 'Requests', 'Limits', 'Total']);
      // Values side by side at one size, each under its name.
      expect(new Set([...cores.querySelectorAll('.stat-value')].map((v) => getComputedStyle(v).fontSize)).size, 'one value size').to.equal(1);
      expect(cores.querySelector('.stat-name')!.getBoundingClientRect().bottom).to.be.at.most(cores.querySelector('.stat-value')!.getBoundingClientRect().top + 1);
      expect(texts(cores, '.stat-value').at(-1)).to.equal('16');
      expect(texts(byTitle(panels, 'RAM Usage'), '.stat-value').at(-1)).to.match(/^64 ?GiB$/);

      // The resource count's legend: a table with Min, Max and Mean, sorted by Max, largest first.
      const count = byTitle(panels, 'Kubernetes Resource Count');
      expect(texts(count, '[part="legend"] thead th').slice(1).map((t) => t.replace(/ [▴▾]$/, ''))).to.deep.equal(['Min', 'Max', 'Mean']);
      expect(count.querySelector('[part="legend"] th[aria-sort]')!.textContent).to.match(/^Max/);
      expect(count.querySelector('[part="legend"] th[aria-sort]')!.getAttribute('aria-sort')).to.equal('descending');
      const legend = count.querySelector<HTMLElement>('[part="legend"]')!;
      expect(legend.scrollWidth, 'every legend column shows, none scrolled out of view').to.be.at.most(legend.clientWidth);
      const rows = texts(count, '[part="legend"] tbody tr td:first-child');
      expect(rows[0], 'the largest count first').to.equal('Configmaps');
      expect(await untilPainted(count.host), 'the resource count is drawn').to.equal(true);

      // Series named as Grafana names them: `{{ node }}` finds no node label, so each takes its only label's value.
      expect(texts(byTitle(panels, 'CPU Utilization by instance'), '[part="legend"] tbody .legend-name').sort()).to.deep.equal(['node-1:9100', 'node-2:9100', 'node-3:9100', 'node-4:9100']);
      // Memory between 60 % and 70 %: the axis follows it instead of starting at zero.
      const memoryPanel = byTitle(panels, 'Cluster Memory Utilization');
      await untilPainted(memoryPanel.host);
      const memory = getInstanceByDom(memoryPanel.querySelector<HTMLElement>('.canvas')!)!;
      const axis = (memory as unknown as { getModel(): { getComponent(t: string, i: number): { axis: { scale: { getExtent(): [number, number] } } } } }).getModel().getComponent('yAxis', 0).axis.scale.getExtent();
      expect(axis[0], 'the memory axis starts near its values').to.be.greaterThan(0.5);
      // The axis label ("MEMORY") along the axis, inside the chart, not cut off above it.
      const yAxis = (memory.getOption() as { yAxis: { name: string; nameLocation: string }[] }).yAxis[0]!;
      expect([yAxis.name, yAxis.nameLocation]).to.deep.equal(['MEMORY', 'middle']);

      await executeServerCommand('screenshot', { selector: 'prom-dashboard', name: 'grafana-side-by-side-k8s-views-global' });
    } finally {
      d.remove();
    }
  });

  it('draws a node as Grafana does: gauges, big stats with units, the pods table with its columns organised and its links', async () => {
    const { d, expected } = await showImported('/tests/fixtures/grafana/corpus/dotdc-grafana-dashboards-kubernetes--k8s-views-nodes.json', url, { width: 1500, time: HOUR, theme: 'dark' });
    d.setAttribute('dashboard-url', '/boards/{uid}');
    try {
      const { panels, empty } = await answered(d, expected.slice(0, 9).map((p) => p.title));
      expect(empty, 'overview panels without data').to.deep.equal([]);

      // The node variable's first value, and its instance found through node_uname_info.
      for (const title of ['CPU  Usage', 'RAM Usage']) {
        expect(await untilPainted(byTitle(panels, title).host), `${title} gauge drawn`).to.equal(true);
      }
      // node-1 runs 4 of the cluster's 15 pods, has 4 CPUs and 16 GiB, and has been up 9.5 hours at the start of the hour.
      expect(texts(byTitle(panels, 'Pods on node'), '.stat-value')).to.deep.equal(['4']);
      expect(texts(byTitle(panels, 'CPU Total'), '.stat-value')).to.deep.equal(['4']);
      expect(texts(byTitle(panels, 'RAM Total'), '.stat-value')[0]).to.match(/^16 ?GiB$/);
      expect(texts(byTitle(panels, 'uptime'), '.stat-value')[0]).to.match(/^10\.5 ?hours?$/);

      // The pods table: organised as the dashboard says (pod, namespace, created_by_kind first; Time, Value and the rest hidden).
      const table = byTitle(panels, 'List of pods on node (node-1)');
      expect(texts(table, 'thead th').slice(0, 3)).to.deep.equal(['pod', 'namespace', 'created_by_kind']);
      expect(texts(table, 'thead th')).to.not.include('Time');
      expect(texts(table, 'tbody tr td:first-child').length).to.equal(4);
      // Each pod links to the pods dashboard, sent where dashboard-url says, with its namespace and pod filled in.
      const link = table.querySelector<HTMLAnchorElement>('tbody tr td:first-child a')!;
      expect(link.getAttribute('href')).to.match(/^\/boards\/k8s_views_pods\?.*var-namespace=[a-z-]+.*&var-pod=[a-z0-9-]+/);

      await executeServerCommand('screenshot', { selector: 'prom-dashboard', name: 'grafana-side-by-side-k8s-views-nodes' });
    } finally {
      d.remove();
    }
  });
});
