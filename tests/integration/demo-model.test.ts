/** The demo's world never counts backwards: every counter and histogram rate is ≥ 0 at every minute of a week. */
import { expect, it } from 'vitest';
import { demoSeries } from '../../examples/demo/model.mjs';

it('every rate of the demo model is zero or more over a whole week, so no live counter has to go down', () => {
  const start = Date.UTC(2026, 11, 1) / 1000;
  const negative: string[] = [];
  for (const s of demoSeries()) {
    if (s.kind === 'gauge') continue;
    for (let t = start; t < start + 7 * 86_400; t += 60) {
      if (s.rate(t) < 0) {
        negative.push(`${s.family} ${JSON.stringify(s.labels)} at ${new Date(t * 1000).toISOString()}: ${s.rate(t)}`);
        break;
      }
    }
  }
  expect(negative).toEqual([]);
});
