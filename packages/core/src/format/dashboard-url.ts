/**
 * Links to Grafana dashboards (`/d/<uid>/<slug>?var-host=a&from=…`), which imported dashboards and
 * their data links carry, sent where the page shows its own dashboards.
 */

/** A Grafana dashboard path: `/d/` or `/d-solo/`, the uid, an optional slug, then the query and fragment. */
const GRAFANA_DASHBOARD = /^\/d(?:-solo)?\/([A-Za-z0-9._~-]+)(?:\/[^?#]*)?(\?[^#]*)?(#.*)?$/;

/**
 * `url` when it is no Grafana dashboard path, or no `template` is given; else `template` with
 * `{uid}` replaced by the dashboard's uid (percent-encoded) and the link's query appended (after
 * `?`, or `&` when the template has a query of its own): `/boards/{uid}` makes
 * `/d/abc/nodes?var-host=a` into `/boards/abc?var-host=a`, `#/dash/{uid}` into `#/dash/abc?var-host=a`.
 */
export function dashboardLinkUrl(url: string, template: string | undefined): string {
  const match = template ? GRAFANA_DASHBOARD.exec(url) : null;
  if (!match || !template) return url;
  const target = template.replaceAll('{uid}', encodeURIComponent(match[1]!));
  const query = match[2] && match[2].length > 1 ? match[2].slice(1) : '';
  return query ? `${target}${target.includes('?') ? '&' : '?'}${query}` : target;
}
