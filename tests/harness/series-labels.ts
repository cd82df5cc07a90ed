/** The series, labels and label-values checks, registered for any server that holds the dataset. */
import { expect, it } from 'vitest';
import type { PrometheusClient } from '@promkit/core';
import { T0, T_END, TRICKY_LABEL_VALUES, storedSeries } from './dataset.mjs';

/** Registers the three tests (inside the caller's describe) for `client`. */
export function seriesAndLabelsTests(client: PrometheusClient): void {
  it('series lists exactly the matching label sets', async () => {
    const { data } = await client.series({ match: ['promkit_combo{a="a3"}'], start: T0, end: T_END });
    const expected = storedSeries()
      .filter((s) => s.name === 'promkit_combo' && s.labels['a'] === 'a3')
      .map((s) => ({ __name__: s.name, ...s.labels }));
    expect(data).toHaveLength(10);
    expect(data).toEqual(expect.arrayContaining(expected));
  });

  it('labels lists every label name of the dataset, or of the series match[] selects', async () => {
    const { data } = await client.labels({ start: T0, end: T_END, match: ['{__name__=~"promkit_.+"}'] });
    const expected = new Set(['__name__', ...storedSeries().flatMap((s) => Object.keys(s.labels))]);
    expect(new Set(data)).toEqual(expected);
    expect((await client.labels({ start: T0, end: T_END, match: ['promkit_temperature_celsius'] })).data).toEqual(['__name__', 'room']);
  });

  it('labelValues returns tricky values exactly, and is limited by match[]', async () => {
    const { data } = await client.labelValues({ label: 'text', start: T0, end: T_END });
    expect(data).toEqual([...TRICKY_LABEL_VALUES].sort());
    const rooms = await client.labelValues({ label: 'room', match: ['promkit_temperature_celsius'], start: T0, end: T_END });
    expect(rooms.data).toEqual(['lab', 'office']);
    const jobs = await client.labelValues({ label: 'job', match: ['promkit_stopping'], start: T0, end: T_END });
    expect(jobs.data).toEqual(['batch']);
  });
}
