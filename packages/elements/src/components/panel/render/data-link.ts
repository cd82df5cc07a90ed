/** A value's data link (its field's first `links` entry, expanded for it by core's dataLinkUrl), as an anchor's attributes. */
import { dataLinkUrl, type DataLinkSource, type FieldDefaults } from '@promkit/core';

export interface DataLinkTarget {
  href: string;
  title: string;
  targetBlank: boolean;
}

/** The link of a value of `field`, or undefined when it has none (or its URL is not one a page may open). */
export function dataLinkOf(field: FieldDefaults, source: DataLinkSource): DataLinkTarget | undefined {
  const link = field.links?.[0];
  const href = link ? dataLinkUrl(link.url, source) : undefined;
  return link && href !== undefined ? { href, title: link.title, targetBlank: link.targetBlank === true } : undefined;
}
