/**
 * The package's entry points register what they say and nothing more: the root entry only
 * exports classes, each element's subpath registers that element (the dashboard's, the elements
 * it renders too). Runs against the built `dist/`, as npm users get it.
 */
import { expect } from 'chai';

const TAGS = ['prom-panel', 'prom-dashboard', 'prom-time-range', 'prom-refresh-picker', 'prom-variable'];
const defined = () => TAGS.filter((tag) => customElements.get(tag) !== undefined);

describe('entry points', () => {
  it('the root entry registers no element; each subpath registers its own', async () => {
    const root = await import('@promkit/elements');
    expect(typeof root.PromPanel).to.equal('function');
    expect(typeof root.PromDashboard).to.equal('function');
    expect(defined()).to.deep.equal([]);

    const panel = await import('@promkit/elements/panel.js');
    expect(panel.PromPanel).to.equal(root.PromPanel);
    expect(defined()).to.deep.equal(['prom-panel']);

    await import('@promkit/elements/time-range.js');
    expect(defined()).to.deep.equal(['prom-panel', 'prom-time-range']);

    const dashboard = await import('@promkit/elements/dashboard.js');
    expect(customElements.get('prom-dashboard')).to.equal(dashboard.PromDashboard);
    expect(defined()).to.deep.equal(TAGS);
  });
});
