/**
 * The fetched corpus of real PromQL: every expression of the public dashboards and rule files
 * listed in scripts/promql-corpus/SOURCES.md, as scripts/promql-corpus/extract.mjs writes it.
 * The files are not committed (they are others' work, fetched for testing): fetch them, run the
 * extractor, and point PROMKIT_PROMQL_CORPUS at its queries.json (`npm run corpus`).
 */
import { readFileSync } from 'node:fs';

export interface CorpusQuery {
  expr: string;
  /** The file it came from (see SOURCES.md). */
  source: string;
  kind: 'dashboard' | 'rule';
}

export function loadCorpus(): CorpusQuery[] {
  const file = process.env['PROMKIT_PROMQL_CORPUS'];
  if (!file) {
    throw new Error(
      'PROMKIT_PROMQL_CORPUS is not set: fetch the files listed in scripts/promql-corpus/SOURCES.md, run `node scripts/promql-corpus/extract.mjs DIR OUT.json`, then `PROMKIT_PROMQL_CORPUS=OUT.json npm run corpus`.',
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as CorpusQuery[];
}
