import { describe, expect, it } from 'vitest';
import * as core from '@promkit/core';
import * as grafana from '@promkit/core/grafana';
import * as edit from '@promkit/core/edit';
import { SchemaError, parsePanel } from '@promkit/core';

/** Every name the root entry exports: adding one is a choice, made here. */
const ROOT_EXPORTS = [
  'ALERT_SORTS', 'ALL_VALUE', 'BackendKind', 'COLOR_MODES', 'COLOR_RULE', 'CONTINUOUS_SCHEMES', 'CanceledError',
  'DEFAULT_MAX_DATA_POINTS', 'DEFAULT_SCRAPE_INTERVAL', 'DEFAULT_TIMEOUT_MS', 'DatasourceRegistry',
  'GRAFANA_COLOR_NAMES', 'GRAFANA_HUES', 'GRID_COLUMNS', 'HttpError', 'INTERVAL_RULE',
  'InvalidArgumentError', 'InvalidResponseError', 'MAX_COLOR_LENGTH', 'MAX_POINTS_PER_SERIES',
  'NetworkError', 'NotReadyError', 'PANEL_TYPES', 'PIE_LABELS', 'PrometheusApiError',
  'PrometheusClient', 'PromkitError', 'QueryEngine', 'QueryParseError', 'REDUCERS', 'REDUCER_NAMES',
  'SCHEMA_VERSION', 'SORTS', 'SchemaError', 'TENANT_HEADER', 'TIME_RANGE_PRESETS', 'TIME_UNITS',
  'TRANSFORMATION_IDS', 'TimeoutError', 'TooManyPointsError', 'UNITS', 'URL_RULE', 'VALUE_FIELD_NAME',
  'VARIABLE_FORMATS', 'VARIABLE_HIDES', 'VariableProblemKind', 'activeStep', 'alertLabelFilter', 'alertRows', 'appendFrames',
  'applyRegex', 'applyTransformations', 'authorizationHeader', 'autoInterval', 'axisTickInterval',
  'builtinVariables', 'cellNumber', 'checkPromQL', 'collides', 'compact', 'compareValues',
  'computeTiming', 'cortex', 'createClient', 'dashboardLinkUrl', 'dashboardSchema', 'dataFieldName', 'dataFramesToSeries', 'dataLinkTitle', 'dataLinkUrl',
  'datasourceVariable', 'decodeHistogram', 'dependentsOf', 'describeRange', 'displayName',
  'escapeRegex', 'eventsInRange', 'eventsWithTags', 'fieldFor', 'formatDate', 'formatDuration',
  'formatLabels', 'formatSampleValue', 'formatTickText', 'formatValue', 'formatValueText', 'framesByRefId',
  'grafanaRegex', 'hostEvents', 'hostSourceOf', 'hostTargetResults', 'interpolate', 'interpolateText',
  'isByValue', 'isColor', 'isConnectionError', 'isIntervalSetting', 'isKnownUnit', 'isPromkitError',
  'isRelative', 'isSafeUrl', 'isSeriesSelector', 'isSlashedRegex', 'layoutDashboard', 'mapValue',
  'matchesGrafanaRegex', 'metricNames', 'mimir', 'missingSource', 'onlySharedLabel', 'overrideMatches', 'panelRange',
  'panelSchema', 'parseCustomOptions', 'parseDashboard', 'parseDuration', 'parsePanel', 'parseRgb',
  'parseSampleValue', 'parseStreamMessage', 'parseTime', 'prometheus', 'reduce', 'reduceAll',
  'registerSource', 'registeredSource', 'resolutionOrder', 'resolveDatasourceRef', 'resolveInterval',
  'resolveRange', 'resolveTimeZone', 'resolveVariables', 'resultsToDataFrames', 'roundInterval',
  'rowSchema', 'rowsToFrames', 'runVariableQuery', 'safeUrl', 'schemeColor', 'selectedValues',
  'seriesEvents', 'seriesField', 'seriesName', 'sortOptions', 'stateSpans', 'streamProtocol',
  'streamRetryDelay', 'tenantHeaders', 'thanos', 'thresholdColor', 'timeSettings', 'timeZoneOrBrowser',
  'toFrames', 'toHostFrames', 'transformedFrames', 'unregisterSource', 'validateDashboard',
  'validateDatasource', 'valueFraction', 'valuesOf', 'variableCycles', 'variableFormatProblems',
  'variableSchema', 'variablesIn', 'victoriaMetrics', 'weekStartsOn', 'withDefaultUrl',
];

describe('@promkit/core root exports', () => {
  it('exports exactly the public API', () => {
    expect(Object.keys(core).sort()).toEqual(ROOT_EXPORTS);
  });
  it('leaves the builder maths to @promkit/core/edit', () => {
    expect(Object.keys(edit)).toEqual(expect.arrayContaining(['moveItem', 'placePanel', 'startHistory']));
    for (const name of Object.keys(edit)) expect(Object.keys(core), name).not.toContain(name);
  });
  it('keeps internal helpers and Grafana errors out of the root', () => {
    for (const name of ['mergeTail', 'labelsKey', 'compareLabels', 'schemaProblemsOf', 'GrafanaApiError', 'GrafanaConflictError']) {
      expect(Object.keys(core), name).not.toContain(name);
    }
    expect(Object.keys(grafana)).toEqual(expect.arrayContaining(['GrafanaApiError', 'GrafanaConflictError', 'GrafanaClient']));
  });
});

describe('parsePanel', () => {
  const panel = { id: 1, type: 'timeseries', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up' }] };
  it('returns the panel with defaults', () => {
    expect(parsePanel(panel)).toMatchObject({ title: '', targets: [{ refId: 'A', expr: 'up' }], fieldConfig: { defaults: {}, overrides: [] } });
  });
  it('throws a SchemaError listing every problem with its path', () => {
    let thrown: unknown;
    try {
      parsePanel({ ...panel, type: 'timeserie', gridPos: { x: 0, y: 0, w: 30, h: 8 } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SchemaError);
    const problems = (thrown as SchemaError).problems;
    expect(problems.map((p) => p.path).sort()).toEqual(['gridPos.w', 'type']);
    expect(problems.find((p) => p.path === 'type')!.message).toMatch(/did you mean "timeseries"/);
    expect((thrown as SchemaError).message).toMatch(/2 problems/);
  });
});
