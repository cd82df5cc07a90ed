/**
 * What the builder's render blocks get from `<prom-query-builder>`: its state, read live (a
 * handler reads it when it runs, not as it was rendered), and the edits it applies.
 */
import type { PrometheusClient } from '@promkit/core';
import type { VisualQuery } from '@promkit/core/edit';
import type { Draft } from '../../../internal/field-drafts.js';
import type { MetricInfo } from '../../metrics-explorer/metric-search.js';

/** The lists of a query whose rows carry a stable id: label filters, operations, binary queries. */
export type RowList = 'labels' | 'operations' | 'binaryQueries';

/** The server's metrics for the metric box. */
export type MetricsState = { state: 'idle' | 'loading' } | { state: 'ready'; metrics: MetricInfo[] } | { state: 'error'; message: string };

export interface BuilderContext {
  /** The query with every accepted edit: the state. */
  readonly query: VisualQuery;
  /** The server that offers names and values, if any. */
  readonly client: PrometheusClient | undefined;
  /** The builder's theme, for the elements inside it. */
  readonly theme: 'light' | 'dark' | 'auto' | undefined;
  /** The stable ids of the rows of `list` (they key the rows' fields). */
  ids(list: RowList): readonly number[];
  /** Replaces the ids of the rows of `list`. */
  setIds(list: RowList, ids: readonly number[]): void;
  /** A new row id. */
  newId(): number;
  /** The refused text of field `key`, if any. */
  draft(key: string): Draft | undefined;
  /** Forgets the refused text of every field whose key starts with `prefix`. */
  dropDrafts(prefix: string): void;
  /** Label names (`labels:<metric>`) or values (`values:<metric>:<label>`) the server offers. */
  suggestions(key: string): readonly string[];
  /** Makes `next` the query and fires it. */
  commit(next: VisualQuery): void;
  /** A field edit: refused with the problem `check` names (kept in the field), else the query `apply` gives is committed. */
  field(key: string, text: string, check: (text: string) => string | undefined, apply: (text: string) => VisualQuery): void;
  /** Focuses the element with this id after the next update. */
  focusAfter(id: string): void;
}

/** The metric box and the metrics explorer dialog. */
export interface MetricContext extends BuilderContext {
  /** The server's metrics. */
  readonly metrics: MetricsState;
  /** What is typed in the metric box and not yet chosen. */
  metricText: string | undefined;
  /** Whether the metric box's list is open. */
  metricOpen: boolean;
  /** The highlighted option of the metric box's list. */
  metricActive: number;
  /** Whether the metrics explorer dialog is open. */
  browsing: boolean;
  /** Closes the metrics explorer dialog. */
  closeBrowse(): void;
}

/** The starter patterns. */
export interface PatternsContext extends BuilderContext {
  /** Whether the patterns are shown. */
  patterns: boolean;
  /** Makes a pattern's query the query (keeping the filters chosen when it has none). */
  applyPattern(built: VisualQuery): void;
}
