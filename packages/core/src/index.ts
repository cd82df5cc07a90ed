export { DEFAULT_TIMEOUT_MS, PrometheusClient } from './prometheus/client.js';
export { authorizationHeader } from './prometheus/auth.js';
export type { Auth, ConnectionCheck, PrometheusClientOptions } from './prometheus/client.js';
export type {
  AlertsResult,
  ApiResponse,
  ApiTime,
  BuildInfo,
  CallOptions,
  DurationInput,
  ExemplarsResult,
  Labels,
  LabelValuesParams,
  MatrixResult,
  MetadataParams,
  MetadataResult,
  QueryExemplarsParams,
  QueryParams,
  QueryRangeParams,
  QueryResult,
  RangeQueryResult,
  RangeFramesResult,
  ResponseMeta,
  RulesParams,
  RulesResult,
  RuntimeInfo,
  ScalarResult,
  SelectorParams,
  SeriesParams,
  StringResult,
  TargetMetadataResult,
  TargetsMetadataParams,
  TargetsParams,
  TargetsResult,
  VectorResult,
} from './prometheus/endpoints.js';
export {
  CanceledError,
  HttpError,
  InvalidArgumentError,
  InvalidResponseError,
  NetworkError,
  NotReadyError,
  PrometheusApiError,
  PromkitError,
  QueryParseError,
  SchemaError,
  TimeoutError,
  TooManyPointsError,
  isConnectionError,
  isPromkitError,
} from './prometheus/errors.js';
export type { ApiErrorBody, PromkitErrorName, QueryPosition, RequestTarget } from './prometheus/errors.js';
export { toFrames, decodeHistogram } from './prometheus/decode.js';
export { hostSourceOf, missingSource, registerSource, registeredSource, unregisterSource, type HostQuery, type HostSource, type HostAnnotationQuery, type HostValuesQuery, type SelectedValues, type StreamPush } from './host/source.js';
export { eventsInRange, eventsWithTags, hostEvents, seriesEvents, type AnnotationEvent, type AnnotationInput, type SeriesEventFormat } from './annotations/events.js';
export { cellNumber, compareValues, dataFieldName, type DataField, type DataFrame, type FieldType, type FieldValue } from './transform/data-frame.js';
export { resultsToDataFrames, type ResultFrames } from './transform/from-results.js';
export { dataFramesToSeries, type FrameSeries } from './transform/to-series.js';
export { transformedFrames } from './transform/panel-frames.js';
export { TRANSFORMATION_IDS, applyTransformations, type Transformation } from './transform/transformations.js';
export { parseStreamMessage, streamProtocol, streamRetryDelay, type StreamMessage, type StreamState, type StreamStatus } from './host/stream.js';
export { appendFrames, framesByRefId, hostTargetResults, rowsToFrames, toHostFrames, type FrameInput, type HostFrames, type LiveWindow, type RowFields } from './host/frames.js';
export type { Frame, HistogramBucket, HistogramColumn, NativeHistogram } from './prometheus/decode.js';
export { parseSampleValue, formatSampleValue } from './prometheus/sample-value.js';
export { BackendKind, TENANT_HEADER, prometheus, thanos, mimir, cortex, victoriaMetrics, tenantHeaders } from './prometheus/backends.js';
export type { BackendPreset, ThanosOptions, MimirOptions, VictoriaMetricsOptions } from './prometheus/backends.js';
export type { Alert, WireHistogram, WireSample, QueryStats } from './prometheus/schemas.js';
export { parseDuration, formatDuration } from './time/duration.js';
export { INTERVAL_RULE, isIntervalSetting, resolveInterval } from './time/interval-setting.js';
export {
  TIME_RANGE_PRESETS,
  TIME_UNITS,
  describeRange,
  isRelative,
  panelRange,
  parseTime,
  resolveRange,
  resolveTimeZone,
  timeZoneOrBrowser,
  weekStartsOn,
} from './time/range.js';
export type { RawTimeRange, TimeExpression, TimeOptions, TimeRange, TimeRangePreset, TimeUnit } from './time/range.js';
export {
  DEFAULT_MAX_DATA_POINTS,
  DEFAULT_SCRAPE_INTERVAL,
  MAX_POINTS_PER_SERIES,
  builtinVariables,
  computeTiming,
  roundInterval,
} from './time/step.js';
export type { QueryTiming, StepOptions } from './time/step.js';
export { UNITS, formatValue, formatValueText, isKnownUnit } from './format/units.js';
export type { FormatOptions, FormattedValue, UnitId } from './format/units.js';
export { axisTickInterval, formatTickText } from './format/axis-ticks.js';
export { REDUCERS, REDUCER_NAMES, reduce, reduceAll } from './format/reduce.js';
export type { Reducer } from './format/reduce.js';
export { onlySharedLabel, seriesName } from './format/legend.js';
export { fieldFor, overrideMatches } from './field/overrides.js';
export { activeStep, thresholdColor } from './field/thresholds.js';
export { stateSpans, type StateSpan, type StateSpanOptions } from './field/state-spans.js';
export { COLOR_MODES, CONTINUOUS_SCHEMES, isByValue, parseRgb, schemeColor, valueFraction, type ColorMode, type ContinuousScheme, type Rgb } from './field/color-scheme.js';
export type { ThresholdStep } from './field/thresholds.js';
export { mapValue } from './field/mappings.js';
export { dataLinkTitle, dataLinkUrl } from './field/data-link.js';
export { dashboardLinkUrl } from './format/dashboard-url.js';
export type { DataLinkSource } from './field/data-link.js';
export type { MappedValue } from './field/mappings.js';
export { VALUE_FIELD_NAME, displayName, formatLabels } from './field/display-name.js';
export type { DisplayNameSource } from './field/display-name.js';
export { seriesField } from './field/series-field.js';
export type { SeriesField, SeriesIdentity } from './field/series-field.js';
export { COLOR_RULE, GRAFANA_COLOR_NAMES, GRAFANA_HUES, MAX_COLOR_LENGTH, isColor } from './format/color.js';
export type { GrafanaColorName } from './format/color.js';
export { URL_RULE, isSafeUrl, safeUrl } from './format/url.js';
export { grafanaRegex, isSlashedRegex, matchesGrafanaRegex } from './format/regex.js';
export { checkPromQL, isSeriesSelector, metricNames } from './promql/parse.js';
export type { PromQLSyntaxError, QueryLocation } from './promql/parse.js';
export { selectedValues } from './host/source.js';
export { VARIABLE_FORMATS, escapeRegex, interpolate, interpolateText, variableFormatProblems, variablesIn } from './promql/interpolate.js';
export type { InterpolateOptions, VariableFormat, VariableFormatProblem, VariableValue, VariableValues } from './promql/interpolate.js';
export { formatDate } from './promql/date-format.js';
export { PANEL_TYPES, PIE_LABELS, SCHEMA_VERSION, SORTS, VARIABLE_HIDES, dashboardSchema, panelSchema, rowSchema, variableSchema } from './dashboard/schema.js';
export type {
  Annotation,
  Dashboard,
  DashboardInput,
  PanelInput,
  DashboardLink,
  Datasource,
  HostDatasource,
  PrometheusDatasource,
  FieldDefaults,
  Panel,
  PanelLink,
  PanelOptions,
  PanelType,
  Row,
  Target,
  Thresholds,
  ValueMapping,
  Variable,
  VariableSelection,
} from './dashboard/schema.js';
export { parseDashboard, parsePanel, validateDashboard, validateDatasource } from './dashboard/parse.js';
export { datasourceVariable, resolveDatasourceRef } from './dashboard/datasource-ref.js';
export type { DashboardCheck } from './dashboard/parse.js';
export { layoutDashboard } from './dashboard/layout.js';
export type { GridPos, PlacedPanel, Section } from './dashboard/layout.js';
export { GRID_COLUMNS, collides, compact } from './dashboard/grid.js';
export type { GridItem } from './dashboard/grid.js';
export type { SchemaProblem } from './prometheus/errors.js';
export { ALL_VALUE, applyRegex, autoInterval, parseCustomOptions, sortOptions } from './variables/options.js';
export type { VariableOption } from './variables/options.js';
export { VariableProblemKind, dependentsOf, resolutionOrder, resolveVariables, runVariableQuery, valuesOf, variableCycles } from './variables/resolve.js';
export type { ResolveContext, ResolvedVariable, VariableProblem } from './variables/resolve.js';
export { QueryEngine } from './query/engine.js';
export { ALERT_SORTS, alertLabelFilter, alertRows } from './query/alert-list.js';
export type { AlertInstance, AlertListOptions, AlertRuleRow, AlertSort } from './query/alert-list.js';
export type { EngineStats, Exemplar, PanelQuery, PanelResult, QueryEngineOptions, ResultSource, TargetResult } from './query/engine.js';
export { DatasourceRegistry, createClient, withDefaultUrl } from './dashboard/datasources.js';
export type { ClientFactoryOptions } from './dashboard/datasources.js';
export { timeSettings } from './dashboard/time-settings.js';
export type { AskedTimeSettings, TimeSettings } from './dashboard/time-settings.js';
