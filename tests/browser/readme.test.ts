/** Every ```html block of README.md, mounted in Chromium against the real Prometheus: its panels (alert lists too), dashboards and rules views drawn without an error. */
import { expect } from 'chai';
import '@promkit/elements/define.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;

describe('README html blocks', () => {
  it('each block renders its panels and dashboards without an error', async () => {
    const readme = await (await fetch('/README.md')).text();
    const blocks = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).to.be.greaterThanOrEqual(2);
    for (const block of blocks) {
      const host = document.createElement('div');
      // The elements are already defined here; the block's own <script src> would load the bundle.
      host.innerHTML = block.replaceAll('http://localhost:9090', url).replace(/<script src="[^"]*"><\/script>/g, '');
      document.body.append(host);
      const deadline = Date.now() + 20_000;
      const panelsOf = () => [
        ...host.querySelectorAll('prom-panel'),
        ...[...host.querySelectorAll('prom-dashboard')].flatMap((d) => [...(d.shadowRoot?.querySelectorAll('prom-panel') ?? [])]),
      ];
      const rules = [...host.querySelectorAll('prom-rules')];
      const rulesShown = () => rules.every((r) => r.shadowRoot?.querySelector('[part="group"], .state.error'));
      while ((panelsOf().length + rules.length === 0 || !rulesShown() || panelsOf().some((p) => p.results.length === 0 && !p.shadowRoot?.querySelector('[role="alert"], .alerts, .alert-stat'))) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const panels = panelsOf();
      expect(panels.length + rules.length, block.slice(0, 60)).to.be.greaterThan(0);
      for (const r of rules) expect(r.shadowRoot!.querySelector('[part="group"]'), `${block.slice(0, 60)}: ${r.shadowRoot!.textContent}`).to.not.equal(null);
      for (const p of panels) expect(p.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? null, block.slice(0, 60)).to.equal(null);
      for (const d of host.querySelectorAll('prom-dashboard')) expect(d.shadowRoot!.querySelector('[part="problems"]')).to.equal(null);
      host.remove();
    }
  });
});
