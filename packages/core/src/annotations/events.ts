/**
 * Annotation events: the marks (a time) and regions (a time and an end) a dashboard's annotations
 * put on its time series charts. From a Prometheus expression, every sample with a value other
 * than 0 is an event, and samples a step apart make one region, as Grafana reads them; from the
 * host, events are checked and named where they are wrong.
 */
import type { Frame } from '../prometheus/decode.js';
import type { Labels } from '../prometheus/schemas.js';
import { SchemaError, type SchemaProblem } from '../prometheus/errors.js';

/** One event as drawn: whose it is (the annotation's name and colour), when, and what it says. */
export interface AnnotationEvent {
  /** The annotation's name (what the toolbar toggles). */
  annotation: string;
  color: string;
  /** Epoch ms. */
  time: number;
  /** Epoch ms, for a region. */
  timeEnd?: number;
  title: string;
  text?: string;
  tags: string[];
}

/** An event as a host gives it: times in ms, Dates or ISO strings. */
export interface AnnotationInput {
  time: number | string | Date;
  timeEnd?: number | string | Date;
  title: string;
  text?: string;
  tags?: readonly string[];
}

/** How a Prometheus annotation turns series into events. */
export interface SeriesEventFormat {
  annotation: string;
  color: string;
  /** `{{label}}` placeholders filled from each series' labels; default the series' labels. */
  titleFormat?: string;
  textFormat?: string;
  /** Comma-separated label names whose values become tags. */
  tagKeys?: string;
}

/** Events of a Prometheus annotation: each non-zero sample, with runs a step apart joined into a region. */
export function seriesEvents(frames: readonly Frame[], stepMs: number, format: SeriesEventFormat): AnnotationEvent[] {
  const keys = (format.tagKeys ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  const events: AnnotationEvent[] = [];
  for (const frame of frames) {
    const title = format.titleFormat ? fill(format.titleFormat, frame.labels) : labelText(frame.labels);
    const text = format.textFormat ? fill(format.textFormat, frame.labels) : undefined;
    const tags = keys.map((k) => frame.labels[k]).filter((v): v is string => v !== undefined && v !== '');
    let start: number | undefined;
    let last = 0;
    const close = () => {
      if (start === undefined) return;
      events.push({ annotation: format.annotation, color: format.color, time: start, ...(last > start ? { timeEnd: last } : {}), title, ...(text ? { text } : {}), tags });
      start = undefined;
    };
    for (let i = 0; i < frame.timestamps.length; i++) {
      const t = frame.timestamps[i]!;
      const v = frame.values[i]!;
      if (v === 0 || Number.isNaN(v)) {
        close();
        continue;
      }
      if (start !== undefined && t - last > stepMs * 1.5) close();
      start ??= t;
      last = t;
    }
    close();
  }
  return events.sort((a, b) => a.time - b.time);
}

/** Host-given events, checked: a SchemaError names every one it cannot read at `path[i].field`. */
export function hostEvents(input: unknown, format: { annotation: string; color: string }, path = 'annotations'): AnnotationEvent[] {
  if (!Array.isArray(input)) throw new SchemaError(`${path} must be a list of events, got ${typeof input}.`, [{ path, message: 'must be a list of { time, timeEnd?, title, text?, tags? }' }]);
  const problems: SchemaProblem[] = [];
  const events: AnnotationEvent[] = [];
  input.forEach((raw: Partial<AnnotationInput> | null, i) => {
    const at = `${path}[${i}]`;
    const time = timeOf(raw?.time);
    const timeEnd = raw?.timeEnd === undefined || raw.timeEnd === null ? undefined : timeOf(raw.timeEnd);
    if (time === undefined) problems.push({ path: `${at}.time`, message: `must be a time (ms since the epoch, a Date or an ISO string), got ${JSON.stringify(raw?.time) ?? 'nothing'}` });
    if (raw?.timeEnd !== undefined && raw.timeEnd !== null && timeEnd === undefined) problems.push({ path: `${at}.timeEnd`, message: `must be a time, got ${JSON.stringify(raw.timeEnd)}` });
    if (typeof raw?.title !== 'string') problems.push({ path: `${at}.title`, message: `must be a string, got ${JSON.stringify(raw?.title) ?? 'nothing'}` });
    if (raw?.text !== undefined && typeof raw.text !== 'string') problems.push({ path: `${at}.text`, message: `must be a string, got ${JSON.stringify(raw.text)}` });
    if (raw?.tags !== undefined && !(Array.isArray(raw.tags) && raw.tags.every((t) => typeof t === 'string'))) problems.push({ path: `${at}.tags`, message: 'must be a list of strings' });
    if (time === undefined || typeof raw?.title !== 'string') return;
    events.push({
      annotation: format.annotation,
      color: format.color,
      time,
      ...(timeEnd !== undefined && timeEnd > time ? { timeEnd } : {}),
      title: raw.title,
      ...(typeof raw.text === 'string' && raw.text !== '' ? { text: raw.text } : {}),
      tags: Array.isArray(raw.tags) ? raw.tags.filter((t) => typeof t === 'string') : [],
    });
  });
  if (problems.length > 0) throw SchemaError.listing('The annotation events have', problems);
  return events.sort((a, b) => a.time - b.time);
}

/** The events carrying every one of `tags` (any one with `matchAny`); all of them when `tags` is empty or unset. */
export function eventsWithTags(events: readonly AnnotationEvent[], tags: readonly string[] | undefined, matchAny = false): AnnotationEvent[] {
  if (!tags?.length) return [...events];
  return events.filter((e) => (matchAny ? tags.some((t) => e.tags.includes(t)) : tags.every((t) => e.tags.includes(t))));
}

/** The events that fall in a range (a region that overlaps it counts). */
export function eventsInRange(events: readonly AnnotationEvent[], range: { from: number; to: number }): AnnotationEvent[] {
  return events.filter((e) => (e.timeEnd ?? e.time) >= range.from && e.time <= range.to);
}

function timeOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const t = Date.parse(value);
    return Number.isFinite(t) ? t : undefined;
  }
  return undefined;
}

function fill(format: string, labels: Labels): string {
  return format.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => labels[name] ?? '');
}

function labelText(labels: Labels): string {
  const { __name__: name, ...rest } = labels;
  const pairs = Object.entries(rest).map(([k, v]) => `${k}="${v}"`);
  return `${name ?? ''}${pairs.length ? `{${pairs.join(', ')}}` : ''}` || 'event';
}
