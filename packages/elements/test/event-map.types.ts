/**
 * Type-level test, checked by `tsc -b` (never run): every `prom-*` event is typed on
 * `addEventListener` for any element, as a consumer importing '@promkit/elements' sees it.
 * Each `@ts-expect-error` fails the type-check if the line it marks stops being an error.
 */
import type { PromkitError, TargetResult } from '@promkit/core';
import type * as elements from '@promkit/elements';
import type { PromDashboard, PromPanel } from '@promkit/elements';

declare const panel: PromPanel;
declare const dashboard: PromDashboard;
declare const div: HTMLDivElement;

panel.addEventListener('prom-data', (e) => {
  const targets: readonly TargetResult[] = e.detail.targets;
  // @ts-expect-error: a data event has targets, no frames of its own
  void e.detail.frames;
  void targets;
});

div.addEventListener('prom-error', (e) => {
  const error: PromkitError = e.detail.error;
  const refId: string | undefined = e.detail.refId;
  // @ts-expect-error: the error is `detail.error`, not `detail.message`
  void e.detail.message;
  void error;
  void refId;
});

dashboard.addEventListener('prom-refresh', (e) => {
  const reason: 'interval' | 'retry' | 'manual' | 'change' = e.detail.reason;
  // @ts-expect-error: a refresh's reason is one of four words
  const wrong: 'auto' = e.detail.reason;
  void reason;
  void wrong;
});

dashboard.addEventListener('prom-time-range-change', (e) => {
  const { from, to }: { from: string; to: string } = e.detail;
  e.preventDefault();
  // @ts-expect-error: the range is `from`/`to`, not `start`
  void e.detail.start;
  void from;
  void to;
});

dashboard.addEventListener('prom-variable-change', (e) => {
  const name: string = e.detail.name;
  const value: string | string[] = e.detail.value;
  // @ts-expect-error: the value may be a list, so it is not always a string
  const single: string = e.detail.value;
  void name;
  void value;
  void single;
});

dashboard.addEventListener('prom-refresh-interval-change', (e) => {
  const refresh: string = e.detail.refresh;
  // @ts-expect-error: the interval is the string `refresh` ('' for off), not a number of ms
  const ms: number = e.detail.refresh;
  void refresh;
  void ms;
});

panel.addEventListener('prom-panel-view', (e) => {
  const panelId: number = e.detail.panelId;
  // @ts-expect-error: the panel is named by its numeric id
  const asText: string = e.detail.panelId;
  void panelId;
  void asText;
});

// A name that is no event stays an untyped Event (nothing is typed by accident).
div.addEventListener('prom-nothing', (e) => {
  // @ts-expect-error: Event has no detail
  void e.detail;
});

/** Every event class '@promkit/elements' exports is in the map under its own `type`. */
type Exports = typeof elements;
type EventClass = { [K in keyof Exports]: Exports[K] extends { readonly type: string; prototype: Event } ? Exports[K] : never }[keyof Exports];
type Unmapped = {
  [C in EventClass as C['type']]: C['type'] extends keyof HTMLElementEventMap ? (HTMLElementEventMap[C['type']] extends InstanceType<C> ? never : C['type']) : C['type'];
}[EventClass['type']];
const everyEventClassIsMapped: [Unmapped] extends [never] ? true : Unmapped = true;
void everyEventClassIsMapped;
