/**
 * `@promkit/core/json-schema`: the dashboard format as JSON Schema, made from the zod schema.
 * A tooling entry of its own, so browser bundles do not carry zod's JSON Schema writer; the
 * result also ships as the file `@promkit/core/dashboard.schema.json`.
 */
import * as z from 'zod/mini';
import { dashboardSchema, SCHEMA_VERSION } from '../dashboard/schema.js';

/** The JSON Schema of the dashboard format (what editors use to autocomplete and check). */
export function dashboardJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(dashboardSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `urn:promkit:dashboard:v${SCHEMA_VERSION}`,
    title: 'promkit dashboard',
  };
}
