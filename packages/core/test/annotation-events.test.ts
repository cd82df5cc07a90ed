/** Annotation events: from Prometheus samples (marks and regions, titles and tags from labels) and from the host (checked). */
import { describe, expect, it } from 'vitest';
import { SchemaError, eventsInRange, eventsWithTags, hostEvents, missingSource, parseDashboard, parseStreamMessage, seriesEvents, type Frame } from '@promkit/core';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const STEP = 60_000;
const frame = (labels: Record<string, string>, values: number[]): Frame => ({
  labels,
  timestamps: Float64Array.from(values, (_, i) => T0 + i * STEP),
  values: Float64Array.from(values),
});

describe('seriesEvents', () => {
  it('makes a mark of a lone non-zero sample and a region of a run of them, named from the labels', () => {
    const events = seriesEvents([frame({ __name__: 'deploy', service: 'api', version: 'v2' }, [0, 1, 0, 1, 1, 1, 0, NaN])], STEP, {
      annotation: 'Deploys',
      color: 'red',
      titleFormat: 'Deploy {{service}}',
      textFormat: 'version {{ version }}',
      tagKeys: 'service, version, missing',
    });
    expect(events).toEqual([
      { annotation: 'Deploys', color: 'red', time: T0 + STEP, title: 'Deploy api', text: 'version v2', tags: ['api', 'v2'] },
      { annotation: 'Deploys', color: 'red', time: T0 + 3 * STEP, timeEnd: T0 + 5 * STEP, title: 'Deploy api', text: 'version v2', tags: ['api', 'v2'] },
    ]);
  });

  it('breaks a run where a sample is missing, and titles by the series without a format', () => {
    const gappy: Frame = { labels: { __name__: 'up', job: 'api' }, timestamps: Float64Array.from([T0, T0 + STEP, T0 + 5 * STEP]), values: Float64Array.from([1, 1, 1]) };
    const events = seriesEvents([gappy], STEP, { annotation: 'Up', color: 'blue' });
    expect(events.map((e) => [e.time, e.timeEnd, e.title])).toEqual([
      [T0, T0 + STEP, 'up{job="api"}'],
      [T0 + 5 * STEP, undefined, 'up{job="api"}'],
    ]);
  });
});

describe('hostEvents', () => {
  it('reads times as ms, Dates or ISO strings, and sorts', () => {
    const events = hostEvents(
      [
        { time: '2026-12-01T10:05:00Z', title: 'Drift in orders.amount', tags: ['drift'] },
        { time: new Date(T0), timeEnd: T0 + STEP, title: 'Backfill', text: '<b>not html</b>' },
      ],
      { annotation: 'Quality', color: 'orange' },
    );
    expect(events).toEqual([
      { annotation: 'Quality', color: 'orange', time: T0, timeEnd: T0 + STEP, title: 'Backfill', text: '<b>not html</b>', tags: [] },
      { annotation: 'Quality', color: 'orange', time: T0 + 5 * STEP, title: 'Drift in orders.amount', tags: ['drift'] },
    ]);
  });

  it('names every event and field it cannot read', () => {
    let error: unknown;
    try {
      hostEvents([{ time: 'yesterday', title: 'x' }, { time: T0 }, { time: T0, title: 't', tags: [1] }, null], { annotation: 'Q', color: 'red' }, 'source.annotations');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).problems.map((p) => p.path)).toEqual([
      'source.annotations[0].time',
      'source.annotations[1].title',
      'source.annotations[2].tags',
      'source.annotations[3].time',
      'source.annotations[3].title',
    ]);
    expect(() => hostEvents('nope', { annotation: 'Q', color: 'red' })).toThrow(SchemaError);
  });

  it('keeps the events that overlap a range', () => {
    const events = hostEvents([{ time: T0, timeEnd: T0 + 10 * STEP, title: 'long' }, { time: T0 - STEP, title: 'before' }, { time: T0 + 20 * STEP, title: 'after' }], { annotation: 'Q', color: 'red' });
    expect(eventsInRange(events, { from: T0 + 5 * STEP, to: T0 + 15 * STEP }).map((e) => e.title)).toEqual(['long']);
  });
});

describe('eventsWithTags', () => {
  const events = hostEvents(
    [
      { time: 1, title: 'deploy api', tags: ['deploy', 'api'] },
      { time: 2, title: 'deploy web', tags: ['deploy', 'web'] },
      { time: 3, title: 'incident', tags: ['incident', 'api'] },
    ],
    { annotation: 'a', color: 'red' },
  );
  const titles = (list: { title: string }[]) => list.map((e) => e.title);
  it('keeps events with every tag, or any with matchAny; no tags keeps all', () => {
    expect(titles(eventsWithTags(events, ['deploy', 'api']))).toEqual(['deploy api']);
    expect(titles(eventsWithTags(events, ['web', 'incident'], true))).toEqual(['deploy web', 'incident']);
    expect(titles(eventsWithTags(events, []))).toHaveLength(3);
    expect(titles(eventsWithTags(events, undefined))).toHaveLength(3);
  });
  it('the format takes tags and matchAny on every kind', () => {
    const d = parseDashboard({ schemaVersion: 1, title: 't', annotations: [{ type: 'events', name: 'E', tags: ['deploy'], matchAny: true }] });
    expect(d.annotations[0]).toMatchObject({ tags: ['deploy'], matchAny: true });
  });
  it('an unregistered host source says so for annotations too, instead of answering nothing', () => {
    expect(() => missingSource('dq').annotations!({} as never)).toThrow(/No host source is registered as "dq"/);
  });
});

describe('host annotations in the format', () => {
  it('name a host datasource and the source\'s query, and stream messages may carry events', () => {
    const d = parseDashboard({
      schemaVersion: 1,
      title: 'q',
      datasources: [{ name: 'quality', type: 'host', source: 'dq', stream: '/events' }],
      annotations: [{ type: 'host', name: 'Drift', datasource: 'quality', query: 'drift' }],
    });
    expect(d.annotations[0]).toEqual({ type: 'host', name: 'Drift', datasource: 'quality', query: 'drift', enabled: true, color: 'rgba(255, 152, 48, 1)' });
    const message = parseStreamMessage(JSON.stringify({ channel: 'drift', annotations: [{ time: T0, title: 'Drift' }] }));
    expect(message).toEqual({ channel: 'drift', frames: [], annotations: [{ time: T0, title: 'Drift' }] });
  });
});
