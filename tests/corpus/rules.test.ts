/**
 * The rules checker and reader on real rule files nobody here wrote (the rule files and
 * PrometheusRule resources of scripts/promql-corpus/SOURCES.md), with promtool (2.42) as the
 * judge: no error in any file promtool accepts, advice listed; every file read and written back
 * is accepted by promtool and reads back to the same groups.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRuleYaml, fromRuleFileYaml, toRuleFileYaml, type LocatedRuleProblem, type RuleDocument } from '@promkit/core/rules';

const folder = process.env['PROMKIT_RULES_CORPUS'];
if (!folder) {
  throw new Error('PROMKIT_RULES_CORPUS is not set: copy the rule files and PrometheusRule resources listed in scripts/promql-corpus/SOURCES.md into a folder, then `PROMKIT_RULES_CORPUS=FOLDER npm run corpus`.');
}

interface Checked {
  file: string;
  documents: RuleDocument[];
  problems: LocatedRuleProblem[];
}

const scratch = await mkdtemp(join(tmpdir(), 'promkit-rules-corpus-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const files = (await readdir(folder)).filter((f) => /\.ya?ml$/.test(f)).sort();
const checked: Checked[] = await Promise.all(
  files.map(async (file) => {
    const { documents, problems } = checkRuleYaml(await readFile(join(folder, file), 'utf8'));
    return { file, documents, problems };
  }),
);

/** promtool's verdict on a rule file: accepted, or the last line it printed. */
async function promtool(path: string): Promise<{ ok: boolean; said: string }> {
  try {
    await promisify(execFile)('promtool', ['check', 'rules', path]);
    return { ok: true, said: '' };
  } catch (error) {
    const e = error as { stdout: string; stderr: string };
    return { ok: false, said: `${e.stdout}${e.stderr}`.trim().split('\n').slice(-2).join(' ') };
  }
}

describe('rules on the corpus of real rule files', () => {
  it('holds over a thousand rules in both forms', () => {
    const docs = checked.flatMap((c) => c.documents);
    expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(['rule-file', 'PrometheusRule']));
    expect(docs.flatMap((d) => d.groups).reduce((n, g) => n + g.rules.length, 0)).toBeGreaterThan(1000);
    expect(checked.filter((c) => !c.documents.length).map((c) => c.file)).toEqual([]);
  });

  it('finds no error in any file promtool accepts, and lists the advice', async () => {
    const falseAlarms: string[] = [];
    const refusedByPromtool: string[] = [];
    for (const c of checked) {
      const verdict = await judged(c);
      const errors = c.problems.filter((p) => p.severity === 'error');
      if (verdict.ok && errors.length) falseAlarms.push(`${c.file}: ${errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`).join('; ')}`);
      if (!verdict.ok) refusedByPromtool.push(`${c.file}: ${verdict.said}`);
    }
    expect(falseAlarms).toEqual([]);
    const advice = new Map<string, number>();
    for (const a of checked.flatMap((c) => c.problems.filter((p) => p.severity === 'advice'))) {
      const kind = a.message.split(/[;:]/)[0]!;
      advice.set(kind, (advice.get(kind) ?? 0) + 1);
    }
    console.log(`${checked.length} files; advice: ${JSON.stringify(Object.fromEntries(advice))}; refused by promtool 2.42: ${refusedByPromtool.length ? refusedByPromtool.join(' | ') : 'none'}`);
  }, 300_000);

  it('writes every document back so that promtool accepts it (where it accepted the original) and it reads back to the same groups', async () => {
    const failures: string[] = [];
    for (const c of checked) {
      const original = await judged(c);
      for (const [i, document] of c.documents.entries()) {
        if (document.problems.length) continue;
        const path = join(scratch, `${c.file}.written.${i}.yml`);
        await writeFile(path, toRuleFileYaml(document.groups));
        const reread = fromRuleFileYaml(await readFile(path, 'utf8'));
        const expected = document.groups.map(({ partialResponseStrategy: _, ...g }) => g);
        if (JSON.stringify(reread) !== JSON.stringify(expected)) failures.push(`${c.file}#${i}: read back differently`);
        const verdict = await promtool(path);
        if (original.ok && !verdict.ok) failures.push(`${c.file}#${i}: promtool refuses the written file: ${verdict.said}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

/**
 * promtool's verdict on a file: a plain rule file as it is; a resource as the rule file the
 * Operator makes of it (its groups), each document of it accepted.
 */
async function judged(c: Checked): Promise<{ ok: boolean; said: string }> {
  if (c.documents.every((d) => d.kind === 'rule-file')) return promtool(join(folder!, c.file));
  for (const [i, d] of c.documents.entries()) {
    const path = join(scratch, `${c.file}.judged.${i}.yml`);
    await writeFile(path, toRuleFileYaml(d.groups));
    const verdict = await promtool(path);
    if (!verdict.ok) return verdict;
  }
  return { ok: true, said: '' };
}
