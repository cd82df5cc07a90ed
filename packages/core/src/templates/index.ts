/**
 * `@promkit/core/templates`: ready panels and dashboards for common targets — node_exporter
 * hosts, an HTTP service's rate, errors and duration, and Prometheus' own health — each
 * parameterised (job, metric prefix, labels) and valid per the dashboard schema.
 */
import { httpTemplates } from './http.js';
import { nodeTemplates } from './node.js';
import { prometheusTemplates } from './prometheus.js';
import type { TemplateFamily } from './template.js';

export { httpTemplates, nodeTemplates, prometheusTemplates };
export { SAVED_PANELS_FAMILY, savedPanelsFamily, type SavedPanelEntry } from './saved.js';
export { resolveParams, type PanelTemplate, type TemplateFamily, type TemplateParameter, type TemplateParameterKind, type TemplateParams, type VariableInput } from './template.js';

/** Every template family, in the order a gallery shows them. */
export const TEMPLATE_FAMILIES: readonly TemplateFamily[] = [nodeTemplates, httpTemplates, prometheusTemplates];
