/**
 * lintPromQL on the corpus of real queries, with the real Prometheus (2.42) as the judge: every
 * query lints clean, and the lint and the server agree on each query's stand-in text — what the
 * lint accepts the server parses, and what it refuses (the queries broken on purpose) the server
 * refuses too.
 */
import { describe, expect, inject, it } from 'vitest';
import { lintPromQL, promqlStandIns } from '@promkit/core/edit';
import { mapLimited, serverParses } from '../harness/server-parses.js';
import { loadCorpus } from './corpus.js';

const corpus = loadCorpus();
const url = inject('prometheusUrl');


describe('lintPromQL on the corpus of real queries', () => {
  it('holds real queries of both kinds, many with variables', () => {
    expect(corpus.length).toBeGreaterThan(1000);
    expect(new Set(corpus.map((q) => q.kind))).toEqual(new Set(['dashboard', 'rule']));
    expect(corpus.filter((q) => /\$|\[\[/.test(q.expr)).length).toBeGreaterThan(100);
  });

  it('reports no error for any of them', () => {
    const failures = corpus
      .map((q) => ({ q, errors: lintPromQL(q.expr).filter((p) => p.severity === 'error') }))
      .filter((f) => f.errors.length > 0)
      .map(({ q, errors }) => `${q.source}: ${JSON.stringify(q.expr)} → ${errors.map((e) => `${e.message} at ${e.from}`).join('; ')}`);
    expect(failures).toEqual([]);
  });

  it('agrees with Prometheus on every query and on the same query broken', async () => {
    const cases = corpus.flatMap((q) => {
      const middle = Math.floor(q.expr.length / 2);
      return [
        { q, template: q.expr, broken: false },
        { q, template: `${q.expr}\n+`, broken: true },
        { q, template: `${q.expr.slice(0, middle)} ) ${q.expr.slice(middle)}`, broken: true },
      ];
    });
    const verdicts = await mapLimited(cases, 8, async (c) => {
      const text = promqlStandIns(c.template).text;
      const lintOk = lintPromQL(c.template).every((p) => p.severity !== 'error');
      return { ...c, text, lintOk, server: await serverParses(url, text) };
    });
    const disagreements = verdicts
      .filter((v) => v.lintOk !== v.server.parsed)
      .map((v) => `${v.q.source}: lint ${v.lintOk ? 'accepts' : 'refuses'}, Prometheus ${v.server.parsed ? 'parses' : `refuses (${v.server.error})`}: ${JSON.stringify(v.text)}`);
    expect(disagreements).toEqual([]);
    // Both refused the broken copies (an operator with nothing after it always breaks), so the agreement is not vacuous.
    expect(verdicts.filter((v) => v.broken && !v.server.parsed && !v.lintOk).length).toBeGreaterThanOrEqual(corpus.length);
  }, 600_000);
});
