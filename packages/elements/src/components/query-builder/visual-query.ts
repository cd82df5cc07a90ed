/** The query the builder edits: the empty one, and what of it prints as PromQL. */
import { printVisualQuery, type VisualQuery } from '@promkit/core/edit';

/** A query with nothing chosen yet. */
export const EMPTY_VISUAL_QUERY: VisualQuery = Object.freeze({ metric: '', labels: [], operations: [], binaryQueries: [] }) as VisualQuery;

/** The query as it prints: filters without a label name yet are left out until one is chosen. */
export function printableQuery(q: VisualQuery): VisualQuery {
  const labels = q.labels.filter((l) => l.label !== '');
  const binaryQueries = q.binaryQueries.map((b) => ({ ...b, query: printableQuery(b.query) }));
  return { ...q, labels, binaryQueries };
}

/** The PromQL of a query whose ranges and offset were checked (the builder never applies others). */
export function visualExpr(q: VisualQuery): string {
  return printVisualQuery(printableQuery(q));
}
