/**
 * The `exportparts` a dashboard puts on the elements in its shadow root, so a page styles them
 * from outside: `prom-dashboard::part(panel-title)`. Each nested part is re-exported with its
 * element's prefix (`panel-`, `time-range-`, `refresh-`, `variable-`).
 */

function prefixed(prefix: string, parts: readonly string[]): string {
  return parts.map((p) => `${p}: ${prefix}${p}`).join(', ');
}

/** `<prom-panel>`'s parts as `panel-base`, `panel-header`, `panel-title`, …. */
export const PANEL_EXPORTPARTS = prefixed('panel-', ['base', 'header', 'title', 'description-button', 'description', 'links', 'links-button', 'links-menu', 'body', 'chart', 'legend', 'view-button']);
/** `<prom-time-range>`'s parts as `time-range-trigger`, `time-range-popover`. */
export const TIME_RANGE_EXPORTPARTS = prefixed('time-range-', ['trigger', 'popover']);
/** `<prom-refresh-picker>`'s parts as `refresh-button`, `refresh-select`. */
export const REFRESH_EXPORTPARTS = prefixed('refresh-', ['button', 'select']);
/** `<prom-variable>`'s parts as `variable-trigger`, `variable-popover`, `variable-select`, `variable-problem`. */
export const VARIABLE_EXPORTPARTS = prefixed('variable-', ['trigger', 'popover', 'select', 'problem']);
/** The builder's `<prom-dashboard-editor>` parts, as the dashboard shows them: `edit-toolbar`, `panel-menu`. */
export const EDITOR_EXPORTPARTS = 'toolbar: edit-toolbar, menu: panel-menu, save-problem';
