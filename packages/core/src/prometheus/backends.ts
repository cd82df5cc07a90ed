/**
 * Prometheus-compatible backends differ in where the API lives, how tenants are named, which
 * extra query parameters they read and how many points they allow. A preset captures that, so
 * users who move from one Prometheus to Thanos, Mimir/Cortex or VictoriaMetrics change one option.
 */
import { InvalidArgumentError } from './errors.js';
import type { FormFields } from './endpoints.js';

/** Backend families the client knows. */
export const BackendKind = {
  Prometheus: 'prometheus',
  Thanos: 'thanos',
  Mimir: 'mimir',
  Cortex: 'cortex',
  VictoriaMetrics: 'victoriametrics',
} as const;
export type BackendKind = (typeof BackendKind)[keyof typeof BackendKind];

/** What the client needs to know about a backend. */
export interface BackendPreset {
  kind: BackendKind;
  /** Path between the base URL and `/api/v1` (e.g. `/prometheus` for Mimir). */
  apiPrefix: string;
  /** Readiness endpoint, relative to the base URL. */
  readyPath: string;
  /** Headers sent with every request (e.g. the tenant). */
  headers: Record<string, string>;
  /** Extra fields sent with query, range query, series, labels, label values and exemplars. */
  queryFields: FormFields;
  /** Points per series the backend accepts in a range query. */
  maxPointsPerSeries: number;
  /**
   * Seconds of an earlier answer a refresh reads again, for samples that arrive late. Undefined:
   * two scrape intervals, enough for a Prometheus storing what it scrapes. Backends fed by
   * remote write accept samples minutes late, so they read 10 minutes again.
   */
  refreshOverlap?: number;
  /**
   * Seconds before the server's now that a range query answers provisionally, so a refresh always
   * reads them again: VictoriaMetrics repeats there the value from `-search.latencyOffset` ago
   * (at steps up to its `-search.maxStepForPointsAdjustment`, 1 m).
   */
  provisionalSeconds?: number;
  /**
   * `metricsql`: the server reads a superset of PromQL (`rate(x)` without a window, `WITH`, …), so
   * queries are left to its parser instead of being refused by PromQL's grammar before sending.
   */
  queryLanguage?: 'metricsql';
}

/** Remote-write backends take samples this late (seconds): refreshes read that much again. */
const REMOTE_WRITE_OVERLAP = 600;

const PROMETHEUS_MAX_POINTS = 11_000;

/** Plain Prometheus (the default). */
export function prometheus(): BackendPreset {
  return {
    kind: BackendKind.Prometheus,
    apiPrefix: '',
    readyPath: '/-/ready',
    headers: {},
    queryFields: [],
    maxPointsPerSeries: PROMETHEUS_MAX_POINTS,
  };
}

export interface ThanosOptions {
  /** Merge series from replicas (`dedup`). Thanos' default is true. */
  dedup?: boolean;
  /** Answer with what is available when some stores fail (`partial_response`); failures become warnings. */
  partialResponse?: boolean;
  /** Labels that tell replicas apart, overriding the querier's `--query.replica-label`. */
  replicaLabels?: string[];
  /** Coarsest downsampling resolution to use, e.g. "5m" or "1h" (`max_source_resolution`). */
  maxSourceResolution?: string;
}

/** Thanos Query (or Query Frontend). */
export function thanos(options: ThanosOptions = {}): BackendPreset {
  const queryFields: FormFields = [];
  if (options.dedup !== undefined) queryFields.push(['dedup', String(options.dedup)]);
  if (options.partialResponse !== undefined) queryFields.push(['partial_response', String(options.partialResponse)]);
  for (const label of options.replicaLabels ?? []) queryFields.push(['replicaLabels[]', label]);
  if (options.maxSourceResolution !== undefined) queryFields.push(['max_source_resolution', options.maxSourceResolution]);
  return { ...prometheus(), kind: BackendKind.Thanos, queryFields, refreshOverlap: REMOTE_WRITE_OVERLAP };
}

export interface MimirOptions {
  /** Tenant id(s) sent as `X-Scope-OrgID`; several are joined with `|` for cross-tenant queries. */
  tenant?: string | string[];
  /** Where the Prometheus API is mounted; `/prometheus` unless the server sets another prefix. */
  apiPrefix?: string;
}

/** The header multi-tenant backends (Mimir, Cortex, Loki-style proxies) read the tenant from. */
export const TENANT_HEADER = 'X-Scope-OrgID';

/** The tenant header for one tenant, or several joined with `|` (a cross-tenant query); none for none. */
export function tenantHeaders(tenant: string | readonly string[] | undefined): Record<string, string> {
  if (tenant === undefined) return {};
  return { [TENANT_HEADER]: typeof tenant === 'string' ? tenant : tenant.join('|') };
}

/** Grafana Mimir. */
export function mimir(options: MimirOptions = {}): BackendPreset {
  return {
    ...prometheus(),
    kind: BackendKind.Mimir,
    apiPrefix: options.apiPrefix ?? '/prometheus',
    readyPath: '/ready',
    headers: tenantHeaders(options.tenant),
    refreshOverlap: REMOTE_WRITE_OVERLAP,
  };
}

/** Cortex: Mimir's ancestor, same tenant header and API prefix. */
export function cortex(options: MimirOptions = {}): BackendPreset {
  return { ...mimir(options), kind: BackendKind.Cortex };
}

export interface VictoriaMetricsOptions {
  /** Cluster version: `accountID` or `accountID:projectID`; the API is then under `/select/<tenant>/prometheus`. */
  tenant?: string;
  /** Bypass VictoriaMetrics' response cache (`nocache=1`). */
  nocache?: boolean;
  /** Points per series the server allows (`-search.maxPointsPerTimeseries`, 30,000 by default). */
  maxPointsPerSeries?: number;
  /** The server's `-search.latencyOffset` in seconds (30 by default): how far back from now its answers are provisional. */
  latencyOffset?: number;
}

/** VictoriaMetrics, single-node or cluster (`vmselect`). */
export function victoriaMetrics(options: VictoriaMetricsOptions = {}): BackendPreset {
  if (options.tenant !== undefined && !/^\d+(:\d+)?$/.test(options.tenant)) {
    throw new InvalidArgumentError(
      `VictoriaMetrics tenant ${JSON.stringify(options.tenant)} must be "accountID" or "accountID:projectID" (numbers).`,
    );
  }
  return {
    kind: BackendKind.VictoriaMetrics,
    apiPrefix: options.tenant === undefined ? '' : `/select/${options.tenant}/prometheus`,
    readyPath: '/health',
    headers: {},
    queryFields: options.nocache ? [['nocache', '1']] : [],
    maxPointsPerSeries: options.maxPointsPerSeries ?? 30_000,
    refreshOverlap: REMOTE_WRITE_OVERLAP,
    provisionalSeconds: options.latencyOffset ?? 30,
    queryLanguage: 'metricsql',
  };
}
