/**
 * Edit mode's Save into the dashboard's `store`: under the dashboard's uid (a new one when it has
 * none), based on the version the dashboard was loaded or last saved as, so a save over someone
 * else's newer version is refused as a DashboardConflictError.
 */
import type { Dashboard } from '@promkit/core';
import { PromDashboardSavedEvent } from '../../events/dashboard-saved-event.js';
import { newUid, type DashboardStoreClient } from '../../stores/dashboard-store.js';

/** What a save needs of the dashboard element. */
export interface StoredDashboard extends HTMLElement {
  readonly store: DashboardStoreClient | undefined;
  readonly storedUid: string | undefined;
  readonly storedVersion: number | undefined;
  keptAs(uid: string, version: number): void;
}

/**
 * Saves `host`'s `dashboard` into `store`, as the version after `basedOn` (to save over a newer
 * one on purpose, pass that). Returns the definition as saved, with its uid, and its version.
 */
export async function saveToStore(host: StoredDashboard, store: DashboardStoreClient, dashboard: Dashboard, basedOn: number | undefined): Promise<{ dashboard: Dashboard; version: number }> {
  const uid = host.storedUid ?? newUid();
  const saving = { ...dashboard, uid };
  const { version } = await store.save(saving, basedOn);
  host.keptAs(uid, version);
  host.dispatchEvent(new PromDashboardSavedEvent({ uid, version, dashboard: saving }));
  return { dashboard: saving, version };
}
