/**
 * `@promkit/core/edit`: the builder's pure maths — moving, resizing and inserting on the grid,
 * editing panels and dashboards, and the undo history. Apart from the root entry so that the
 * viewer (and its script-tag bundle) never carries editor code.
 */
export { bottomOf, insertItem, moveItem, resizeItem } from '../dashboard/grid.js';
export type { InsertAt } from '../dashboard/grid.js';
export { DEFAULT_HISTORY_LIMIT, canRedo, canUndo, isDirty, pushHistory, redo, startHistory, undo } from '../dashboard/history.js';
export type { History } from '../dashboard/history.js';
export { NEW_PANEL_SIZE, NEW_PANEL_TITLES, NEW_ROW_TITLE, addPanel, addRow, addTemplatePanels, duplicatePanel, movePanelToRow, nextId, panelJson, placePanel, removePanel, removeRow, updatePanel, updateRow } from '../dashboard/edit.js';
export type { RowChanges } from '../dashboard/edit.js';
export type { VariableInput } from '../templates/template.js';
export {
  NEW_DATA_LINK,
  PANEL_TYPE_OPTIONS,
  addDataLink,
  addMapping,
  addOverride,
  addTarget,
  addThresholdStep,
  changeType,
  moveTarget,
  nextRefId,
  removeDataLink,
  removeMapping,
  removeOverride,
  removeTarget,
  removeThresholdStep,
  setDescription,
  setField,
  setOption,
  setOverrideMatcher,
  setOverrideProperty,
  setThresholdMode,
  setTitle,
  thresholdsOf,
  updateDataLink,
  updateMapping,
  updateTarget,
  updateThresholdStep,
} from '../dashboard/panel-edit.js';
export type { OverrideMatcher, ThresholdStepInput } from '../dashboard/panel-edit.js';
export { checkDashboardJson, dashboardJson } from '../dashboard/json-check.js';
export type { DashboardJsonCheck, JsonProblem } from '../dashboard/json-check.js';
export {
  NEW_VARIABLE_QUERIES,
  VARIABLE_TYPES,
  addVariable,
  changeVariableType,
  moveVariable,
  nextVariableName,
  removeVariable,
  renameVariable,
  updateVariable,
  variableReferences,
} from '../dashboard/variable-edit.js';
export type { VariableType } from '../dashboard/variable-edit.js';
export { NEW_LINK, addLink, moveLink, removeLink, setSettings, updateLink } from '../dashboard/settings-edit.js';
export type { SettingsChanges } from '../dashboard/settings-edit.js';
export {
  NEW_DATASOURCE_NAME,
  NEW_DATASOURCE_URL,
  addDatasource,
  datasourceReferences,
  nextDatasourceName,
  removeDatasource,
  setDefaultDatasource,
  updateDatasource,
} from '../dashboard/datasource-edit.js';
export type { DatasourceChanges } from '../dashboard/datasource-edit.js';
export { placeholdersIn, renameIn, type PlaceholderUse } from '../promql/interpolate.js';
export * from '../promql/visual/index.js';
export { BUILTIN_VARIABLE_NAMES, lintPromQL, promqlStandIns } from '../promql/lint.js';
export type { PromQLLintOptions, PromQLLintProblem, PromQLStandIns } from '../promql/lint.js';
export { explainNodes, explainPromQL } from '../promql/explain.js';
export type { ExplainKind, ExplainNode } from '../promql/explain.js';
