// @ts-check
/**
 * The Grafana dashboard corpus (tests/fixtures/grafana/corpus) and how its imports are counted:
 * each fromGrafana warning is a kind of lost feature, or informational. Shared by
 * scripts/grafana-fidelity.mjs and the corpus tests, so both count alike.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'fixtures/grafana/corpus');

/** @typedef {{ path: string, message: string }} Warning */
/** @typedef {{ group: string, item?: string, informational?: boolean }} Kind */

/** The value at a warning's path (`panels[2].targets[0].expr`) in Grafana JSON. */
export function valueAt(/** @type {unknown} */ json, /** @type {string} */ path) {
  /** @type {any} */
  const root = json;
  return path.split(/\.|(?=\[)/).filter(Boolean).reduce((/** @type {any} */ value, key) => value?.[/^\[(\d+)\]$/.exec(key)?.[1] ?? key], root?.dashboard ?? root);
}

/** The setting a warning's path names: its last key, indices left off (`options.legend` → `legend`). */
const keyOf = (/** @type {string} */ path) => path.replace(/\[[^\]]*\]/g, '').split('.').filter(Boolean).at(-1) ?? path;

/**
 * Kinds of warning, by message; the first that matches wins. Informational: the dashboard is
 * shown as Grafana shows it (a datasource mapped to the default, an id renumbered, a grid place
 * fitted, a query kept unchecked or invalid as Grafana keeps it, HTML sanitised as Grafana does, a
 * unit id Grafana does not know written after the value, as Grafana writes it).
 * @type {[RegExp, (m: RegExpExecArray, w: Warning) => Kind][]}
 */
const KINDS = [
  // Informational
  [/is queried through the default datasource/, () => ({ group: 'datasource mapped to the default', informational: true })],
  [/which is no datasource variable or input of this dashboard/, () => ({ group: 'unknown datasource variable: default used', informational: true })],
  [/renumbered \d+/, () => ({ group: 'panel id renumbered', informational: true })],
  [/is not a promkit uid/, () => ({ group: 'uid left out', informational: true })],
  [/does not fit the 24-column grid|is missing; placed at the top left|has no gridPos: placed as Grafana places it/, () => ({ group: 'grid place fitted', informational: true })],
  [/could not be checked where a variable stands/, () => ({ group: 'PromQL unchecked at a variable', informational: true })],
  [/is not valid PromQL/, () => ({ group: 'invalid PromQL kept (shows its error)', informational: true })],
  [/HTML is shown as Markdown/, () => ({ group: 'HTML text shown as sanitised Markdown', informational: true })],
  [/is no unit id of Grafana's: values show with/, () => ({ group: 'custom unit shown as a suffix, as Grafana does', informational: true })],
  [/is empty \(query left out\)|has no query \(left out\)|lists no intervals|has no URL \(left out\)/, () => ({ group: 'empty setting left out', informational: true })],
  // Panels
  [/shows the Grafana panel type "([^"]*)", which promkit does not draw/, (m) => ({ group: 'panel type not drawn (note)', item: m[1] })],
  [/shows library panel/, () => ({ group: 'library panel (note)' })],
  [/shows a datasource promkit does not query/, () => ({ group: 'panel on another datasource (note)' })],
  [/^(\S+) is shown as a bar gauge/, (m) => ({ group: 'panel type drawn as another', item: `${m[1]} as bargauge` })],
  [/is not a panel setting promkit uses/, (_, w) => ({ group: 'panel setting left out', item: keyOf(w.path) })],
  [/is not an option promkit uses/, (_, w) => ({ group: 'panel option left out', item: keyOf(w.path) })],
  [/legacy panel alerts are not carried over/, () => ({ group: 'legacy panel alert left out' })],
  [/repeats by .*which is not a variable promkit kept/, () => ({ group: 'repeat left out' })],
  [/showing every value instead of one per series/, () => ({ group: 'panel option not applied', item: 'reduceOptions.values' })],
  [/promkit draws heatmaps from histogram buckets/, () => ({ group: 'panel option not applied', item: 'heatmap calculate' })],
  [/table footers are not shown/, () => ({ group: 'panel option not applied', item: 'table footer' })],
  [/showing the series name instead of a value/, () => ({ group: 'legacy panel setting not applied', item: 'singlestat valueName name' })],
  [/(prefix|postfix) text .* is not shown/, (m) => ({ group: 'legacy panel setting not applied', item: `singlestat ${m[1]}` })],
  [/hiding column .* is not supported/, () => ({ group: 'legacy panel setting not applied', item: 'table-old hidden column' })],
  [/sorting by column number is not carried over/, () => ({ group: 'legacy panel setting not applied', item: 'table-old sort by column number' })],
  [/the "([^"]*)" transform is not applied/, (m) => ({ group: 'legacy panel setting not applied', item: `table-old transform ${m[1]}` })],
  [/missing samples are shown as gaps, not zeros/, () => ({ group: 'legacy panel setting not applied', item: 'graph nullPointMode "null as zero"' })],
  [/series moved to the right axis are shown in the left axis unit/, () => ({ group: 'legacy panel setting not applied', item: 'graph right axis unit' })],
  [/"lt" thresholds/, () => ({ group: 'legacy panel setting not applied', item: 'graph "lt" thresholds' })],
  [/is not a series override promkit applies/, (_, w) => ({ group: 'graph series override left out', item: keyOf(w.path) })],
  // Transformations
  [/the transformation "([^"]*)" is not applied/, (m) => ({ group: 'transformation not applied', item: m[1] })],
  [/: the transformation is not applied$/, () => ({ group: 'transformation not applied', item: '(options do not check)' })],
  [/is not a transformation (option|setting) promkit uses/, (_, w) => ({ group: 'transformation option left out', item: keyOf(w.path) })],
  [/a transformation applies to every query in promkit/, () => ({ group: 'transformation option left out', item: 'filter' })],
  // Fields
  [/is not a field setting promkit uses/, (_, w) => ({ group: 'field setting left out', item: keyOf(w.path) })],
  [/is not a setting promkit uses/, (_, w) => ({ group: 'field custom setting left out', item: keyOf(w.path) })],
  [/matching fields "([^"]*)" is not supported/, (m) => ({ group: 'override left out (matcher)', item: m[1] })],
  [/its options are not ones promkit reads/, () => ({ group: 'override left out (matcher)', item: '(options do not check)' })],
  [/data links are not carried over/, () => ({ group: 'data links left out' })],
  [/colour scheme "([^"]*)" is shown as/, (m) => ({ group: 'colour scheme not applied', item: m[1] })],
  [/axis scale "([^"]*)" is shown linear/, (m) => ({ group: 'field custom setting not applied', item: `scaleDistribution ${m[1]}` })],
  [/negative-Y is not supported/, () => ({ group: 'field custom setting not applied', item: 'transform negative-Y' })],
  [/a constant series is drawn as its samples/, () => ({ group: 'field custom setting not applied', item: 'transform constant' })],
  [/hiding series from the chart or legend is not supported/, () => ({ group: 'field custom setting not applied', item: 'hideFrom' })],
  [/is not a colour \(left out\)/, () => ({ group: 'colour not read' })],
  [/needs a colour and a number|is not a comma-separated list of numbers/, () => ({ group: 'threshold left out' })],
  [/^reducer (\S+) is not one promkit computes/, (m) => ({ group: 'reducer not computed', item: m[1] })],
  [/special value .* is not one promkit matches|mapping type .* is not one promkit knows/, () => ({ group: 'value mapping left out' })],
  // Queries
  [/resolution factors are not supported|is not a resolution promkit reads/, () => ({ group: 'query setting not applied', item: 'intervalFactor' })],
  [/is not a duration promkit reads/, (_, w) => ({ group: 'duration not read', item: keyOf(w.path) })],
  [/^queries .*which promkit does not query \(left out\)/, () => ({ group: 'query left out', item: 'other datasource' })],
  [/is not PromQL .*likely not a Prometheus/, () => ({ group: 'query left out', item: 'not PromQL on an untyped datasource' })],
  [/a promkit panel queries one datasource/, () => ({ group: 'query setting not applied', item: 'mixed datasources' })],
  [/asks for both a range and an instant query/, () => ({ group: 'query setting not applied', item: 'range and instant' })],
  [/exemplars are not shown/, () => ({ group: 'exemplars not shown' })],
  // Dashboard: variables, annotations, links
  [/chooses among (\S+) datasources, which promkit does not query/, (m) => ({ group: 'variable left out', item: `${m[1]} datasource variable` })],
  [/kept as a fixed list of its saved options/, () => ({ group: 'variable kept as a fixed list (other datasource)' })],
  [/is a variable of type "([^"]*)", which promkit does not have/, (m) => ({ group: 'variable left out', item: `type ${m[1]}` })],
  [/is not a variable name promkit reads/, () => ({ group: 'variable left out', item: 'name' })],
  [/(reads .*|has no PromQL expression), which promkit cannot show/, () => ({ group: 'annotation left out' })],
  [/links to Grafana dashboards by tag/, () => ({ group: 'dashboard link by tag left out' })],
  [/is not an http\(s\), mailto or relative URL/, () => ({ group: 'unsafe link left out' })],
];

/**
 * The kinds of lost feature one warning stands for (usually one). The old "transformations are
 * not applied" warning was one per panel: it counts once per transformation, as its successor does.
 * @param {Warning} w
 * @param {unknown} source the Grafana JSON
 * @returns {Kind[]}
 */
export function classify(w, source) {
  if (/transformations are not applied/.test(w.message)) {
    const list = valueAt(source, w.path);
    return (Array.isArray(list) ? list : [undefined]).map((t) => ({ group: 'transformation not applied', item: String(t?.id ?? '?') }));
  }
  for (const [pattern, kind] of KINDS) {
    const m = pattern.exec(w.message);
    if (m) return [kind(m, w)];
  }
  return [{ group: 'other', item: w.message.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N') }];
}

/** Panels of the Grafana JSON, rows' own panels included and rows left out. */
export function sourcePanelCount(/** @type {any} */ json) {
  const d = json.dashboard ?? json;
  if (Array.isArray(d.rows) && !Array.isArray(d.panels)) return d.rows.reduce((/** @type {number} */ n, /** @type {any} */ r) => n + (r?.panels?.length ?? 0), 0);
  return (d.panels ?? []).reduce((/** @type {number} */ n, /** @type {any} */ p) => n + (p?.type === 'row' ? (p.panels?.length ?? 0) : 1), 0);
}

/**
 * One dashboard's counts: panels, those kept as notes, warnings, and the lost features among
 * them with their kinds.
 * @param {unknown} source the Grafana JSON
 * @param {Warning[]} warnings what fromGrafana said about it
 */
export function countImport(source, warnings) {
  const kinds = warnings.flatMap((w) => classify(w, source));
  const notes = warnings.filter((w) => /it is kept as a note in its place$/.test(w.message)).length;
  const panels = sourcePanelCount(source);
  const lost = kinds.filter((k) => !k.informational);
  return { panels, imported: panels - notes, notes, warnings: warnings.length, informational: kinds.length - lost.length, lost: lost.length, kinds };
}

/** The corpus's file names, sorted. */
export function corpusFiles() {
  return readdirSync(CORPUS).filter((f) => f.endsWith('.json') && f !== 'lost-features.json').sort();
}
