/**
 * The builder entry (`@promkit/elements/builder.js`): registers the editing elements and exports
 * their classes and events. Kept apart from the viewer, so pages that only show dashboards never
 * load editor code.
 */
import './components/panel-editor/panel-editor.js';
import './components/dashboard-editor/dashboard-editor.js';
import './components/dashboard-json/dashboard-json.js';
import './components/dashboard-settings/dashboard-settings.js';
import './components/variables-editor/variables-editor.js';
import './components/datasource-editor/datasource-editor.js';
import './components/query-editor/query-editor.js';
import './components/query-explain/query-explain.js';
import './components/metrics-explorer/metrics-explorer.js';
import './components/query-builder/query-builder.js';
import './components/template-gallery/template-gallery.js';
import './components/dashboard-list/dashboard-list.js';

export { PromPanelEditor } from './components/panel-editor/panel-editor.component.js';
export { PromPanelChangeEvent } from './events/panel-change-event.js';
export { PromPanelApplyEvent } from './events/panel-apply-event.js';
export { PromPanelCancelEvent } from './events/panel-cancel-event.js';
export { PromDashboardEditor } from './components/dashboard-editor/dashboard-editor.component.js';
export { PromEditFrame } from './components/dashboard-editor/edit-frame.component.js';
export { PromDashboardChangeEvent } from './events/dashboard-change-event.js';
export { PromDashboardSaveEvent } from './events/dashboard-save-event.js';
export { PromDashboardSavedEvent } from './events/dashboard-saved-event.js';
export { PromPanelEditEvent } from './events/panel-edit-event.js';
export { PromDefinitionChangeEvent } from './events/definition-change-event.js';
export { PromDashboardJson } from './components/dashboard-json/dashboard-json.component.js';
export { PromDashboardSettings, SETTINGS_REFRESH_INTERVALS } from './components/dashboard-settings/dashboard-settings.component.js';
export { PromVariablesEditor } from './components/variables-editor/variables-editor.component.js';
export { PromDefinitionDrawer } from './components/dashboard-editor/definition-drawer.component.js';
export type { DefinitionPart } from './components/dashboard-editor/definition-drawer.component.js';
export { DATASOURCE_BACKENDS, PromDatasourceEditor } from './components/datasource-editor/datasource-editor.component.js';
export { PromQueryEditor } from './components/query-editor/query-editor.component.js';
export { PromQueryChangeEvent } from './events/query-change-event.js';
export { PromQueryRunEvent } from './events/query-run-event.js';
export { PromQueryExplain } from './components/query-explain/query-explain.component.js';
export type { PartOutcome } from './components/query-explain/query-explain.component.js';
export { METRICS_EXPLORER_LIMIT, PromMetricsExplorer } from './components/metrics-explorer/metrics-explorer.component.js';
export { EMPTY_VISUAL_QUERY, PromQueryBuilder } from './components/query-builder/query-builder.component.js';
export { PromMetricPickEvent } from './events/metric-pick-event.js';
export { PromVisualQueryChangeEvent } from './events/visual-query-change-event.js';
export { PromTemplateGallery } from './components/template-gallery/template-gallery.component.js';
export { PromTemplateDrawer } from './components/dashboard-editor/template-drawer.component.js';
export { PromTemplateAddEvent } from './events/template-add-event.js';
export { DashboardConflictError, DashboardStoreError, httpStore, localStorageStore } from './stores/dashboard-store.js';
export type { DashboardListEntry, DashboardStoreClient, LoadedDashboard } from './stores/dashboard-store.js';
export { PromDashboardList } from './components/dashboard-list/dashboard-list.component.js';
export { PromDashboardOpenEvent } from './events/dashboard-open-event.js';
