// The page's source "dq" for the dashboard's host datasource "quality": panels, the dataset
// variable and the Drift annotation ask the example's REST API; new runs and drift events arrive
// through the datasource's stream (/dq/events) by themselves.
const { registerSource, rowsToFrames } = window.promkit;
const API = '/dq';

async function get(path, signal) {
  const response = await fetch(`${API}${path}`, { signal });
  if (!response.ok) throw new Error(`${API}${path} answered ${response.status}: ${(await response.json().catch(() => ({}))).error ?? response.statusText}`);
  return response.json();
}

/** The datasets the dashboard's variable selects (every one for All). */
function selected(variables) {
  const value = variables.dataset;
  return value === undefined || value === '$__all' ? undefined : new Set([].concat(value));
}

registerSource('dq', {
  async query({ targets, range, variables, signal }) {
    const keep = selected(variables);
    const runs = (await get(`/runs?from=${range.from}&to=${range.to}`, signal)).filter((r) => !keep || keep.has(r.dataset));
    return Object.fromEntries(
      targets.map((t) => [
        t.refId,
        t.expr === 'recent runs'
          ? runs
              .slice(-20)
              .reverse()
              .map((r) => ({ labels: { dataset: r.dataset, status: r.status, duration: `${(r.durationMs / 1000).toFixed(1)} s` }, timestamps: [r.at], values: [r.rows] }))
          : rowsToFrames(runs, { time: 'at', value: 'rows', labels: ['dataset'] }),
      ]),
    );
  },
  values: ({ signal }) => get('/datasets', signal),
  async annotations({ range, signal }) {
    const drift = await get(`/drift?from=${range.from}&to=${range.to}`, signal);
    return drift.map((d) => ({ time: d.at, title: `Drift in ${d.dataset}.${d.column}`, text: `${d.message} (score ${d.score})`, tags: [d.dataset] }));
  },
});

const post = (path, body) => fetch(`${API}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const datasets = ['orders', 'customers', 'payments'];
const pick = () => datasets[Math.floor(Math.random() * datasets.length)];
document.getElementById('add-run').addEventListener('click', () => post('/runs', { dataset: pick(), rows: 40000 + Math.round(Math.random() * 20000), durationMs: 800 + Math.round(Math.random() * 3000) }));
document.getElementById('add-drift').addEventListener('click', () => {
  const dataset = pick();
  post('/drift', { dataset, column: 'amount', score: 0.8, message: `The distribution of ${dataset}.amount moved.` });
});
document.querySelector('prom-dashboard').addEventListener('prom-stream-state', (e) => {
  document.getElementById('stream-state').textContent = `Stream ${e.detail.state}${e.detail.retryInMs ? `, next try in ${Math.round(e.detail.retryInMs / 1000)} s` : ''}`;
});
