/**
 * Links in Grafana JSON: panel links and data links (a URL each, checked safe), and a dashboard's
 * links, which may also list dashboards by tag.
 */
import type { DashboardInput } from '../dashboard/schema.js';
import { URL_RULE, safeUrl } from '../format/url.js';
import { arrayOf, objectOf, textOf, type ImportContext, type Json } from './import-context.js';

type DashboardLinkInput = NonNullable<DashboardInput['links']>[number];

/** Links with a safe URL (http(s), mailto or relative); others are warnings. */
export function linksOf(raw: unknown, path: string, ctx: ImportContext): UrlLink[] {
  return arrayOf(raw).flatMap((value, i) => urlLinkOf(objectOf(value), `${path}[${i}]`, ctx));
}

type UrlLink = { title: string; url: string; tooltip?: string; targetBlank?: boolean };

/** One link with a safe URL, or none (with a warning at `at`). */
function urlLinkOf(link: Json, at: string, ctx: ImportContext): UrlLink[] {
  const url = textOf(link['url']);
  if (link['type'] === 'dashboards' || url === undefined) {
    ctx.warn(at, link['type'] === 'dashboards' ? 'links to dashboards by tag are dashboard links: a panel links to URLs (left out)' : 'has no URL (left out)');
    return [];
  }
  const safe = safeUrl(url);
  if (safe === undefined) {
    ctx.warn(`${at}.url`, `${JSON.stringify(url)} is not ${URL_RULE} (left out)`);
    return [];
  }
  return [{
    title: textOf(link['title']) ?? safe,
    url: safe,
    ...(textOf(link['tooltip']) ? { tooltip: link['tooltip'] as string } : {}),
    ...(link['targetBlank'] === true ? { targetBlank: true } : {}),
  }];
}

/**
 * A dashboard's links: its URLs (as linksOf reads them), and Grafana's links to dashboards by tag,
 * which list the dashboards of the page's store with those tags, carrying the time range and the
 * variables to them as Grafana's do (`keepTime`, `includeVars`).
 */
export function dashboardLinksOf(raw: unknown, path: string, ctx: ImportContext): DashboardLinkInput[] {
  return arrayOf(raw).flatMap((value, i): DashboardLinkInput[] => {
    const link = objectOf(value);
    if (link['type'] !== 'dashboards') return urlLinkOf(link, `${path}[${i}]`, ctx);
    return [{
      type: 'dashboards',
      title: textOf(link['title']) ?? 'Dashboards',
      tags: arrayOf(link['tags']).filter((t): t is string => typeof t === 'string'),
      ...(link['keepTime'] === true ? { keepTime: true } : {}),
      ...(link['includeVars'] === true ? { includeVars: true } : {}),
      ...(textOf(link['tooltip']) ? { tooltip: link['tooltip'] as string } : {}),
      ...(link['targetBlank'] === true ? { targetBlank: true } : {}),
    }];
  });
}
