/**
 * Grafana's refusals as promkit errors (exported from `@promkit/core/grafana`). They are
 * PromkitErrors like the others, so `isPromkitError(e, 'GrafanaApiError')` recognises them.
 */
import { HttpError, type PromkitErrorName, type RequestTarget } from '../prometheus/errors.js';

/** Grafana's HTTP API refused a request: its status, message and (newer Grafana) message id. */
export class GrafanaApiError extends HttpError {
  override name: PromkitErrorName = 'GrafanaApiError';
  constructor(
    message: string,
    status: number,
    bodyExcerpt: string,
    /** Grafana's `messageId` (e.g. `publicdashboards.dashboardIsPublic`) or `status` word, when given. */
    readonly code: string | undefined,
    options: { cause?: unknown; request?: RequestTarget } = {},
  ) {
    super(message, status, bodyExcerpt, options);
  }
}

/**
 * Grafana kept its copy because someone changed it meanwhile (`version-mismatch`), another
 * dashboard in the folder has the title (`name-exists`), or the uid is taken (`exists`).
 * Re-read and merge, or publish with `overwrite: true`.
 */
export class GrafanaConflictError extends GrafanaApiError {
  override name: PromkitErrorName = 'GrafanaConflictError';
  constructor(
    message: string,
    status: number,
    bodyExcerpt: string,
    readonly reason: 'version-mismatch' | 'name-exists' | 'exists' | 'plugin-dashboard',
    options: { cause?: unknown; request?: RequestTarget } = {},
  ) {
    super(message, status, bodyExcerpt, reason, options);
  }
}
