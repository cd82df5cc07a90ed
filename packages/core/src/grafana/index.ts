/** `@promkit/core/grafana`: promkit dashboards to and from Grafana's dashboard JSON model. */
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
export { fromGrafana, type FromGrafanaOptions, type GrafanaImport } from './import.js';
export {
  GrafanaClient,
  type Folder,
  type GrafanaAuth,
  type GrafanaCallOptions,
  type GrafanaClientOptions,
  type PublicDashboard,
  type PublicDashboardSettings,
  type PublishedDashboard,
  type PublishOptions,
  type SearchHit,
  type StoredDashboard,
} from './client.js';
export { provisioningFiles, type ProvisioningFile, type ProvisioningOptions } from './provisioning.js';
export { GrafanaApiError, GrafanaConflictError } from './errors.js';
