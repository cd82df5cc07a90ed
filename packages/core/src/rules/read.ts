/**
 * Existing rule files read into the groups the builders produce: plain Prometheus rule files
 * (`groups:` …) and Prometheus Operator `PrometheusRule` resources, several to a file as
 * `kubectl` takes them. Every scalar is read as text, as Prometheus' own YAML reader does, so
 * writing the groups back keeps each value as it was spelled (comments and key order aside).
 * Problems carry the file's own field names (`keep_firing_for`) and their line and column.
 */
import { isMap, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { SchemaError } from '../prometheus/errors.js';
import { closest } from '../internal/closest.js';
import type { Rule, RuleGroup } from './model.js';
import type { PrometheusRuleMeta } from './render.js';
import { ruleProblems, type RuleCheckOptions, type RuleProblem } from './validate.js';

/** A problem in a file, where it is: 1-based line and column, when the place exists in the file. */
export interface LocatedRuleProblem extends RuleProblem {
  line?: number;
  column?: number;
}

/** One document of rules in a file. */
export interface RuleDocument {
  kind: 'rule-file' | 'PrometheusRule';
  /** The resource's name, namespace and labels (PrometheusRule only). */
  meta?: PrometheusRuleMeta;
  groups: RuleGroup[];
  /** What stopped parts of the document being read (YAML syntax, unknown fields, wrong types). */
  problems: LocatedRuleProblem[];
  /** A problem of `ruleProblems(groups)` with the file's field names and its place. */
  locate(problem: RuleProblem): LocatedRuleProblem;
}

/** Model field ↔ file field, where they differ. */
const FILE_NAMES: Record<string, string> = { queryOffset: 'query_offset', keepFiringFor: 'keep_firing_for', partialResponseStrategy: 'partial_response_strategy' };
const MODEL_NAMES = Object.fromEntries(Object.entries(FILE_NAMES).map(([model, file]) => [file, model]));
const GROUP_FIELDS = ['name', 'interval', 'query_offset', 'limit', 'labels', 'rules'];
const RESOURCE_GROUP_FIELDS = [...GROUP_FIELDS, 'partial_response_strategy'];
const RULE_FIELDS = ['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'];

/** Every rule document in `text` (other Kubernetes kinds in the stream are passed over). */
export function readRuleDocuments(text: string): RuleDocument[] {
  const lines = new LineCounter();
  const documents = parseAllDocuments(text, { schema: 'failsafe', lineCounter: lines, uniqueKeys: true });
  if (!Array.isArray(documents)) return [];
  const read: RuleDocument[] = [];
  for (const doc of documents) {
    const at = (node: { range?: [number, number, number] | null } | null | undefined) => {
      if (!node?.range) return {};
      const { line, col } = lines.linePos(node.range[0]);
      return { line, column: col };
    };
    const syntax: LocatedRuleProblem[] = doc.errors.map((e) => ({ path: '', message: e.message.split('\n')[0]!, severity: 'error', ...(e.linePos ? { line: e.linePos[0].line, column: e.linePos[0].col } : {}) }));
    const root = syntax.length ? undefined : (doc.toJS() as unknown);
    if (root === null || root === undefined) {
      if (syntax.length) read.push(documentOf('rule-file', [], syntax, [], doc, at));
      continue;
    }
    const kind = isObject(root) ? root['kind'] : undefined;
    if (isObject(root) && kind === 'PrometheusRule') {
      const problems: LocatedRuleProblem[] = [];
      const metadata = isObject(root['metadata']) ? root['metadata'] : {};
      const spec = isObject(root['spec']) ? root['spec'] : {};
      const meta: PrometheusRuleMeta = {
        name: typeof metadata['name'] === 'string' ? metadata['name'] : '',
        ...(typeof metadata['namespace'] === 'string' ? { namespace: metadata['namespace'] } : {}),
        ...(isObject(metadata['labels']) ? { labels: metadata['labels'] as Record<string, string> } : {}),
      };
      if (!meta.name) problems.push({ path: 'metadata.name', message: 'a PrometheusRule needs a name', severity: 'error', ...at(doc.getIn(['metadata'], true) as never) });
      const groups = readGroups(spec['groups'], 'groups', RESOURCE_GROUP_FIELDS, problems, (path) => at(doc.getIn(['spec', ...path], true) as never));
      read.push(documentOf('PrometheusRule', groups, problems, ['spec'], doc, at, meta));
    } else if (isObject(root) && kind === undefined) {
      const problems: LocatedRuleProblem[] = [];
      for (const key of Object.keys(root)) if (key !== 'groups') problems.push(unknownField(key, '', ['groups'], at(keyNode(doc, [], key))));
      const groups = readGroups(root['groups'], 'groups', GROUP_FIELDS, problems, (path) => at(doc.getIn(path, true) as never));
      read.push(documentOf('rule-file', groups, problems, [], doc, at));
    }
  }
  return read;
}

/** The groups of a plain rule file; a SchemaError with every reading problem (and its line) if it cannot be read. */
export function fromRuleFileYaml(text: string): RuleGroup[] {
  const docs = readRuleDocuments(text).filter((d) => d.kind === 'rule-file');
  if (docs.length !== 1) throw new SchemaError(docs.length ? 'A rule file holds one document; this one has several.' : 'This is not a rule file: it has no `groups:`.', []);
  throwIfUnread(docs[0]!);
  return docs[0]!.groups;
}

/** Every PrometheusRule resource in `text`, with its metadata and groups; a SchemaError if one cannot be read. */
export function fromPrometheusRuleYaml(text: string): { meta: PrometheusRuleMeta; groups: RuleGroup[] }[] {
  const docs = readRuleDocuments(text).filter((d) => d.kind === 'PrometheusRule');
  if (!docs.length) throw new SchemaError('No PrometheusRule resource (kind: PrometheusRule) in this YAML.', []);
  for (const doc of docs) throwIfUnread(doc);
  return docs.map((d) => ({ meta: d.meta!, groups: d.groups }));
}

/** Every problem of every rule document in `text`: reading first, then the checker's, each with its line. */
export function checkRuleYaml(text: string, options: RuleCheckOptions = {}): { documents: RuleDocument[]; problems: LocatedRuleProblem[] } {
  const documents = readRuleDocuments(text);
  const problems = documents.flatMap((d) => [...d.problems, ...ruleProblems(d.groups, options).map((p) => d.locate(p))]);
  return { documents, problems };
}

function throwIfUnread(doc: RuleDocument): void {
  if (!doc.problems.length) return;
  const listed = doc.problems.map((p) => `  ${p.line ? `line ${p.line}: ` : ''}${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n');
  throw new SchemaError(`The rules cannot be read (${doc.problems.length} problem(s)):\n${listed}`, doc.problems);
}

type Place = (path: (string | number)[]) => { line?: number; column?: number };

function documentOf(kind: RuleDocument['kind'], groups: RuleGroup[], problems: LocatedRuleProblem[], prefix: string[], doc: Document, at: (node: never) => { line?: number; column?: number }, meta?: PrometheusRuleMeta): RuleDocument {
  return {
    kind,
    ...(meta ? { meta } : {}),
    groups,
    problems,
    locate(problem) {
      const path = filePath(problem.path);
      // The nearest part of the path that is in the file (a missing field points at its owner).
      for (let parts = yamlPath(path); parts.length; parts = parts.slice(0, -1)) {
        const node = doc.getIn([...prefix, ...parts], true) as never;
        if (node) return { ...problem, path, ...at(node) };
      }
      return { ...problem, path };
    },
  };
}

/** `groups[0].rules[1].keepFiringFor` as the file spells it: `groups[0].rules[1].keep_firing_for`. */
function filePath(path: string): string {
  return path.replace(/(\]\.)([A-Za-z]+)/g, (whole, dot: string, name: string) => (FILE_NAMES[name] ? `${dot}${FILE_NAMES[name]}` : whole));
}

function yamlPath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

function readGroups(value: unknown, path: string, fields: string[], problems: LocatedRuleProblem[], place: Place): RuleGroup[] {
  if (value === undefined) {
    problems.push({ path, message: 'is missing: a rule file is `groups:` with a list of groups', severity: 'error', ...place([]) });
    return [];
  }
  if (!Array.isArray(value)) {
    problems.push({ path, message: 'must be a list of groups', severity: 'error', ...place(['groups']) });
    return [];
  }
  return value.map((raw, g) => {
    const at = `groups[${g}]`;
    const group = isObject(raw) ? raw : {};
    if (!isObject(raw)) problems.push({ path: at, message: 'must be a group: name and rules', severity: 'error', ...place(['groups', g]) });
    for (const key of Object.keys(group)) if (!fields.includes(key)) problems.push(unknownField(key, at, fields, place(['groups', g, key])));
    const read: RuleGroup = { name: text(group['name'], `${at}.name`, problems, place), rules: [] };
    for (const key of ['interval', 'query_offset', 'partial_response_strategy'] as const) {
      if (group[key] !== undefined && fields.includes(key)) (read as unknown as Record<string, string>)[MODEL_NAMES[key] ?? key] = text(group[key], `${at}.${key}`, problems, place);
    }
    if (group['limit'] !== undefined) {
      const limit = text(group['limit'], `${at}.limit`, problems, place);
      if (/^\d+$/.test(limit)) read.limit = Number(limit);
      else problems.push({ path: `${at}.limit`, message: `must be a whole number, got ${JSON.stringify(limit)}`, severity: 'error', ...place(['groups', g, 'limit']) });
    }
    if (group['labels'] !== undefined) read.labels = textMap(group['labels'], `${at}.labels`, problems, place);
    const rules = group['rules'];
    if (rules !== undefined && !Array.isArray(rules)) problems.push({ path: `${at}.rules`, message: 'must be a list of rules', severity: 'error', ...place(['groups', g, 'rules']) });
    read.rules = Array.isArray(rules) ? rules.map((rule, r) => readRule(rule, `${at}.rules[${r}]`, problems, place)) : [];
    return read;
  });
}

function readRule(raw: unknown, at: string, problems: LocatedRuleProblem[], place: Place): Rule {
  const rule = isObject(raw) ? raw : {};
  if (!isObject(raw)) problems.push({ path: at, message: 'must be a rule: record or alert, and expr', severity: 'error', ...place(yamlPath(at)) });
  for (const key of Object.keys(rule)) if (!RULE_FIELDS.includes(key)) problems.push(unknownField(key, at, RULE_FIELDS, place([...yamlPath(at), key])));
  const read: Record<string, unknown> = {};
  for (const key of RULE_FIELDS) {
    if (rule[key] === undefined) continue;
    const model = MODEL_NAMES[key] ?? key;
    read[model] = key === 'labels' || key === 'annotations' ? textMap(rule[key], `${at}.${key}`, problems, place) : text(rule[key], `${at}.${key}`, problems, place);
  }
  if (read['expr'] === undefined) read['expr'] = '';
  return read as unknown as Rule;
}

function unknownField(key: string, at: string, fields: string[], where: { line?: number; column?: number }): LocatedRuleProblem {
  const near = closest(key, fields);
  return { path: at ? `${at}.${key}` : key, message: `is not a field Prometheus knows${near ? ` (did you mean ${near}?)` : ''}; it refuses files with unknown fields`, severity: 'error', ...where };
}

function text(value: unknown, path: string, problems: LocatedRuleProblem[], place: Place): string {
  if (typeof value === 'string') return value;
  problems.push({ path, message: `must be text, not a ${Array.isArray(value) ? 'list' : 'map'}`, severity: 'error', ...place(yamlPath(path)) });
  return '';
}

function textMap(value: unknown, path: string, problems: LocatedRuleProblem[], place: Place): Record<string, string> {
  if (!isObject(value)) {
    problems.push({ path, message: 'must be a map of names to text', severity: 'error', ...place(yamlPath(path)) });
    return {};
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, text(v, `${path}.${k}`, problems, place)]));
}

function keyNode(doc: Document, path: (string | number)[], key: string): { range?: [number, number, number] | null } | undefined {
  const owner = path.length ? doc.getIn(path, true) : doc.contents;
  if (!isMap(owner)) return undefined;
  const pair = owner.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
  return (pair?.key as { range?: [number, number, number] | null } | undefined) ?? undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
