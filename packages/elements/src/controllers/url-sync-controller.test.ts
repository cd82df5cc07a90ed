/** The URL sync controller on its own: what it reads, what it writes and leaves alone, and when. */
import { expect } from 'chai';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Variable } from '@promkit/core';
import { UrlSyncController, type UrlState } from './url-sync-controller.js';

function host(): ReactiveControllerHost & { controllers: ReactiveController[]; updates: number } {
  return {
    controllers: [],
    updates: 0,
    addController(c) {
      this.controllers.push(c);
    },
    removeController() {},
    requestUpdate() {
      this.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
}

const variables = [
  { type: 'custom', name: 'room', query: 'a,b', multi: true },
  { type: 'custom', name: 'job', query: 'x,y' },
  { type: 'custom', name: 'env', query: 'p,q' },
] as unknown as Variable[];

afterEach(() => history.replaceState(null, '', location.pathname));

describe('UrlSyncController', () => {
  it('reads its own prefixed parameters: one value of a single-value variable, a list for a multi-value one', () => {
    history.replaceState(null, '', `${location.pathname}?main.from=now-1h&main.refresh=&main.var-room=a&main.var-job=x&var-env=p&to=now`);
    const url = new UrlSyncController(host(), { key: () => 'main', state: () => ({ from: '', to: '', refresh: '', variables: [] }) });
    expect(url.read(variables)).to.deep.equal({ from: 'now-1h', refresh: '', selections: { room: ['a'], job: 'x' } });
  });

  it('writes after the host updates, once however often asked, replacing only its own variables', () => {
    history.replaceState(null, '', `${location.pathname}?other=1&main.var-room=old&var-room=unprefixed#here`);
    const h = host();
    let state: UrlState = { from: 'now-6h', to: 'now', refresh: '30s', variables: [['room', ['a', 'b']]] };
    const url = new UrlSyncController(h, { key: () => 'main', state: () => state });
    url.requestWrite();
    url.requestWrite();
    expect(h.updates).to.equal(2);
    expect(location.search).to.contain('main.var-room=old');
    state = { ...state, from: 'now-1h' };
    const written: string[] = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (data, unused, to) => {
      written.push(String(to));
      replace(data, unused, to);
    };
    try {
      for (const c of h.controllers) c.hostUpdated?.();
      for (const c of h.controllers) c.hostUpdated?.();
    } finally {
      history.replaceState = replace;
    }
    expect(written).to.have.length(1);
    const params = new URLSearchParams(location.search);
    expect(params.getAll('main.var-room')).to.deep.equal(['a', 'b']);
    expect([params.get('main.from'), params.get('main.to'), params.get('main.refresh')]).to.deep.equal(['now-1h', 'now', '30s']);
    expect([params.get('other'), params.get('var-room'), location.hash]).to.deep.equal(['1', 'unprefixed', '#here']);
  });
});
