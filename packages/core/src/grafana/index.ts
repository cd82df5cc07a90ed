/** `@promkit/core/grafana`: promkit dashboards as Grafana's dashboard JSON model. */
export {
  GRAFANA_SCHEMA_VERSION,
  toGrafana,
  type GrafanaAnnotation,
  type GrafanaDashboard,
  type GrafanaDatasourceRef,
  type GrafanaExport,
  type GrafanaLink,
  type GrafanaPanel,
  type GrafanaRowPanel,
  type GrafanaTarget,
  type GrafanaVariable,
} from './export.js';
