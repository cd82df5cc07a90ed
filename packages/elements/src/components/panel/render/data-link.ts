/** A value's data links (its field's `links`, expanded for it by core's dataLinkUrl), as anchors' attributes. */
import { dataLinkTitle, dataLinkUrl, type DataLinkSource, type FieldDefaults, type PanelLink } from '@promkit/core';

export interface DataLinkTarget {
  href: string;
  title: string;
  targetBlank: boolean;
}

/** The link of a value of `field` (its first), or undefined when it has none (or its URL is not one a page may open). */
export function dataLinkOf(field: FieldDefaults, source: DataLinkSource): DataLinkTarget | undefined {
  const link = field.links?.[0];
  return link && targetOf(link, source);
}

/** Every link of a value of `field` whose URL a page may open, in order. */
export function dataLinksOf(field: FieldDefaults, source: DataLinkSource): DataLinkTarget[] {
  return (field.links ?? []).flatMap((link) => targetOf(link, source) ?? []);
}

function targetOf(link: PanelLink, source: DataLinkSource): DataLinkTarget | undefined {
  const href = dataLinkUrl(link.url, source);
  return href === undefined ? undefined : { href, title: dataLinkTitle(link.title, source), targetBlank: link.targetBlank === true };
}
