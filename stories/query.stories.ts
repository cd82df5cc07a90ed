import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { html, nothing } from 'lit';
import { toVisualQuery, type VisualQuery } from '@promkit/core/edit';
import '@promkit/elements/builder.js';
import { storyClient, type DataMode } from './support/data.js';

/**
 * The query-editing elements of the builder entry: `<prom-query-editor>`, `<prom-query-builder>`,
 * `<prom-metrics-explorer>` and `<prom-query-explain>`. They ask the demo's Prometheus (live) or
 * replay what each story received from it (recorded). Their events show in the Actions panel.
 */
const meta = {
  title: 'Builder/Query',
  decorators: [withActions],
  parameters: { actions: { handles: ['prom-query-change', 'prom-query-run', 'prom-visual-query-change', 'prom-metric-pick'] } },
} satisfies Meta;
export default meta;

/** The story's client: the demo's Prometheus live, the story's own recording otherwise. */
const clientFor = (globals: Record<string, unknown>, id: string) => storyClient((globals['data'] ?? 'recorded') as DataMode, id);
const themeOf = (globals: Record<string, unknown>) => (globals['theme'] === 'dark' ? 'dark' : 'light');

/** Polls until `find()` returns something (the elements render asynchronously), failing after 15 s. */
async function waitFor<T>(find: () => T | null | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`query story: ${what} never appeared`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A button of an element's shadow root, by its text, once it is enabled. */
function buttonOf(host: Element | null, text: string): Promise<HTMLButtonElement> {
  return waitFor(
    () => [...(host?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === text && !b.disabled),
    `the ${text} button`,
  );
}

// ---- <prom-query-editor> ---------------------------------------------------------------------

interface EditorArgs {
  value: string;
  variables: string[];
  range: string;
  scrapeInterval: number | undefined;
}

const editorStory = (args: Partial<EditorArgs>): StoryObj<EditorArgs> => ({
  render: (a, { globals, id }) => html`<prom-query-editor
    .value=${a.value}
    .variables=${a.variables}
    range=${a.range}
    scrape-interval=${a.scrapeInterval ?? nothing}
    theme=${themeOf(globals)}
    .client=${clientFor(globals, id)}
  ></prom-query-editor>`,
  argTypes: {
    value: { control: 'text', description: 'The query text, variables and all' },
    variables: { control: 'object', description: "Names of the dashboard's variables (known to lint)" },
    range: { control: 'select', options: ['now-15m', 'now-1h', 'now-6h'], description: "Test's time range" },
    scrapeInterval: { control: { type: 'number', min: 1 }, description: 'Scrape interval in seconds, for $__rate_interval in Test' },
  },
  args: { value: '', variables: [], range: 'now-1h', scrapeInterval: undefined, ...args },
});

/**
 * A real query in Prometheus' own grammar, coloured by token kind: functions, aggregations and
 * `by`, label names, quoted values, numbers and durations. Ctrl+Space suggests from the server.
 */
export const Editor = editorStory({
  value: 'histogram_quantile(0.95, sum by (le, route) (rate(demo_http_request_duration_seconds_bucket{job="demo", route!="/healthz"}[5m])))',
});

/** A mistake (`by` without its parentheses): underlined where it is, spelled out under the text. */
export const EditorLintError = editorStory({
  value: 'sum by route (rate(demo_http_requests_total{status="500"}[5m]))',
});

/**
 * Dashboard variables and built-ins are not errors: lint replaces `$job` (a variable of the
 * dashboard) and `$__rate_interval` before it checks. A `$name` that is neither would be a warning.
 */
export const EditorWithVariables = editorStory({
  value: 'sum by (route) (rate(demo_http_requests_total{job="$job", status=~"5.."}[$__rate_interval]))',
  variables: ['job'],
  scrapeInterval: 5,
});

/** Test runs the query once over the range and shows what came back: series, samples, the first label set. */
export const EditorTestRun: StoryObj<EditorArgs> = {
  ...editorStory({ value: 'sum by (status) (rate(demo_http_requests_total{route="/api/orders"}[5m]))' }),
  play: async ({ canvasElement }) => (await buttonOf(canvasElement.querySelector('prom-query-editor'), 'Test')).click(),
};

// ---- <prom-query-builder> --------------------------------------------------------------------

interface BuilderArgs {
  /** The query to start from, as PromQL (read into the builder's visual query). */
  expr: string;
}

/** The visual query of `expr` (an empty one for ''); a query the builder cannot show is an error. */
function visualOf(expr: string): VisualQuery | undefined {
  if (expr.trim() === '') return undefined;
  const read = toVisualQuery(expr);
  if (!read.ok) throw new Error(`the builder cannot show ${expr}: ${read.reason}`);
  return read.query;
}

const builderStory = (expr: string): StoryObj<BuilderArgs> => ({
  render: (a, { globals, id }) => html`<prom-query-builder .query=${visualOf(a.expr)} theme=${themeOf(globals)} .client=${clientFor(globals, id)}></prom-query-builder>`,
  argTypes: { expr: { control: 'text', description: 'PromQL to start from (read into the visual query)' } },
  args: { expr },
});

/** Opens the builder's "Start from a pattern" list. */
const openPatterns = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const builder = canvasElement.querySelector('prom-query-builder');
  (await waitFor(() => builder?.shadowRoot?.querySelector<HTMLButtonElement>('#patterns-toggle'), 'the patterns toggle')).click();
};

/**
 * The percentage of 5xx responses per route: the metric with two label filters, rate, sum by route
 * and times 100, divided by a second query with its own filter and operations. The PromQL preview
 * is read-only.
 */
export const Builder = builderStory(
  'sum by (route) (rate(demo_http_requests_total{status=~"5..", route!="/healthz"}[5m])) * 100 / sum by (route) (rate(demo_http_requests_total{route!="/healthz"}[5m]))',
);

/** Nothing chosen yet, the starter patterns open: they wait for a metric. */
export const BuilderEmpty: StoryObj<BuilderArgs> = { ...builderStory(''), play: openPatterns };

/** A histogram chosen, no operations yet: the starter patterns are ready to apply to it. */
export const BuilderPatterns: StoryObj<BuilderArgs> = { ...builderStory('demo_http_request_duration_seconds_bucket'), play: openPatterns };

// ---- <prom-metrics-explorer> -----------------------------------------------------------------

const explorerStory = (filter: string): StoryObj<{ filter: string }> => ({
  render: (a, { globals, id }) => html`<prom-metrics-explorer .filter=${a.filter} theme=${themeOf(globals)} .client=${clientFor(globals, id)}></prom-metrics-explorer>`,
  argTypes: { filter: { control: 'text', description: 'Words that must appear in the name or the help' } },
  args: { filter },
});

/** Every metric of the demo's Prometheus with its type and help text; ↑ ↓ and Enter pick one. */
export const MetricsExplorer = explorerStory('');

/** Filtered as you type: every word must appear in the name or the help, the matches are marked. */
export const MetricsExplorerFiltered = explorerStory('http seconds');

// ---- <prom-query-explain> --------------------------------------------------------------------

const explainStory = (query: string): StoryObj<{ query: string }> => ({
  render: (a, { globals, id }) => html`<prom-query-explain .query=${a.query} theme=${themeOf(globals)} .client=${clientFor(globals, id)}></prom-query-explain>`,
  argTypes: { query: { control: 'text', description: 'The query to explain, as sent to Prometheus' } },
  args: { query },
});

/** Each part of a 95th percentile, evaluated alone: how many series it returns, a few of their label sets, how long it took. */
export const Explain = explainStory('histogram_quantile(0.95, sum by (le, route) (rate(demo_http_request_duration_seconds_bucket{route!="/healthz"}[5m])))');

/**
 * The 500s per route, kept where above 5 per second: the selector with its filter and the sum by
 * route have series, the comparison keeps none, and is marked as where the series are lost.
 */
export const ExplainSeriesLost = explainStory('sum by (route) (rate(demo_http_requests_total{status="500"}[5m])) > 5');
