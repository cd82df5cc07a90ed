/** What the builder calls things: operations by the catalogue, label matchers and operators in words. */
import { VISUAL_OPERATIONS, type BinaryOperator, type LabelMatchOp, type Operation, type SetOperator } from '@promkit/core/edit';

/** One operation the catalogue offers. */
export type CatalogueEntry = (typeof VISUAL_OPERATIONS)[number];

/** The label matchers, each with what it means. */
export const MATCH_OPS: readonly { op: LabelMatchOp; title: string }[] = [
  { op: '=', title: 'equals' },
  { op: '!=', title: 'does not equal' },
  { op: '=~', title: 'matches regex' },
  { op: '!~', title: 'does not match regex' },
];

/** Each binary and set operator in words, shown beside it in the operator lists. */
export const OPERATOR_TITLES: Record<BinaryOperator | SetOperator, string> = {
  and: 'where both have',
  or: 'or else',
  unless: 'unless the other has',
  '+': 'plus',
  '-': 'minus',
  '*': 'times',
  '/': 'divided by',
  '%': 'modulo',
  '^': 'to the power of',
  '==': 'equal to',
  '!=': 'not equal to',
  '>': 'greater than',
  '<': 'less than',
  '>=': 'greater or equal',
  '<=': 'less or equal',
};

/** The catalogue entry of an operation: its label and group. */
export function entryOf(op: Operation): { label: string; group: string } | undefined {
  const fn = op.kind === 'scalar' ? op.op : op.kind === 'histogram_quantile' ? 'histogram_quantile' : op.fn;
  return VISUAL_OPERATIONS.find((o) => o.kind === op.kind && o.fn === fn);
}

/** The label of an operation, with a name for one that the catalogue does not list. */
export function labelOf(op: Operation): string {
  return entryOf(op)?.label ?? ('fn' in op ? op.fn : op.kind === 'scalar' ? `Arithmetic ${op.op}` : 'Histogram quantile');
}

/** The catalogue's groups in its own order, each with its entries. */
export function catalogueGroups(): { group: string; entries: CatalogueEntry[] }[] {
  const groups: { group: string; entries: CatalogueEntry[] }[] = [];
  for (const entry of VISUAL_OPERATIONS) {
    let g = groups.find((x) => x.group === entry.group);
    if (!g) groups.push((g = { group: entry.group, entries: [] }));
    g.entries.push(entry);
  }
  return groups;
}
