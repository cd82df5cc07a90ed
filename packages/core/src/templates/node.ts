/**
 * Hosts from node_exporter: CPU busy and by mode, load per CPU, memory used and available, disk
 * I/O and space, network in and out and errors. The host is the dashboard's `instance` variable
 * (every host, or the ones picked); `job` and extra matchers narrow the targets.
 */
import { equals, familyDashboard, panelTemplate, rate, resolveParams, selector, usedShare, type PanelTemplate, type TemplateFamily, type TemplateParams } from './template.js';

const parameters = [
  { name: 'job', label: 'Job', description: 'The scrape job of the node_exporters.', kind: 'value', default: 'node' },
  { name: 'matchers', label: 'Extra label matchers', description: 'Narrows every query, e.g. env="prod".', kind: 'matchers', default: '' },
] as const;

/** Pseudo file systems that only add noise to a space chart. */
const REAL_FS = 'fstype!~"tmpfs|ramfs|devtmpfs|overlay|squashfs|nsfs|autofs|fuse.*"';

/** `metric{job="…", instance=~"$instance", …}` for this family's parameters. */
function on(metric: string, p: Record<string, string>, ...more: string[]): string {
  return selector(metric, equals('job', p['job']!), 'instance=~"$instance"', p['matchers'], ...more);
}


const panel = (id: string, title: string, description: string, type: PanelTemplate['type'], build: Parameters<typeof panelTemplate>[2]) => panelTemplate({ id: 'node', parameters }, { id, title, description, type }, build);

const timeseries = (unit: string, extra: Record<string, unknown> = {}) => ({ defaults: { unit, ...extra }, overrides: [] });

const panels: PanelTemplate[] = [
  panel('cpu-busy', 'CPU busy', 'Share of CPU time not idle, per host.', 'timeseries', (p) => ({
    type: 'timeseries',
    title: 'CPU busy',
    description: 'Share of CPU time spent on anything but idle, averaged over the host\'s CPUs.',
    size: { w: 12, h: 8 },
    targets: [{ refId: 'A', expr: `1 - avg by (instance) (${rate(on('node_cpu_seconds_total', p, 'mode="idle"'))})`, legendFormat: '{{instance}}' }],
    fieldConfig: timeseries('percentunit', { min: 0, max: 1 }),
  })),
  panel('cpu-modes', 'CPU by mode', 'Where CPU time goes: user, system, iowait, …', 'timeseries', (p) => ({
    type: 'timeseries',
    title: 'CPU by mode',
    description: 'Share of CPU time in each mode other than idle, averaged over the CPUs of the chosen hosts.',
    size: { w: 12, h: 8 },
    targets: [{ refId: 'A', expr: `avg by (mode) (${rate(on('node_cpu_seconds_total', p, 'mode!="idle"'))})`, legendFormat: '{{mode}}' }],
    fieldConfig: timeseries('percentunit', { min: 0, custom: { stacking: { mode: 'normal' }, fillOpacity: 20 } }),
  })),
  panel('load-per-cpu', 'Load per CPU', 'The 1, 5 and 15 minute load averages divided by the CPU count.', 'timeseries', (p) => {
    const cpus = `count by (instance) (${on('node_cpu_seconds_total', p, 'mode="idle"')})`;
    return {
      type: 'timeseries',
      title: 'Load per CPU',
      description: 'Load average over 1, 5 and 15 minutes divided by the number of CPUs: above 1, work waits.',
      size: { w: 12, h: 8 },
      targets: (['1', '5', '15'] as const).map((m, i) => ({ refId: String.fromCharCode(65 + i), expr: `${on(`node_load${m}`, p)} / on (instance) ${cpus}`, legendFormat: `{{instance}} ${m}m` })),
      fieldConfig: timeseries('none', { min: 0, decimals: 2 }),
    };
  }),
  panel('memory-used', 'Memory used', 'Share of memory in use (not available), per host.', 'gauge', (p) => ({
    type: 'gauge',
    title: 'Memory used',
    description: 'Memory in use: total less what the kernel reports as available.',
    size: { w: 6, h: 8 },
    targets: [{ refId: 'A', expr: `1 - ${on('node_memory_MemAvailable_bytes', p)} / ${on('node_memory_MemTotal_bytes', p)}`, legendFormat: '{{instance}}' }],
    fieldConfig: { defaults: usedShare(), overrides: [] },
  })),
  panel('memory', 'Memory', 'Used and available memory in bytes, per host.', 'timeseries', (p) => ({
    type: 'timeseries',
    title: 'Memory',
    description: 'Memory in use and memory available, in bytes.',
    size: { w: 18, h: 8 },
    targets: [
      { refId: 'A', expr: `${on('node_memory_MemTotal_bytes', p)} - ${on('node_memory_MemAvailable_bytes', p)}`, legendFormat: '{{instance}} used' },
      { refId: 'B', expr: on('node_memory_MemAvailable_bytes', p), legendFormat: '{{instance}} available' },
    ],
    fieldConfig: timeseries('bytes', { min: 0 }),
  })),
  panel('disk-io', 'Disk I/O', 'Bytes read and written per second, per host.', 'timeseries', (p) => ({
    type: 'timeseries',
    title: 'Disk I/O',
    description: 'Bytes read and written per second, summed over each host\'s disks.',
    size: { w: 12, h: 8 },
    targets: [
      { refId: 'A', expr: `sum by (instance) (${rate(on('node_disk_read_bytes_total', p))})`, legendFormat: '{{instance}} read' },
      { refId: 'B', expr: `sum by (instance) (${rate(on('node_disk_written_bytes_total', p))})`, legendFormat: '{{instance}} written' },
    ],
    fieldConfig: timeseries('Bps', { min: 0 }),
  })),
  panel('disk-space', 'Disk space used', 'Share of each real file system in use.', 'bargauge', (p) => ({
    type: 'bargauge',
    title: 'Disk space used',
    description: 'Share of each file system in use (pseudo file systems such as tmpfs left out).',
    size: { w: 12, h: 8 },
    targets: [{ refId: 'A', expr: `1 - ${on('node_filesystem_avail_bytes', p, REAL_FS)} / ${on('node_filesystem_size_bytes', p, REAL_FS)}`, legendFormat: '{{instance}} {{mountpoint}}', instant: true }],
    fieldConfig: { defaults: usedShare(), overrides: [] },
  })),
  panel('network', 'Network traffic', 'Bytes received and sent per second, per host.', 'timeseries', (p) => ({
    type: 'timeseries',
    title: 'Network traffic',
    description: 'Bytes received and sent per second over each host\'s interfaces (loopback left out).',
    size: { w: 12, h: 8 },
    targets: [
      { refId: 'A', expr: `sum by (instance) (${rate(on('node_network_receive_bytes_total', p, 'device!="lo"'))})`, legendFormat: '{{instance}} in' },
      { refId: 'B', expr: `sum by (instance) (${rate(on('node_network_transmit_bytes_total', p, 'device!="lo"'))})`, legendFormat: '{{instance}} out' },
    ],
    fieldConfig: timeseries('Bps', { min: 0 }),
  })),
  panel('network-errors', 'Network errors', 'Receive and transmit errors per second, per host.', 'timeseries', (p) => ({
    type: 'timeseries',
    title: 'Network errors',
    description: 'Receive and transmit errors per second over each host\'s interfaces.',
    size: { w: 12, h: 8 },
    targets: [
      { refId: 'A', expr: `sum by (instance) (${rate(on('node_network_receive_errs_total', p, 'device!="lo"'))})`, legendFormat: '{{instance}} receive' },
      { refId: 'B', expr: `sum by (instance) (${rate(on('node_network_transmit_errs_total', p, 'device!="lo"'))})`, legendFormat: '{{instance}} transmit' },
    ],
    fieldConfig: timeseries('short', { min: 0 }),
  })),
];

/** node_exporter hosts: CPU, load, memory, disk and network. */
export const nodeTemplates: TemplateFamily = {
  id: 'node',
  title: 'Hosts (node_exporter)',
  description: 'CPU, load, memory, disk and network of the hosts a node_exporter runs on.',
  parameters,
  panels,
  variables(params?: TemplateParams) {
    const p = resolveParams(nodeTemplates, params);
    return [
      {
        type: 'query',
        name: 'instance',
        label: 'Host',
        query: `label_values(${selector('node_uname_info', equals('job', p['job']!), p['matchers'])}, instance)`,
        multi: true,
        includeAll: true,
        allValue: '.+',
        sort: 'alpha-asc',
        current: { value: ['$__all'] },
      },
    ];
  },
  dashboard(params?: TemplateParams) {
    return familyDashboard(nodeTemplates, params, {
      uid: 'node-hosts',
      title: 'Hosts',
      description: 'CPU, load, memory, disk and network from node_exporter.',
      tags: ['node_exporter', 'template'],
    });
  },
};
