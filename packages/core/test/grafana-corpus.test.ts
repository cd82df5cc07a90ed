/**
 * Real dashboards nobody here wrote (tests/fixtures/grafana/corpus, sources in its SOURCES.md):
 * each imports, keeps every panel, points every warning at its source, and loses no more
 * features than lost-features.json records, so a change that loses more fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromGrafana } from '@promkit/core/grafana';
import { parseDashboard } from '@promkit/core';
import { CORPUS, corpusFiles, countImport, sourcePanelCount, valueAt } from '../../../tests/harness/grafana-corpus.mjs';

const recorded = (JSON.parse(readFileSync(join(CORPUS, 'lost-features.json'), 'utf8')) as { files: Record<string, number> }).files;
const UPDATE = 'npm run build -w @promkit/core && node scripts/grafana-fidelity.mjs --baseline > tests/fixtures/grafana/corpus/lost-features.json';

describe('fromGrafana on the corpus of public dashboards', () => {
  const files = corpusFiles();

  it('has a few dozen dashboards, each with a recorded count', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(recorded).sort(), `lost-features.json lists other files than the corpus: ${UPDATE}`).toEqual(files);
  });

  it.each(files)('%s', (file) => {
    const json: unknown = JSON.parse(readFileSync(join(CORPUS, file), 'utf8'));
    const { dashboard, warnings } = fromGrafana(json);

    // Every source panel is a panel of the import: drawn, or a note in its place.
    const panels = dashboard.panels.flatMap((p) => (p.type === 'row' ? p.panels : [p]));
    expect(panels.length).toBe(sourcePanelCount(json));
    const counts = countImport(json, warnings);
    expect(counts.imported + counts.notes).toBe(panels.length);
    expect(panels.filter((p) => p.type === 'text').length).toBeGreaterThanOrEqual(counts.notes);

    for (const w of warnings) expect(valueAt(json, w.path), `${w.path}: ${w.message}`).not.toBe(undefined);
    expect(() => parseDashboard(dashboard)).not.toThrow();

    const most = recorded[file] ?? 0;
    const lost = new Map<string, number>();
    for (const k of counts.kinds.filter((k) => !k.informational)) {
      const kind = k.item ? `${k.group}: ${k.item}` : k.group;
      lost.set(kind, (lost.get(kind) ?? 0) + 1);
    }
    const listed = [...lost].map(([kind, n]) => `${kind} ×${n}`).join('\n  ');
    expect(counts.lost, `${file} now loses ${counts.lost} features, lost-features.json allows ${most}:\n  ${listed}\nIf that is intended (or fewer are lost now), record the new counts: ${UPDATE}`).toBeLessThanOrEqual(most);
  });
});
