/** Dashboard settings and links edits: each result valid, refusals name the field and what to write, inputs never change. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError, SchemaError, parseDashboard, validateDashboard, type Dashboard, type DashboardLink } from '@promkit/core';
import { NEW_LINK, addLink, moveLink, removeLink, setSettings, updateLink, type SettingsChanges } from '@promkit/core/edit';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const sample = (): Dashboard =>
  deepFreeze(
    parseDashboard({
      schemaVersion: 1,
      title: 'Service',
      description: 'Latency and errors',
      tags: ['prod'],
      datasources: [{ name: 'prom', url: 'http://localhost:9090' }],
      variables: [{ type: 'custom', name: 'env', query: 'prod,dev' }],
      panels: [{ id: 1, type: 'timeseries', title: 'Rate', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up' }] }],
      links: [
        { title: 'Runbook', url: 'https://example.com/runbook', targetBlank: true },
        { title: 'Home', url: '/' },
      ],
    }),
  );

/** The problems of the SchemaError `run` throws. */
function problemsOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaError);
    return (error as SchemaError).problems;
  }
  throw new Error('expected a SchemaError');
}

describe('setSettings', () => {
  it('changes only the keys given, keeping panels and variables the same objects', () => {
    const d = sample();
    const next = setSettings(d, { title: 'API', weekStart: 'sunday', refresh: '30s', timezone: 'Europe/Berlin' });
    expect(next).toEqual({ ...d, title: 'API', weekStart: 'sunday', refresh: '30s', timezone: 'Europe/Berlin' });
    expect(next.panels).toBe(d.panels);
    expect(next.variables).toBe(d.variables);
    expect(next.links).toBe(d.links);
  });

  it('removes the description when it is empty', () => {
    const next = setSettings(sample(), { description: '' });
    expect('description' in next).toBe(false);
    expect(setSettings(sample(), { description: 'New' }).description).toBe('New');
  });

  it('trims tags and drops empty and repeated ones, keeping the first order', () => {
    expect(setSettings(sample(), { tags: [' api ', '', 'prod', 'api', '  ', 'prod '] }).tags).toEqual(['api', 'prod']);
  });

  it('accepts relative and absolute ranges', () => {
    for (const time of [
      { from: 'now-6h', to: 'now' },
      { from: 'now/d', to: 'now/d' },
      { from: 'now-7d/d', to: 'now-1d/d' },
      { from: '2024-05-01T12:00:00Z', to: '2024-05-02T12:00:00Z' },
      { from: '2024-05-01', to: 'now' },
      { from: 1714564800000, to: 1714651200000 },
    ]) {
      expect(setSettings(sample(), { time }).time).toEqual(time);
    }
  });

  it('refuses a time that is no time, at its side, saying what to write', () => {
    const problems = problemsOf(() => setSettings(sample(), { time: { from: 'now-banana', to: 'yesterday' } }));
    expect(problems.map((p) => p.path)).toEqual(['time.from', 'time.to']);
    expect(problems[0]!.message).toContain('"now-banana" is not a time');
    expect(problems[0]!.message).toContain('now-6h');
    expect(problemsOf(() => setSettings(sample(), { time: { from: '', to: 'now' } }))).toEqual([{ path: 'time.from', message: expect.stringContaining('must not be empty') }]);
  });

  it('refuses a range that ends before it starts', () => {
    expect(problemsOf(() => setSettings(sample(), { time: { from: 'now', to: 'now-1h' } }))).toEqual([{ path: 'time.to', message: expect.stringContaining('must be after "from"') }]);
    expect(problemsOf(() => setSettings(sample(), { time: { from: '2024-05-02T00:00:00Z', to: '2024-05-01T00:00:00Z' } }))[0]!.path).toBe('time.to');
  });

  it('checks the timezone: IANA names, utc and browser; empty means browser', () => {
    expect(setSettings(sample(), { timezone: 'America/New_York' }).timezone).toBe('America/New_York');
    expect(setSettings(sample(), { timezone: 'utc' }).timezone).toBe('utc');
    expect(setSettings(setSettings(sample(), { timezone: 'utc' }), { timezone: ' ' }).timezone).toBe('browser');
    const [problem, ...rest] = problemsOf(() => setSettings(sample(), { timezone: 'Mars/Olympus' }));
    expect(rest).toEqual([]);
    expect(problem).toEqual({ path: 'timezone', message: expect.stringContaining('"Mars/Olympus" is not a timezone: use an IANA name such as "Europe/Berlin"') });
  });

  it('refuses an empty title, a bad refresh and an unknown week start, all at once', () => {
    const problems = problemsOf(() => setSettings(sample(), { title: '  ', refresh: '5x', weekStart: 'friday' as 'monday' }));
    expect(problems.map((p) => p.path).sort()).toEqual(['refresh', 'title', 'weekStart']);
    expect(problems.find((p) => p.path === 'refresh')!.message).toContain('"15s"');
    expect(problems.find((p) => p.path === 'title')!.message).toContain('must not be empty');
  });

  it('says what was refused in the error message', () => {
    expect(() => setSettings(sample(), { title: '' })).toThrow(/Cannot change the dashboard settings; it has 1 problem:\n {2}title: must not be empty/);
  });
});

describe('links', () => {
  it('adds a link, NEW_LINK by default', () => {
    const d = sample();
    expect(addLink(d).links).toEqual([...d.links, NEW_LINK]);
    const next = addLink(d, { title: 'Docs', url: 'https://docs.example.com', tooltip: 'Read me' });
    expect(next.links[2]).toEqual({ title: 'Docs', url: 'https://docs.example.com', tooltip: 'Read me' });
    expect(next.links[0]).toBe(d.links[0]);
  });

  it('refuses a link without title or url, or with an unsafe url, naming each field', () => {
    const d = sample();
    expect(problemsOf(() => addLink(d, { title: '', url: ' ' })).map((p) => p.path)).toEqual(['links[2].title', 'links[2].url']);
    const [unsafe] = problemsOf(() => updateLink(d, 1, { url: 'javascript:alert(1)' }));
    expect(unsafe).toEqual({ path: 'links[1].url', message: expect.stringContaining('http(s), mailto or relative URL') });
    expect(problemsOf(() => updateLink(d, 0, { url: '' }))).toEqual([{ path: 'links[0].url', message: expect.stringContaining('must not be empty: write an http(s), mailto or relative URL') }]);
  });

  it('updates the keys given; an empty tooltip and targetBlank false remove theirs', () => {
    const d = sample();
    const next = updateLink(d, 0, { title: 'Playbook', tooltip: 'On call' });
    expect(next.links[0]).toEqual({ title: 'Playbook', url: 'https://example.com/runbook', targetBlank: true, tooltip: 'On call' });
    expect(next.links[1]).toBe(d.links[1]);
    expect(updateLink(next, 0, { tooltip: '', targetBlank: false }).links[0]).toEqual({ title: 'Playbook', url: 'https://example.com/runbook' });
  });

  it('moves (clamped) and removes links', () => {
    const d = addLink(sample(), { title: 'Third', url: '/third' });
    const titles = (x: Dashboard) => x.links.map((l) => l.title);
    expect(titles(moveLink(d, 0, 2))).toEqual(['Home', 'Third', 'Runbook']);
    expect(titles(moveLink(d, 2, 0))).toEqual(['Third', 'Runbook', 'Home']);
    expect(titles(moveLink(d, 1, 99))).toEqual(['Runbook', 'Third', 'Home']);
    expect(titles(moveLink(d, 1, -5))).toEqual(['Home', 'Runbook', 'Third']);
    expect(titles(removeLink(d, 1))).toEqual(['Runbook', 'Third']);
  });

  it('refuses an index that does not exist', () => {
    const d = sample();
    for (const run of [() => updateLink(d, 2, { title: 'x' }), () => removeLink(d, -1), () => moveLink(d, 1.5, 0), () => removeLink(d, 5)]) {
      expect(run).toThrow(InvalidArgumentError);
    }
    expect(() => removeLink(d, 5)).toThrow('There is no link 5 (the dashboard has 2');
  });
});

// Random edits -----------------------------------------------------------------------------------

const text = fc.stringMatching(/^[ A-Za-z0-9/_-]{0,10}$/);
const timeText = fc.oneof(
  fc.constantFrom('now', 'now-5m', 'now-6h', 'now/d', 'now-1d/d', 'now-banana', '', '2024-05-01T00:00:00Z', '2025-01-01', 'later'),
  fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
  text,
);
const urlText = fc.oneof(fc.constantFrom('https://example.com', '/home', 'mailto:a@b.c', 'javascript:alert(1)', 'data:text/html,x', '', ' '), text);
const linkArb: fc.Arbitrary<DashboardLink> = fc.record(
  { title: text, url: urlText, tooltip: text, targetBlank: fc.boolean() },
  { requiredKeys: ['title', 'url'] },
);
const changesArb: fc.Arbitrary<SettingsChanges> = fc.record(
  {
    title: text,
    description: text,
    tags: fc.array(text, { maxLength: 4 }),
    time: fc.record({ from: timeText, to: timeText }),
    timezone: fc.constantFrom('browser', 'utc', 'UTC', 'Europe/Berlin', 'Asia/Kolkata', 'Mars/Olympus', '', 'nowhere'),
    weekStart: fc.constantFrom('monday', 'sunday', 'friday' as 'monday'),
    refresh: fc.constantFrom('', '5s', '1m', '1h30m', 'often', '5x'),
  },
  { requiredKeys: [] },
);
type Op =
  | { op: 'settings'; changes: SettingsChanges }
  | { op: 'add'; link: DashboardLink | undefined }
  | { op: 'update'; index: number; changes: Partial<DashboardLink> }
  | { op: 'remove'; index: number }
  | { op: 'move'; from: number; to: number };
const index = fc.integer({ min: -1, max: 4 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('settings' as const), changes: changesArb }),
  fc.record({ op: fc.constant('add' as const), link: fc.option(linkArb, { nil: undefined }) }),
  fc.record({ op: fc.constant('update' as const), index, changes: fc.record({ title: text, url: urlText, tooltip: text, targetBlank: fc.boolean() }, { requiredKeys: [] }) }),
  fc.record({ op: fc.constant('remove' as const), index }),
  fc.record({ op: fc.constant('move' as const), from: index, to: fc.integer({ min: -2, max: 6 }) }),
);

function apply(d: Dashboard, op: Op): Dashboard {
  switch (op.op) {
    case 'settings':
      return setSettings(d, op.changes);
    case 'add':
      return addLink(d, op.link);
    case 'update':
      return updateLink(d, op.index, op.changes);
    case 'remove':
      return removeLink(d, op.index);
    case 'move':
      return moveLink(d, op.from, op.to);
  }
}

describe('random sequences of settings and link edits', () => {
  it('always leave a valid dashboard with panels and variables untouched; a refusal changes nothing', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 12 }), (ops) => {
        const start = sample();
        let d = start;
        for (const op of ops) {
          const before = JSON.stringify(d);
          try {
            d = deepFreeze(apply(d, op));
          } catch (error) {
            // Refused: a SchemaError whose every problem has a path, or a bad index; the input is as it was.
            if (error instanceof SchemaError) {
              expect(error.problems.length).toBeGreaterThan(0);
              for (const p of error.problems) expect(p.path).toMatch(/^(title|description|tags|time\.(from|to)|timezone|weekStart|refresh|links\[\d+\]\.\w+)/);
            } else expect(error).toBeInstanceOf(InvalidArgumentError);
            expect(JSON.stringify(d)).toBe(before);
            continue;
          }
          const check = validateDashboard(d);
          expect(check.ok, JSON.stringify(check)).toBe(true);
          // What the schema fills in is already there: the result reads back as itself.
          if (check.ok) expect(check.dashboard).toEqual(d);
          expect(d.panels).toBe(start.panels);
          expect(d.variables).toBe(start.variables);
          expect(d.datasources).toBe(start.datasources);
          for (const link of d.links) expect(link.url?.trim()).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});
