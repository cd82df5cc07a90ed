/** examples/plain-html: the minified script-tag bundle alone, in a page with no build step. */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { PrometheusClient } from '@promkit/core';

const url = window.__PROMKIT_TEST__.prometheusUrl;

describe('examples/plain-html', () => {
  it('registers every element from one script tag and draws live panels against Prometheus', async function () {
    this.timeout(90_000);
    // The page charts Prometheus' own history; a test Prometheus may have started seconds ago.
    const prom = new PrometheusClient({ url });
    for (let tries = 0; tries < 120; tries++) {
      const end = Math.floor(Date.now() / 15_000) * 15;
      const r = await prom.queryRange({ query: 'rate(prometheus_tsdb_head_samples_appended_total[1m])', start: end - 60, end, step: 15 });
      if (r.result.length > 0 && (r.result[0]!.values?.length ?? 0) >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const frame = document.createElement('iframe');
    frame.id = 'plain-html';
    frame.style.cssText = 'width:1180px;height:900px;border:0';
    frame.src = `/examples/plain-html/index.html?prometheus=${encodeURIComponent(url)}`;
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const win = frame.contentWindow as Window & { promkit?: Record<string, unknown> };
    for (const tag of ['prom-panel', 'prom-dashboard', 'prom-time-range', 'prom-refresh-picker', 'prom-variable']) {
      expect(win.customElements.get(tag), tag).to.not.equal(undefined);
    }
    expect(typeof win.promkit?.['PrometheusClient']).to.equal('function');
    const panels = [...frame.contentDocument!.querySelectorAll('prom-panel')];
    expect(panels).to.have.length(4);
    const deadline = Date.now() + 20_000;
    while (panels.some((p) => p.results.length === 0 || p.results[0]!.frames.length === 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    for (const p of panels) {
      expect(p.results[0]!.error, p.getAttribute('title')!).to.equal(undefined);
      expect(p.results[0]!.frames.length, p.getAttribute('title')!).to.be.greaterThan(0);
      expect(p.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    }
    await new Promise((r) => setTimeout(r, 300));
    await executeServerCommand('screenshot', { selector: '#plain-html', name: 'plain-html' });
    frame.remove();
  });
});
