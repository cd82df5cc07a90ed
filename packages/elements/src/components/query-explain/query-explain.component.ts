import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { checkPromQL, isPromkitError, type PrometheusClient, type QueryResult } from '@promkit/core';
import { explainNodes, explainPromQL, type ExplainKind, type ExplainNode } from '@promkit/core/edit';
import { PromElement } from '../../internal/prom-element.js';
import { themeTokens } from '../../theme/theme.js';
import { formControlStyles } from '../../theme/form-controls.js';
import { spinnerStyles } from '../../theme/spinner.js';
import { queryExplainStyles } from './query-explain.styles.js';

/** Label sets shown per node. */
export const EXPLAIN_SAMPLE_SIZE = 3;
/** Parts evaluated at once. */
const CONCURRENCY = 4;

/** What one part of the query answered. */
export type PartOutcome =
  | { state: 'pending' }
  | { state: 'series'; count: number; matrix: boolean; samples: Record<string, string>[]; ms: number }
  | { state: 'value'; type: 'scalar' | 'string'; value: string; ms: number }
  | { state: 'error'; name: string; message: string; ms: number };

/** An instant query's answer as a part outcome: how many series, a few of their label sets. */
export function outcomeOf(result: QueryResult, ms: number): PartOutcome {
  if (result.resultType === 'scalar' || result.resultType === 'string') return { state: 'value', type: result.resultType, value: result.result[1], ms };
  const samples = result.result.slice(0, EXPLAIN_SAMPLE_SIZE).map((s) => s.metric);
  return { state: 'series', count: result.result.length, matrix: result.resultType === 'matrix', samples, ms };
}

/** `name{a="b", c="d"}`, as Prometheus writes a series. */
export function seriesText(labels: Record<string, string>): string {
  const { __name__: name = '', ...rest } = labels;
  const pairs = Object.entries(rest).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return pairs.length === 0 && name ? name : `${name}{${pairs.join(', ')}}`;
}

const KIND_BADGE: Record<ExplainKind, string> = {
  selector: 'series',
  'range-selector': 'range',
  function: 'function',
  aggregation: 'aggregate',
  binary: 'operator',
  subquery: 'subquery',
  number: 'number',
  string: 'string',
  paren: '( )',
};

interface Run {
  abort: AbortController;
  done: Promise<void>;
  /** Evaluation time, Unix seconds. */
  time: number;
  started: number;
  finished: number | undefined;
}

/**
 * Explains a PromQL query as the tree of its parts (aggregations, functions, operators,
 * selectors), runs each part as an instant query at the same time, and shows per part how many
 * series it returns (or its scalar, or its error), a few of their label sets and how long it
 * took — so a reader sees where a query loses its series: a part that finds nothing while its
 * inputs have series is marked "series lost here", a selector that matches nothing "no series
 * match". Changing `query`, `client` or `time` aborts what is still running and starts again.
 * Keyboard: the tree is one tab stop; ↑ ↓ move, → opens or goes to the first child, ← closes or
 * goes to the parent, Home and End.
 *
 * @tagname prom-query-explain
 * @summary A query's sub-expressions as a tree, each evaluated, to see where series are lost.
 * @csspart base - The whole explainer.
 * @csspart tree - The tree of parts.
 * @csspart node - One part's row.
 * @cssprop --prom-font-family - Font of text.
 * @cssprop --prom-font-size - Base font size (default 12px).
 * @cssprop --prom-color-text - Text colour.
 * @cssprop --prom-color-text-muted - Times, label sets and notes.
 * @cssprop --prom-color-background - Background.
 * @cssprop --prom-color-surface - Badges and the focused row.
 * @cssprop --prom-color-border - Borders and tree connectors.
 * @cssprop --prom-color-focus - Focus ring.
 * @cssprop --prom-color-red - Errors and the part where series are lost.
 * @cssprop --prom-color-yellow - Parts that return no series because their inputs have none.
 * @cssprop --prom-color-green - Series counts.
 * @cssprop --prom-color-blue - Selector badges.
 * @cssprop --prom-color-purple - Function and aggregation badges.
 * @cssprop --prom-color-orange - Operator badges.
 */
export class PromQueryExplain extends PromElement {
  static override styles = [themeTokens, formControlStyles, spinnerStyles, queryExplainStyles];

  /** @internal Lit's reactive property table. */
  static override properties = {
    query: { type: String },
    client: { attribute: false },
    time: { attribute: false },
    theme: { type: String, reflect: true },
    _outcomes: { state: true },
    _focus: { state: true },
    _collapsed: { state: true },
    _run: { state: true },
  };

  /** The query to explain, as sent to Prometheus (variables already replaced). */
  declare query: string;
  /** The server each part is evaluated on; without one the tree is shown unevaluated. */
  declare client: PrometheusClient | undefined;
  /** Evaluation time: a Date or Unix seconds; default now (taken once per run, for every part). */
  declare time: Date | number | undefined;
  /** light, dark or auto (follow the system). */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** @internal Outcome per node index (pre-order). */
  declare _outcomes: ReadonlyMap<number, PartOutcome>;
  /** @internal Index of the tree's tab stop. */
  declare _focus: number;
  /** @internal Indexes of closed nodes. */
  declare _collapsed: ReadonlySet<number>;
  /** @internal The current run. */
  declare _run: Run | undefined;

  #tree: ExplainNode | undefined;
  #nodes: ExplainNode[] = [];
  #moveFocus = false;

  constructor() {
    super();
    this.query = '';
    this._outcomes = new Map();
    this._focus = 0;
    this._collapsed = new Set();
  }

  /** The parts of the current query, parents before children (empty when it does not parse). */
  get parts(): readonly ExplainNode[] {
    return this.#nodes;
  }

  /** Resolves when every part of the current run has answered (at once when nothing runs). */
  get evaluation(): Promise<void> {
    return this._run?.done ?? Promise.resolve();
  }

  /** Evaluates every part again (at `time`, or now). */
  rerun(): void {
    this.#start();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: run again what the disconnect aborted before it finished.
    if (this.hasUpdated && this._run?.abort.signal.aborted && this._run.finished === undefined) this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._run?.abort.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) {
      this.#tree = explainPromQL(this.query ?? '');
      this.#nodes = this.#tree ? explainNodes(this.#tree) : [];
      this._focus = 0;
      this._collapsed = new Set();
    }
    if (changed.has('query') || changed.has('client') || changed.has('time')) this.#start();
  }

  protected override updated(): void {
    if (!this.#moveFocus) return;
    this.#moveFocus = false;
    this.renderRoot.querySelector<HTMLElement>(`#n-${this._focus}`)?.focus();
  }

  #start(): void {
    this._run?.abort.abort();
    const client = this.client;
    if (!client || this.#nodes.length === 0) {
      this._run = undefined;
      this._outcomes = new Map();
      return;
    }
    const time = this.time instanceof Date ? this.time.getTime() / 1000 : (this.time ?? Date.now() / 1000);
    const abort = new AbortController();
    const nodes = this.#nodes;
    const outcomes = new Map<number, PartOutcome>();
    nodes.forEach((n, i) => n.evaluable && outcomes.set(i, { state: 'pending' }));
    this._outcomes = outcomes;
    const run: Run = { abort, time, started: performance.now(), finished: undefined, done: Promise.resolve() };
    // One request per distinct text: `x / x` asks once.
    const byText = new Map<string, Promise<PartOutcome>>();
    const ask = (text: string) => {
      let answer = byText.get(text);
      if (!answer) {
        answer = evaluate(client, text, time, abort.signal);
        byText.set(text, answer);
      }
      return answer;
    };
    const queue = [...outcomes.keys()];
    const worker = async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const outcome = await ask(nodes[i]!.text);
        if (abort.signal.aborted) return;
        this._outcomes = new Map(this._outcomes).set(i, outcome);
      }
    };
    run.done = Promise.all(Array.from({ length: CONCURRENCY }, worker)).then(() => {
      if (!abort.signal.aborted && this._run === run) this._run = { ...run, finished: performance.now() };
    });
    this._run = run;
  }

  /** A node finds nothing while an input it reads has series (or, a leaf, matches nothing). */
  #origin(index: number): boolean {
    const outcome = this._outcomes.get(index);
    if (outcome?.state !== 'series' || outcome.count > 0) return false;
    const inputs = evaluableInputs(this.#nodes[index]!);
    if (inputs.length === 0) return true;
    return inputs.some((n) => {
      const o = this._outcomes.get(this.#nodes.indexOf(n));
      return o?.state === 'series' && o.count > 0;
    });
  }

  #visible(): number[] {
    const out: number[] = [];
    const walk = (node: ExplainNode) => {
      const i = this.#nodes.indexOf(node);
      out.push(i);
      if (!this._collapsed.has(i)) node.children.forEach(walk);
    };
    if (this.#tree) walk(this.#tree);
    return out;
  }

  #keydown(e: KeyboardEvent): void {
    const visible = this.#visible();
    const at = Math.max(0, visible.indexOf(this._focus));
    const node = this.#nodes[this._focus];
    if (!node) return;
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = visible[Math.min(visible.length - 1, at + 1)];
        break;
      case 'ArrowUp':
        next = visible[Math.max(0, at - 1)];
        break;
      case 'Home':
        next = visible[0];
        break;
      case 'End':
        next = visible.at(-1);
        break;
      case 'ArrowRight':
        if (node.children.length === 0) return;
        if (this._collapsed.has(this._focus)) this.#toggle(this._focus);
        else next = this.#nodes.indexOf(node.children[0]!);
        break;
      case 'ArrowLeft':
        if (node.children.length > 0 && !this._collapsed.has(this._focus)) this.#toggle(this._focus);
        else next = this.#nodes.findIndex((p) => p.children.includes(node));
        break;
      default:
        return;
    }
    e.preventDefault();
    if (next !== undefined && next >= 0) {
      this._focus = next;
      this.#moveFocus = true;
    }
  }

  #toggle(index: number): void {
    const collapsed = new Set(this._collapsed);
    if (!collapsed.delete(index)) collapsed.add(index);
    this._collapsed = collapsed;
  }

  override render(): TemplateResult {
    return html`<section part="base" class="explain" aria-labelledby="title">
      <header class="head">
        <h3 id="title" class="title">Query parts</h3>
        <span class="status" role="status" aria-live="polite">${this.#statusText()}</span>
        ${this.client && this.#tree
          ? html`<button type="button" class="rerun" @click=${() => this.rerun()} ?disabled=${this._run !== undefined && this._run.finished === undefined}>Run again</button>`
          : nothing}
      </header>
      ${this.#body()}
    </section>`;
  }

  #statusText(): string {
    const run = this._run;
    if (!this.#tree || !this.client) return '';
    const total = this._outcomes.size;
    if (!run || run.finished === undefined) return total ? `Evaluating ${total} ${total === 1 ? 'part' : 'parts'}…` : '';
    const at = new Date(run.time * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
    const origins = this.#nodes.map((_, i) => i).filter((i) => this.#origin(i));
    const errors = [...this._outcomes.values()].filter((o) => o.state === 'error').length;
    const parts = [`${total} ${total === 1 ? 'part' : 'parts'} at ${at}`];
    if (errors) parts.push(`${errors} failed`);
    if (origins.length) parts.push(`no series from ${origins.map((i) => this.#nodes[i]!.label).join(', ')}`);
    return parts.join(' · ');
  }

  #body(): TemplateResult {
    const query = this.query ?? '';
    if (query.trim() === '') return html`<p class="state">Type a query to see its parts.</p>`;
    if (!this.#tree) {
      const problem = checkPromQL(query);
      return html`<p class="state error" role="alert">
        <strong>The query does not parse</strong>${problem ? html`: ${problem.message} at line ${problem.line}, column ${problem.column}` : nothing}. Fix it to see its parts.
      </p>`;
    }
    return html`${this.client ? nothing : html`<p class="notice">Set the <code>client</code> property to evaluate each part.</p>`}
      <ul part="tree" class="tree" role="tree" aria-labelledby="title" @keydown=${(e: KeyboardEvent) => this.#keydown(e)}>
        ${this.#item(this.#tree)}
      </ul>`;
  }

  #item(node: ExplainNode): TemplateResult {
    const i = this.#nodes.indexOf(node);
    const outcome = this._outcomes.get(i);
    const origin = this.#origin(i);
    const empty = outcome?.state === 'series' && outcome.count === 0;
    const parent = node.children.length > 0;
    const open = !this._collapsed.has(i);
    const classes = ['node', origin ? 'origin' : empty ? 'empty' : '', outcome?.state === 'error' ? 'failed' : ''].filter(Boolean).join(' ');
    return html`<li
      id=${`n-${i}`}
      role="treeitem"
      class=${classes}
      tabindex=${i === this._focus ? '0' : '-1'}
      aria-labelledby=${`n-${i}-label n-${i}-result`}
      aria-expanded=${parent ? String(open) : nothing}
      @focus=${(e: FocusEvent) => {
        if (e.target === e.currentTarget) this._focus = i;
      }}
    >
      <div class="row" part="node">
        ${parent
          ? html`<span
              class="toggle"
              aria-hidden="true"
              @click=${() => {
                this._focus = i;
                this.#toggle(i);
              }}
              ><svg width="10" height="10" viewBox="0 0 10 10"><path d="M3 2l4 3-4 3" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"></path></svg
            ></span>`
          : html`<span class="toggle leaf" aria-hidden="true"></span>`}
        <span class=${`kind ${node.kind}`}>${KIND_BADGE[node.kind]}</span>
        <code class="label" id=${`n-${i}-label`} title=${node.text}>${node.label}</code>
        <span class="result" id=${`n-${i}-result`}>${this.#result(node, outcome, origin)}</span>
      </div>
      ${outcome?.state === 'series' && outcome.count > 0
        ? html`<ul class="samples" aria-label="Some of its series">
            ${outcome.samples.map((s) => html`<li>${seriesText(s)}</li>`)}
            ${outcome.count > outcome.samples.length ? html`<li class="more">and ${outcome.count - outcome.samples.length} more</li>` : nothing}
          </ul>`
        : outcome?.state === 'error'
          ? html`<p class="error-text">${outcome.name}: ${outcome.message}</p>`
          : nothing}
      ${parent && open ? html`<ul role="group" class="group">${node.children.map((c) => this.#item(c))}</ul>` : nothing}
    </li>`;
  }

  #result(node: ExplainNode, outcome: PartOutcome | undefined, origin: boolean): TemplateResult | string {
    if (!node.evaluable) return html`<span class="muted">${node.kind === 'paren' ? 'same as its inside' : 'literal'}</span>`;
    if (!outcome) return '';
    if (outcome.state === 'pending') return html`<span class="spinner" aria-hidden="true"></span> <span class="muted">running…</span>`;
    const ms = html`<span class="ms">${formatMs(outcome.ms)}</span>`;
    if (outcome.state === 'error') return html`<span class="count bad">failed</span> ${ms}`;
    if (outcome.state === 'value') return html`<span class="count">${outcome.type} ${outcome.value}</span> ${ms}`;
    const what = `${outcome.count} series${outcome.matrix ? ' (range)' : ''}`;
    const note = origin ? (evaluableInputs(node).length === 0 ? 'no series match' : 'series lost here') : outcome.count === 0 ? 'inputs are empty' : '';
    return html`<span class=${`count${outcome.count === 0 ? ' zero' : ''}`}>${what}</span> ${note ? html`<span class="note">${note}</span> ` : nothing}${ms}`;
  }
}

/** The evaluable nodes a node reads directly (through parentheses and literals). */
function evaluableInputs(node: ExplainNode): ExplainNode[] {
  return node.children.flatMap((c) => (c.evaluable ? [c] : c.kind === 'paren' ? evaluableInputs(c) : []));
}

async function evaluate(client: PrometheusClient, query: string, time: number, signal: AbortSignal): Promise<PartOutcome> {
  const started = performance.now();
  try {
    const result = await client.query({ query, time }, { signal });
    return outcomeOf(result, performance.now() - started);
  } catch (error) {
    const ms = performance.now() - started;
    if (isPromkitError(error)) return { state: 'error', name: error.name, message: error.message, ms };
    return { state: 'error', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error), ms };
  }
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
