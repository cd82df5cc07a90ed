export { PromPanel, type PanelSpec } from './components/panel/panel.component.js';
export { PromDataEvent } from './events/data-event.js';
export { PromErrorEvent } from './events/error-event.js';
export { PromRefreshEvent } from './events/refresh-event.js';
export { PromTimeRangeChangeEvent } from './events/time-range-change-event.js';
export { PromVariableChangeEvent } from './events/variable-change-event.js';
export { PromRefreshIntervalChangeEvent } from './events/refresh-interval-change-event.js';
export type { ChartTheme } from './theme/theme.js';
