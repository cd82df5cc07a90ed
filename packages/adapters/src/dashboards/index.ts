export { createDashboardService, type DashboardServiceOptions } from './service.js';
export { createDatasourceProxy, type DatasourceProxyOptions } from './datasource-proxy.js';
export { secretBox, type SecretBox } from './secrets.js';
export {
  pgliteDashboardStore,
  postgresDashboardStore,
  sqlDashboardStore,
  type DashboardFields,
  type DashboardListQuery,
  type DashboardStore,
  type DashboardSummary,
  type DatasourceFields,
  type StoredDatasource,
  type StoredLibraryPanel,
  type SaveConflict,
  type StoredDashboard,
} from './store.js';
export { pgliteClient, postgresClient, type SqlClient, type SqlQueryable } from './sql.js';
export { MIGRATIONS } from './migrations.js';
