/** Small pieces the query tests share: one frame, an instant answer's frames, frames as plain arrays, a dashboard's targets. */
import { expect } from 'vitest';
import { parseDashboard, toFrames, type Frame, type QueryResult, type Target } from '@promkit/core';

/** The only frame of an answer (fails the test when there are more or none). */
export function single(frames: Frame[]): Frame {
  expect(frames).toHaveLength(1);
  return frames[0]!;
}

/** Frames of an instant answer, which must be a vector. */
export function vectorFrames(result: QueryResult): Frame[] {
  expect(result.resultType).toBe('vector');
  return toFrames(result);
}

/** Frames with plain arrays, so a failing comparison prints readable numbers. */
export function plain(frames: Frame[]) {
  return frames.map((f) => ({ labels: f.labels, timestamps: [...f.timestamps], values: [...f.values] }));
}

/** Targets as a dashboard would give them (defaults filled in by the schema). */
export function targets(...list: { refId: string; expr: string; instant?: boolean; hide?: boolean; minInterval?: string; intervalFactor?: number; exemplar?: boolean }[]): Target[] {
  const d = parseDashboard({
    schemaVersion: 1,
    title: 't',
    panels: [{ id: 1, type: 'timeseries', gridPos: { x: 0, y: 0, w: 1, h: 1 }, targets: list }],
  });
  const panel = d.panels[0]!;
  return panel.type === 'row' ? [] : panel.targets;
}
