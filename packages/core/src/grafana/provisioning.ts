/**
 * Grafana file provisioning: dashboard JSON files plus the provider YAML that tells Grafana where
 * they are (`provisioning/dashboards/*.yaml`). Pure: returns the files; the caller writes them.
 */
import { stringify } from 'yaml';
import { InvalidArgumentError } from '../prometheus/errors.js';
import type { GrafanaDashboard } from './export.js';

export interface ProvisioningOptions {
  /** Provider name, shown in Grafana's logs (default `promkit`). */
  name?: string;
  /** Where Grafana will read the dashboard files (default `/var/lib/grafana/dashboards/promkit`). */
  path?: string;
  /** Folder the dashboards appear in (default: the root). */
  folder?: string;
  orgId?: number;
  /** Let people edit provisioned dashboards in Grafana's UI (their edits are lost on restart). */
  allowUiUpdates?: boolean;
  /** Seconds between Grafana's checks of the files (default 30). */
  updateIntervalSeconds?: number;
}

export interface ProvisioningFile {
  /** Relative path: `dashboards/<uid>.json`, or `provisioning/dashboards/<name>.yaml`. */
  path: string;
  content: string;
}

/** The dashboard files and the provider file for them. Dashboards need a uid (their file name). */
export function provisioningFiles(dashboards: GrafanaDashboard[], options: ProvisioningOptions = {}): ProvisioningFile[] {
  const name = options.name ?? 'promkit';
  const seen = new Set<string>();
  const files = dashboards.map((d, i) => {
    if (!d.uid) throw new InvalidArgumentError(`Dashboard ${i} ("${d.title}") has no uid: provisioned dashboards need one, so Grafana keeps the same dashboard across restarts.`);
    if (seen.has(d.uid)) throw new InvalidArgumentError(`Two dashboards have the uid "${d.uid}": each provisioned dashboard needs its own.`);
    seen.add(d.uid);
    return { path: `dashboards/${d.uid}.json`, content: `${JSON.stringify(d, null, 2)}\n` };
  });
  const provider = {
    apiVersion: 1,
    providers: [
      {
        name,
        orgId: options.orgId ?? 1,
        folder: options.folder ?? '',
        type: 'file',
        disableDeletion: false,
        allowUiUpdates: options.allowUiUpdates ?? false,
        updateIntervalSeconds: options.updateIntervalSeconds ?? 30,
        options: { path: options.path ?? `/var/lib/grafana/dashboards/${name}` },
      },
    ],
  };
  return [...files, { path: `provisioning/dashboards/${name}.yaml`, content: stringify(provider) }];
}
