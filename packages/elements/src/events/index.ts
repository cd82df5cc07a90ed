/**
 * Every event the promkit elements fire, and their types on `addEventListener` for any element:
 *
 *   panel.addEventListener('prom-data', (e) => e.detail.targets);   // e: PromDataEvent
 */
import { PromDataEvent } from './data-event.js';
import { PromErrorEvent } from './error-event.js';
import { PromPanelViewEvent } from './panel-view-event.js';
import { PromRefreshEvent } from './refresh-event.js';
import { PromRefreshIntervalChangeEvent } from './refresh-interval-change-event.js';
import { PromTimeRangeChangeEvent } from './time-range-change-event.js';
import { PromVariableChangeEvent } from './variable-change-event.js';
import { PromDashboardShareEvent } from './dashboard-share-event.js';
import { PromStreamStateEvent } from './stream-state-event.js';
import { PromAnnotationClickEvent } from './annotation-click-event.js';
// The builder's events, as types only: the viewer bundle carries no editor code (builder.js exports the classes).
import type { PromPanelApplyEvent } from './panel-apply-event.js';
import type { PromPanelCancelEvent } from './panel-cancel-event.js';
import type { PromPanelChangeEvent } from './panel-change-event.js';
import type { PromDashboardChangeEvent } from './dashboard-change-event.js';
import type { PromDashboardSaveEvent } from './dashboard-save-event.js';
import type { PromDashboardSavedEvent } from './dashboard-saved-event.js';
import type { PromPanelEditEvent } from './panel-edit-event.js';
import type { PromDefinitionChangeEvent } from './definition-change-event.js';
import type { PromQueryChangeEvent } from './query-change-event.js';
import type { PromQueryRunEvent } from './query-run-event.js';
import type { PromMetricPickEvent } from './metric-pick-event.js';
import type { PromVisualQueryChangeEvent } from './visual-query-change-event.js';
import type { PromTemplateAddEvent } from './template-add-event.js';
import type { PromDashboardOpenEvent } from './dashboard-open-event.js';

export {
  PromDataEvent,
  PromErrorEvent,
  PromPanelViewEvent,
  PromRefreshEvent,
  PromRefreshIntervalChangeEvent,
  PromTimeRangeChangeEvent,
  PromVariableChangeEvent,
  PromDashboardShareEvent,
  PromStreamStateEvent,
  PromAnnotationClickEvent,
};

/** Each `prom-*` event name with its event class (the names are the classes' static `type`). */
export interface PromEventMap {
  [PromDataEvent.type]: PromDataEvent;
  [PromErrorEvent.type]: PromErrorEvent;
  [PromPanelViewEvent.type]: PromPanelViewEvent;
  [PromRefreshEvent.type]: PromRefreshEvent;
  [PromRefreshIntervalChangeEvent.type]: PromRefreshIntervalChangeEvent;
  [PromTimeRangeChangeEvent.type]: PromTimeRangeChangeEvent;
  [PromVariableChangeEvent.type]: PromVariableChangeEvent;
  [PromDashboardShareEvent.type]: PromDashboardShareEvent;
  [PromStreamStateEvent.type]: PromStreamStateEvent;
  [PromAnnotationClickEvent.type]: PromAnnotationClickEvent;
  'prom-panel-apply': PromPanelApplyEvent;
  'prom-panel-cancel': PromPanelCancelEvent;
  'prom-panel-change': PromPanelChangeEvent;
  'prom-dashboard-change': PromDashboardChangeEvent;
  'prom-dashboard-save': PromDashboardSaveEvent;
  'prom-dashboard-saved': PromDashboardSavedEvent;
  'prom-panel-edit': PromPanelEditEvent;
  'prom-definition-change': PromDefinitionChangeEvent;
  'prom-query-change': PromQueryChangeEvent;
  'prom-query-run': PromQueryRunEvent;
  'prom-metric-pick': PromMetricPickEvent;
  'prom-visual-query-change': PromVisualQueryChangeEvent;
  'prom-template-add': PromTemplateAddEvent;
  'prom-dashboard-open': PromDashboardOpenEvent;
}

declare global {
  // The events bubble out of shadow roots, so they are typed on every element, not only promkit's.
  interface HTMLElementEventMap extends PromEventMap {}
}
