export { PromPanel, type PanelSpec } from './components/panel/panel.component.js';
/** Every event class, and the typed event map (it also types `addEventListener` on every element). */
export * from './events/index.js';
export type { ChartTheme } from './theme/theme.js';
export { PromDashboard } from './components/dashboard/dashboard.component.js';
export { PromTimeRange } from './components/time-range/time-range.component.js';
export { PromRefreshPicker, REFRESH_INTERVALS } from './components/refresh-picker/refresh-picker.component.js';
export { PromVariable } from './components/variable/variable.component.js';
export { PromRules } from './components/rules/rules.component.js';
