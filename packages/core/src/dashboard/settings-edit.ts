/**
 * Editing a dashboard's own settings (title, description, tags, time range, refresh, timezone,
 * week start) and its links: pure operations that take a Dashboard and return a new one (the
 * input is never changed; panels, variables and everything else not edited stay the same
 * objects). Every result passes `validateDashboard`. A value refused — by the schema, or by the
 * rules the schema cannot say (a time that is no time, a timezone that is none, an empty title or
 * URL) — throws a SchemaError whose problems have paths (`time.from`, `links[1].url`) and say
 * what to write instead; an index that does not exist throws an InvalidArgumentError.
 */
import { InvalidArgumentError, SchemaError, type SchemaProblem } from '../prometheus/errors.js';
import { URL_RULE } from '../format/url.js';
import { parseTime, resolveTimeZone, weekStartsOn, type TimeExpression } from '../time/range.js';
import { validateDashboard } from './parse.js';
import type { Dashboard, DashboardLink } from './schema.js';

/** The settings setSettings changes; a key left out (or undefined) keeps the dashboard's. */
export type SettingsChanges = Partial<Pick<Dashboard, 'title' | 'description' | 'tags' | 'time' | 'timezone' | 'weekStart' | 'refresh'>>;

/** The link addLink adds when given none: a relative link to the site's root, to be edited. */
export const NEW_LINK: Readonly<DashboardLink> = { title: 'New link', url: '/' };

const TIME_HELP = 'write date math such as now-6h or now/d, an ISO 8601 time such as 2024-05-01T12:00:00Z, or epoch milliseconds';

/**
 * Changes the dashboard's settings. A description of '' removes it; tags are trimmed, and empty
 * and repeated ones dropped; a timezone of '' means `browser`. Times are checked with core's time
 * parser (what the dashboard will read), and a range whose end is not after its start, as it
 * stands now, is refused.
 */
export function setSettings(dashboard: Dashboard, changes: SettingsChanges): Dashboard {
  const problems: SchemaProblem[] = [];
  const next: Record<string, unknown> = { ...dashboard };
  const given = <K extends keyof SettingsChanges>(key: K): SettingsChanges[K] | undefined => (Object.hasOwn(changes, key) ? changes[key] : undefined);

  const title = given('title');
  if (title !== undefined) {
    if (typeof title === 'string' && title.trim() === '') problems.push({ path: 'title', message: 'must not be empty: give the dashboard a title' });
    next['title'] = title;
  }
  const description = given('description');
  if (description !== undefined) {
    if (description === '') delete next['description'];
    else next['description'] = description;
  }
  const tags = given('tags');
  if (tags !== undefined) next['tags'] = Array.isArray(tags) ? cleanTags(tags) : tags;
  const timezone = given('timezone');
  if (timezone !== undefined) {
    const zone = typeof timezone === 'string' ? timezone.trim() : timezone;
    next['timezone'] = zone === '' ? 'browser' : zone;
    if (typeof zone === 'string' && zone !== '') {
      try {
        resolveTimeZone(zone);
      } catch (error) {
        if (!(error instanceof InvalidArgumentError)) throw error;
        problems.push({ path: 'timezone', message: `${JSON.stringify(zone)} is not a timezone: use an IANA name such as "Europe/Berlin", or "utc" or "browser"` });
      }
    }
  }
  const weekStart = given('weekStart');
  if (weekStart !== undefined) next['weekStart'] = weekStart;
  const refresh = given('refresh');
  if (refresh !== undefined) next['refresh'] = typeof refresh === 'string' ? refresh.trim() : refresh;
  const time = given('time');
  if (time !== undefined) {
    next['time'] = time;
    problems.push(...timeProblems(time, next as Dashboard));
  }
  return checked(next as Dashboard, problems, 'Cannot change the dashboard settings');
}

/** Trimmed, without empty or repeated tags, in their first order. */
function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    const text = typeof tag === 'string' ? tag.trim() : tag;
    if (text !== '' && !out.includes(text)) out.push(text);
  }
  return out;
}

/** Why `time` cannot be the dashboard's range: each side read as the dashboard reads it, then their order. */
function timeProblems(time: Dashboard['time'], dashboard: Dashboard): SchemaProblem[] {
  if (typeof time !== 'object' || time === null) return [];
  let timeZone = 'UTC';
  try {
    timeZone = resolveTimeZone(dashboard.timezone);
  } catch {
    // The timezone's own problem is reported under `timezone`.
  }
  const options = { now: Date.now(), timeZone, weekStartsOn: weekStartsOn(dashboard.weekStart) };
  const problems: SchemaProblem[] = [];
  const read = (side: 'from' | 'to'): number | undefined => {
    const value: unknown = time[side];
    if (typeof value !== 'string' && typeof value !== 'number') return undefined; // the schema says what it must be
    if (typeof value === 'string' && value.trim() === '') {
      problems.push({ path: `time.${side}`, message: `must not be empty: ${TIME_HELP}` });
      return undefined;
    }
    try {
      return parseTime(value as TimeExpression, { ...options, roundUp: side === 'to' });
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      problems.push({ path: `time.${side}`, message: `${JSON.stringify(value)} is not a time: ${TIME_HELP}` });
      return undefined;
    }
  };
  const from = read('from');
  const to = read('to');
  if (from !== undefined && to !== undefined && to <= from) {
    problems.push({ path: 'time.to', message: `must be after "from" (${JSON.stringify(time.from)}): the range ${JSON.stringify(time.from)} to ${JSON.stringify(time.to)} is empty or reversed` });
  }
  return problems;
}

/** A link index that must exist. */
function linkAt(dashboard: Dashboard, index: number): DashboardLink {
  const link = Number.isInteger(index) ? dashboard.links[index] : undefined;
  if (link === undefined) throw new InvalidArgumentError(`There is no link ${index} (the dashboard has ${dashboard.links.length}; indexes start at 0).`);
  return link;
}

/** Why link `index` cannot be as it is, beyond what the schema says: an empty title or URL. */
function linkProblems(link: DashboardLink, index: number): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (typeof link.title === 'string' && link.title.trim() === '') problems.push({ path: `links[${index}].title`, message: 'must not be empty: write the text the link shows' });
  if (typeof link.url === 'string' && link.url.trim() === '') problems.push({ path: `links[${index}].url`, message: `must not be empty: write ${URL_RULE}, such as https://example.com/runbook` });
  return problems;
}

/**
 * A link with `changes` applied: a tooltip of '' and `targetBlank: false` remove those keys,
 * as does undefined for either.
 */
function withChanges(link: DashboardLink, changes: Partial<DashboardLink>): DashboardLink {
  const out: Record<string, unknown> = { ...link };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || (key === 'tooltip' && value === '') || (key === 'targetBlank' && value === false)) delete out[key];
    else out[key] = value;
  }
  return out as DashboardLink;
}

/** Appends a link (default NEW_LINK). */
export function addLink(dashboard: Dashboard, link: DashboardLink = NEW_LINK): Dashboard {
  const index = dashboard.links.length;
  const added = withChanges({} as DashboardLink, link);
  return checked({ ...dashboard, links: [...dashboard.links, added] }, linkProblems(added, index), 'Cannot add the link');
}

/** Changes link `index`: the keys given replace its own (see withChanges for removals). */
export function updateLink(dashboard: Dashboard, index: number, changes: Partial<DashboardLink>): Dashboard {
  const link = withChanges(linkAt(dashboard, index), changes);
  const links = dashboard.links.map((l, i) => (i === index ? link : l));
  return checked({ ...dashboard, links }, linkProblems(link, index), `Cannot change link ${index + 1}`);
}

/** Removes link `index`. */
export function removeLink(dashboard: Dashboard, index: number): Dashboard {
  linkAt(dashboard, index);
  return { ...dashboard, links: dashboard.links.filter((_, i) => i !== index) };
}

/** Moves link `from` to position `to` (clamped to the list). */
export function moveLink(dashboard: Dashboard, from: number, to: number): Dashboard {
  const link = linkAt(dashboard, from);
  const links = dashboard.links.filter((_, i) => i !== from);
  links.splice(Math.max(0, Math.min(links.length, Math.trunc(to))), 0, link);
  return { ...dashboard, links };
}

/**
 * `dashboard` when it passes the schema and `own` holds no problem; otherwise a SchemaError with
 * every problem (ours first; the schema's at a path we already named are left out).
 */
function checked(dashboard: Dashboard, own: SchemaProblem[], what: string): Dashboard {
  const check = validateDashboard(dashboard);
  if (check.ok && own.length === 0) return dashboard;
  const named = new Set(own.map((p) => p.path));
  const problems = [...own, ...(check.ok ? [] : check.problems.filter((p) => !named.has(p.path)))];
  throw SchemaError.listing(`${what}; it has`, problems);
}
