/** Caps on what a browser may ask through the proxy: range, points per series. */
import { parseDuration } from '@promkit/core';

export interface ProxyLimits {
  /** Longest range of a range query or series/labels lookup, in seconds. Default 31 days. */
  maxRangeSeconds?: number;
  /** Most points per series of a range query. Default 11,000 (Prometheus' own limit). */
  maxPoints?: number;
  /** Largest request body, in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /** How long the upstream may take, in ms. Default 30,000. */
  timeoutMs?: number;
}

export const DEFAULT_LIMITS: Required<ProxyLimits> = {
  maxRangeSeconds: 31 * 24 * 3600,
  maxPoints: 11_000,
  maxBodyBytes: 64 * 1024,
  timeoutMs: 30_000,
};

/** Unix seconds from a Prometheus time parameter (float seconds or RFC 3339). */
function seconds(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  const n = Number(value);
  if (Number.isFinite(n)) return n;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

/** A problem with the request's parameters against the limits, or undefined when it may pass. */
export function checkLimits(endpoint: string, params: URLSearchParams, limits: Required<ProxyLimits>): string | undefined {
  const start = seconds(params.get('start'));
  const end = seconds(params.get('end'));
  if (start !== undefined && end !== undefined && end - start > limits.maxRangeSeconds) {
    return `the range of ${Math.round(end - start)} s is longer than this proxy allows (${limits.maxRangeSeconds} s)`;
  }
  if (endpoint === 'query_range') {
    const stepText = params.get('step') ?? '';
    const step = Number.isFinite(Number(stepText)) && stepText !== '' ? Number(stepText) : parseDuration(stepText);
    if (start === undefined || end === undefined || step === undefined || step <= 0) return undefined; // Prometheus explains
    const points = Math.floor((end - start) / step) + 1;
    if (points > limits.maxPoints) {
      return `${points} points per series is more than this proxy allows (${limits.maxPoints}); use a larger step`;
    }
  }
  return undefined;
}
