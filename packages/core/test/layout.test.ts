import { describe, expect, it } from 'vitest';
import { layoutDashboard, parseDashboard, type DashboardInput, type VariableValues } from '@promkit/core';
import { repeatGridPos, repeatScopes } from '../src/dashboard/layout.js';

const stat = (id: number, gridPos: { x: number; y: number; w: number; h: number }, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'stat' as const,
  title: `Panel ${id}`,
  gridPos,
  targets: [{ refId: 'A', expr: 'up' }],
  ...extra,
});

function layout(panels: NonNullable<DashboardInput['panels']>, values: VariableValues = {}) {
  return layoutDashboard(parseDashboard({ schemaVersion: 1, title: 'T', panels, variables: [{ type: 'custom', name: 'room', query: 'lab,office,hall', multi: true }] }), values);
}

const rooms: VariableValues = { room: { value: ['lab', 'office', 'hall'], text: ['Lab', 'Office', 'Hall'] } };

describe('layoutDashboard: rows', () => {
  it('panels above the first row form the top section; panels after a row belong to it', () => {
    const sections = layout([
      stat(1, { x: 0, y: 0, w: 12, h: 4 }),
      { id: 10, type: 'row', title: 'Details', gridPos: { x: 0, y: 4, w: 24, h: 1 } },
      stat(2, { x: 0, y: 5, w: 24, h: 6 }),
      stat(3, { x: 0, y: 11, w: 12, h: 3 }),
    ]);
    expect(sections.map((s) => [s.key, s.row?.title, s.panels.map((p) => p.spec.id)])).toEqual([
      ['top', undefined, [1]],
      ['row-10-0', 'Details', [2, 3]],
    ]);
    // Grid positions inside a section count from its first panel.
    expect(sections[1]!.panels.map((p) => p.cell)).toEqual([
      { x: 0, y: 0, w: 24, h: 6 },
      { x: 0, y: 6, w: 12, h: 3 },
    ]);
    expect(sections[1]!.panels[0]!.spec.gridPos).toEqual({ x: 0, y: 5, w: 24, h: 6 });
  });

  it('an empty top section is left out; an empty row is kept', () => {
    const sections = layout([{ id: 10, type: 'row', title: 'Empty', gridPos: { x: 0, y: 0, w: 24, h: 1 } }]);
    expect(sections.map((s) => [s.key, s.panels.length])).toEqual([['row-10-0', 0]]);
  });

  it('a collapsed row carries its own panels', () => {
    const sections = layout([
      { id: 10, type: 'row', title: 'Hidden', collapsed: true, gridPos: { x: 0, y: 0, w: 24, h: 1 }, panels: [stat(2, { x: 0, y: 1, w: 24, h: 8 })] },
    ]);
    expect(sections).toHaveLength(1);
    expect(sections[0]!.row).toMatchObject({ id: 10, collapsed: true });
    expect(sections[0]!.panels.map((p) => [p.spec.id, p.key, p.cell])).toEqual([[2, 'row-10-0-2-0', { x: 0, y: 0, w: 24, h: 8 }]]);
  });

  it('an expanded row that carries its panels shows them, and those that follow it, once per repeat', () => {
    const sections = layout(
      [
        {
          id: 1,
          type: 'row',
          title: 'Room $room',
          repeat: 'room',
          gridPos: { x: 0, y: 0, w: 24, h: 1 },
          panels: [stat(2, { x: 0, y: 1, w: 6, h: 4 }, { title: 'Temperature in ${room:raw}' })],
        },
        stat(3, { x: 6, y: 1, w: 6, h: 4 }, { title: 'Humidity in ${room:raw}' }),
      ],
      rooms,
    );
    expect(sections.map((s) => s.row?.title)).toEqual(['Room lab', 'Room office', 'Room hall']);
    expect(sections.map((s) => s.panels.map((p) => p.spec.title))).toEqual([
      ['Temperature in lab', 'Humidity in lab'],
      ['Temperature in office', 'Humidity in office'],
      ['Temperature in hall', 'Humidity in hall'],
    ]);
    expect(sections[1]!.panels[0]!.scoped).toEqual({ room: 'office' });
    expect(new Set(sections.flatMap((s) => s.panels.map((p) => p.key))).size).toBe(6);
  });

  it('titles show the display text of a selection that does not repeat', () => {
    const [top] = layout([stat(1, { x: 0, y: 0, w: 6, h: 4 }, { title: 'Rooms: $room' })], rooms);
    expect(top!.panels[0]!.spec.title).toBe('Rooms: Lab + Office + Hall');
  });
});

describe('layoutDashboard: repeated panels', () => {
  it('horizontal repeats share a line, each as wide as 24 / count', () => {
    const [top] = layout([stat(1, { x: 0, y: 2, w: 4, h: 5 }, { repeat: 'room', title: '$room' })], rooms);
    expect(top!.panels.map((p) => [p.spec.title, p.spec.gridPos])).toEqual([
      ['lab', { x: 0, y: 2, w: 8, h: 5 }],
      ['office', { x: 8, y: 2, w: 8, h: 5 }],
      ['hall', { x: 16, y: 2, w: 8, h: 5 }],
    ]);
    expect(top!.panels.map((p) => p.scoped)).toEqual([{ room: 'lab' }, { room: 'office' }, { room: 'hall' }]);
  });

  it('maxPerRow wraps horizontal repeats onto the lines below', () => {
    const [top] = layout([stat(1, { x: 0, y: 0, w: 4, h: 5 }, { repeat: 'room', maxPerRow: 2 })], rooms);
    expect(top!.panels.map((p) => p.spec.gridPos)).toEqual([
      { x: 0, y: 0, w: 12, h: 5 },
      { x: 12, y: 0, w: 12, h: 5 },
      { x: 0, y: 5, w: 12, h: 5 },
    ]);
  });

  it('a panel wider than 24 / maxPerRow keeps its width and wraps where it must', () => {
    const [top] = layout([stat(1, { x: 0, y: 0, w: 10, h: 3 }, { repeat: 'room', maxPerRow: 4 })], rooms);
    expect(top!.panels.map((p) => p.spec.gridPos)).toEqual([
      { x: 0, y: 0, w: 10, h: 3 },
      { x: 10, y: 0, w: 10, h: 3 },
      { x: 0, y: 3, w: 10, h: 3 },
    ]);
  });

  it('vertical repeats stack below one another at the panel own width', () => {
    const [top] = layout([stat(1, { x: 6, y: 1, w: 6, h: 4 }, { repeat: 'room', repeatDirection: 'v' })], rooms);
    expect(top!.panels.map((p) => p.spec.gridPos)).toEqual([
      { x: 6, y: 1, w: 6, h: 4 },
      { x: 6, y: 5, w: 6, h: 4 },
      { x: 6, y: 9, w: 6, h: 4 },
    ]);
    expect(top!.panels.map((p) => p.cell.y)).toEqual([0, 4, 8]);
  });

  it('a repeat variable without a value shows the panel once; with no selected values, not at all', () => {
    expect(layout([stat(1, { x: 0, y: 0, w: 6, h: 4 }, { repeat: 'room' })])[0]!.panels).toHaveLength(1);
    expect(layout([stat(1, { x: 0, y: 0, w: 6, h: 4 }, { repeat: 'room' })], { room: { value: [] } })).toEqual([]);
  });

  it('repeatScopes and repeatGridPos on their own', () => {
    expect(repeatScopes('x', { x: 'one' })).toEqual([{ x: 'one' }]);
    expect(repeatScopes(undefined, { x: 'one' })).toEqual([{}]);
    expect(repeatGridPos({ gridPos: { x: 0, y: 0, w: 1, h: 2 } }, 30, 48)).toEqual({ x: 6, y: 2, w: 1, h: 2 });
  });
});
