export { createDashboardService, type DashboardServiceOptions } from './service.js';
export {
  pgliteDashboardStore,
  postgresDashboardStore,
  sqlDashboardStore,
  type DashboardFields,
  type DashboardListQuery,
  type DashboardStore,
  type DashboardSummary,
  type SaveConflict,
  type StoredDashboard,
} from './store.js';
export { pgliteClient, postgresClient, type SqlClient, type SqlQueryable } from './sql.js';
export { MIGRATIONS } from './migrations.js';
