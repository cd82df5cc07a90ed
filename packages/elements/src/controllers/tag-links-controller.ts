/**
 * A dashboard's links to dashboards by tag (`type: "dashboards"`), as menu entries: the dashboards
 * of its `store` with every tag of the link (the one shown left out), each opening in place, under
 * the link's title. Asked of the store when the store or the links' tags change; until it answers,
 * and when it cannot, the entry says so. Without a store there is nothing to list, and it says so.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DashboardLink } from '@promkit/core';
import type { DashboardListEntry, DashboardStoreClient } from '../stores/dashboard-store.js';
import type { HeaderLink } from '../internal/header-extras.js';

export interface TagLinksSource {
  store(): DashboardStoreClient | undefined;
  links(): readonly DashboardLink[];
  /** The uid of the dashboard shown, left out of its own lists. */
  shownUid(): string | undefined;
  /** The link to the store's dashboard `uid` (this page showing it), carrying the time range and variables as `link` says. */
  href(uid: string, link: DashboardLink): string;
  /** Shows the store's dashboard `uid` in place (`link` as for href). */
  open(uid: string, link: DashboardLink): void;
}

type Listing = DashboardListEntry[] | Error | 'loading';

export class TagLinksController implements ReactiveController {
  #store: DashboardStoreClient | undefined;
  #lists = new Map<string, Listing>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: TagLinksSource,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const store = this.source.store();
    const wanted = new Set(this.source.links().filter((l) => l.type === 'dashboards').map((l) => keyOf(l.tags)));
    if (store !== this.#store) {
      this.#store = store;
      this.#lists = new Map();
    }
    if (!store) return;
    for (const key of wanted) if (!this.#lists.has(key)) this.#list(store, key);
  }

  #list(store: DashboardStoreClient, key: string): void {
    const tags = tagsOf(key);
    this.#lists.set(key, 'loading');
    store.list(tags[0] === undefined ? {} : { tag: tags[0] }).then(
      (entries) => entries.filter((e) => tags.every((t) => e.tags.includes(t))),
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    ).then((listing) => {
      if (this.#store !== store) return;
      this.#lists.set(key, listing);
      this.host.requestUpdate();
    });
  }

  /** The menu's entries for `links`: each URL link as it is, each link by tag as its heading and dashboards. */
  entries(links: readonly DashboardLink[]): HeaderLink[] {
    return links.flatMap((link): HeaderLink[] => {
      if (link.type !== 'dashboards') return [{ title: link.title, url: link.url, tooltip: link.tooltip, targetBlank: link.targetBlank }];
      const heading: HeaderLink = { title: link.title, url: undefined, heading: true };
      const note = (why: string): HeaderLink[] => [heading, { title: tagText(link.tags), url: undefined, note: why }];
      if (!this.#store) return note('no dashboard store on this page to list them from');
      const listing = this.#lists.get(keyOf(link.tags)) ?? 'loading';
      if (listing === 'loading') return note('loading…');
      if (listing instanceof Error) return note(`the store could not list them: ${listing.message}`);
      const others = listing.filter((e) => e.uid !== this.source.shownUid());
      if (others.length === 0) return note('no other dashboard has these tags');
      return [
        heading,
        ...others.map((e) => ({ title: e.title, url: this.source.href(e.uid, link), tooltip: link.tooltip, targetBlank: link.targetBlank, open: () => this.source.open(e.uid, link) })),
      ];
    });
  }
}

const keyOf = (tags: readonly string[] | undefined) => JSON.stringify([...(tags ?? [])].sort());
const tagsOf = (key: string) => JSON.parse(key) as string[];
const tagText = (tags: readonly string[] | undefined) => (tags?.length ? `Dashboards tagged ${tags.join(', ')}` : 'All dashboards');
