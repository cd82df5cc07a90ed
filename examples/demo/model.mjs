// @ts-check
/**
 * The demo's world: an online shop's API, its ingestion pipeline, a rack of mining rigs and two
 * hosts, each metric written as a function of time. The live exporter and the backfilled history
 * both read this one definition, so the seven days of history run straight into the live samples.
 *
 * Counters are described by their rate (per second), gauges by their value, histograms by their
 * request rate and a log-normal latency. Noise is deterministic: the same series at the same
 * 15-second slot always gets the same jitter.
 */

/** @typedef {Record<string, string>} Labels */
/**
 * @typedef {{ kind: 'counter', family: string, labels: Labels, rate: (t: number) => number }
 *   | { kind: 'gauge', family: string, labels: Labels, value: (t: number) => number }
 *   | { kind: 'histogram', family: string, labels: Labels, rate: (t: number) => number, latency: (t: number) => Latency }} Series
 * @typedef {{ median: number, sigma: number }} Latency log-normal latency, in seconds
 * @typedef {{ name: string, help: string, kind: Series['kind'] }} Family
 * @typedef {(t: number) => number} Fn a value or rate over time
 */

/** Upper bounds of the latency histogram's buckets, in seconds. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

const DAY = 86_400;
/** Incidents recur every 5 h 17 min (so they drift across the day) and last 12 minutes. */
const INCIDENT_PERIOD = 19_020;
const INCIDENT_LENGTH = 720;

/** Families, with the help text the exporter and the history both publish. */
export const FAMILIES = /** @type {const} @satisfies {Record<string, Family>} */ ({
  requests: { name: 'demo_http_requests_total', kind: 'counter', help: 'HTTP requests served, by method, route and status.' },
  duration: { name: 'demo_http_request_duration_seconds', kind: 'histogram', help: 'Time to serve an HTTP request, in seconds.' },
  storageUsed: { name: 'demo_storage_used_bytes', kind: 'gauge', help: 'Bytes stored by the shop, counted against the quota.' },
  storageQuota: { name: 'demo_storage_quota_bytes', kind: 'gauge', help: 'Storage quota of the shop, in bytes.' },
  ingested: { name: 'demo_pipeline_events_ingested_total', kind: 'counter', help: 'Events written by the ingestion pipeline, by table.' },
  failed: { name: 'demo_pipeline_events_failed_total', kind: 'counter', help: 'Events the pipeline gave up on, by table and reason.' },
  lag: { name: 'demo_pipeline_lag_seconds', kind: 'gauge', help: 'Age of the oldest event not yet written, in seconds.' },
  buffer: { name: 'demo_pipeline_buffer_events', kind: 'gauge', help: 'Events waiting in the pipeline buffer.' },
  rows: { name: 'demo_pipeline_table_rows', kind: 'gauge', help: 'Rows in each destination table.' },
  power: { name: 'demo_device_power_watts', kind: 'gauge', help: 'Power drawn by each rig, in watts.' },
  hashrate: { name: 'demo_device_hashrate_hashes_per_second', kind: 'gauge', help: 'Hash rate of each rig.' },
  temperature: { name: 'demo_device_temperature_celsius', kind: 'gauge', help: 'Board temperature of each rig, in degrees Celsius.' },
  cpu: { name: 'node_cpu_seconds_total', kind: 'counter', help: 'Seconds the CPUs spent in each mode.' },
  memTotal: { name: 'node_memory_MemTotal_bytes', kind: 'gauge', help: 'Memory information field MemTotal_bytes.' },
  memAvailable: { name: 'node_memory_MemAvailable_bytes', kind: 'gauge', help: 'Memory information field MemAvailable_bytes.' },
  diskRead: { name: 'node_disk_read_bytes_total', kind: 'counter', help: 'The total number of bytes read successfully.' },
  diskWritten: { name: 'node_disk_written_bytes_total', kind: 'counter', help: 'The total number of bytes written successfully.' },
  netReceive: { name: 'node_network_receive_bytes_total', kind: 'counter', help: 'Network device statistic receive_bytes.' },
  netTransmit: { name: 'node_network_transmit_bytes_total', kind: 'counter', help: 'Network device statistic transmit_bytes.' },
  fsSize: { name: 'node_filesystem_size_bytes', kind: 'gauge', help: 'Filesystem size in bytes.' },
  fsAvail: { name: 'node_filesystem_avail_bytes', kind: 'gauge', help: 'Filesystem space available to non-root users in bytes.' },
  load1: { name: 'node_load1', kind: 'gauge', help: '1m load average.' },
  uname: { name: 'node_uname_info', kind: 'gauge', help: 'Labeled system information as provided by the uname system call.' },
  processCpu: { name: 'process_cpu_seconds_total', kind: 'counter', help: 'Total user and system CPU time spent in seconds.' },
  processMemory: { name: 'process_resident_memory_bytes', kind: 'gauge', help: 'Resident memory size in bytes.' },
});

/** Families the live exporter takes from prom-client's real process metrics instead of the model. */
export const MEASURED_WHEN_LIVE = new Set(/** @type {string[]} */ ([FAMILIES.processCpu.name, FAMILIES.processMemory.name]));

/**
 * A number in [0, 1) fixed by a key and a slot: deterministic noise.
 * @param {string} key
 * @param {number} slot
 */
export function noise(key, slot) {
  let h = 2_166_136_261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16_777_619);
  h = Math.imul(h ^ Math.imul(slot | 0, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4_294_967_296;
}

/**
 * Jitter around 1 (±spread) for a key, constant within each 15-second slot.
 * @param {string} key
 * @param {number} t
 */
function jitter(key, t, spread = 0.15) {
  return 1 - spread + 2 * spread * noise(key, Math.floor(t / 15));
}

/**
 * Daily traffic shape: quiet at 03:00 UTC, busiest at 15:00 UTC; weekends at 70 %.
 * @param {number} t
 */
export function traffic(t) {
  const day = Math.sin((2 * Math.PI * (t - 9 * 3600)) / DAY);
  const weekday = new Date(t * 1000).getUTCDay();
  return (1 + 0.45 * day) * (weekday === 0 || weekday === 6 ? 0.7 : 1);
}

/**
 * How bad the recurring incident is at t: 0 outside it, rising to 1 and back inside it.
 * @param {number} t
 */
export function incident(t) {
  const into = (((t - 4_000) % INCIDENT_PERIOD) + INCIDENT_PERIOD) % INCIDENT_PERIOD;
  return into < INCIDENT_LENGTH ? Math.sin((Math.PI * into) / INCIDENT_LENGTH) : 0;
}

const ROUTES = [
  { method: 'GET', route: '/api/products', share: 0.38, median: 0.032, ok: '200', clientError: '404', clientShare: 0.01 },
  { method: 'GET', route: '/api/orders', share: 0.2, median: 0.058, ok: '200', clientError: '404', clientShare: 0.005 },
  { method: 'POST', route: '/api/orders', share: 0.08, median: 0.17, ok: '201', clientError: '400', clientShare: 0.03 },
  { method: 'GET', route: '/api/users/:id', share: 0.17, median: 0.021, ok: '200', clientError: '404', clientShare: 0.04 },
  { method: 'POST', route: '/api/login', share: 0.07, median: 0.11, ok: '200', clientError: '401', clientShare: 0.08 },
  { method: 'GET', route: '/healthz', share: 0.1, median: 0.0015, ok: '200', clientError: '404', clientShare: 0 },
];
/** Requests per second at an average moment. */
const BASE_REQUEST_RATE = 42;

const TABLES = [
  { table: 'orders', rate: 9, rowsAt2026: 48e6 },
  { table: 'payments', rate: 7, rowsAt2026: 39e6 },
  { table: 'sessions', rate: 36, rowsAt2026: 410e6 },
  { table: 'clicks', rate: 150, rowsAt2026: 2.9e9 },
  { table: 'inventory', rate: 3, rowsAt2026: 1.2e6 },
];
const FAILURE_REASONS = ['schema_mismatch', 'timeout', 'duplicate_key'];
/** 2026-01-01T00:00:00Z: where the slowly growing gauges are anchored. */
const EPOCH_2026 = 1_767_225_600;

const RIGS = ['rig-01', 'rig-02', 'rig-03', 'rig-04'];
const HOSTS = [
  { instance: 'web-1', cpus: 4, memory: 16 * 2 ** 30, disk: 256e9, busy: 0.35, release: '6.1.0-28-amd64' },
  { instance: 'db-1', cpus: 8, memory: 64 * 2 ** 30, disk: 2e12, busy: 0.55, release: '6.1.0-28-amd64' },
];
const CPU_MODES = ['user', 'system', 'iowait', 'idle'];

/** Every series of the demo: the shop's, the pipeline's, the rigs' and the hosts'. */
export function demoSeries() {
  return [...shopSeries(), ...pipelineSeries(), ...rigSeries(), ...hostSeries()];
}

/** @returns {Series[]} */
function shopSeries() {
  /** @type {Series[]} */
  const series = [];
  for (const r of ROUTES) {
    const key = `${r.method} ${r.route}`;
    /** @type {Fn} */
    const total = (t) => BASE_REQUEST_RATE * r.share * traffic(t);
    // The incident hits order creation hardest: errors and slow requests.
    /** @type {Fn} */
    const serverShare = (t) => 0.002 + (r.route === '/api/orders' ? 0.09 : 0.015) * incident(t);
    /** @type {(code: string, share: Fn) => Series} */
    const status = (code, share) => ({
      kind: /** @type {const} */ ('counter'),
      family: FAMILIES.requests.name,
      labels: { method: r.method, route: r.route, status: code },
      rate: (t) => total(t) * share(t) * jitter(`${key} ${code}`, t),
    });
    series.push(
      status(r.ok, (t) => 1 - r.clientShare - serverShare(t)),
      status(r.clientError, () => r.clientShare),
      status('500', serverShare),
    );
    series.push({
      kind: 'histogram',
      family: FAMILIES.duration.name,
      labels: { method: r.method, route: r.route },
      rate: total,
      latency: (t) => ({ median: r.median * (1 + 0.25 * traffic(t) + 4 * incident(t)) * jitter(`${key} latency`, t, 0.1), sigma: 0.6 }),
    });
  }
  const quota = 500 * 2 ** 30;
  series.push(
    gauge(FAMILIES.storageQuota.name, {}, () => quota),
    gauge(FAMILIES.storageUsed.name, {}, (t) => quota * (0.62 + ((t - EPOCH_2026) / (365 * DAY)) * 0.2) * jitter('storage', t, 0.002)),
    { kind: 'counter', family: FAMILIES.processCpu.name, labels: {}, rate: (t) => 0.04 + 0.08 * traffic(t) * jitter('process cpu', t) },
    gauge(FAMILIES.processMemory.name, {}, (t) => (180 + 40 * traffic(t) + 25 * noise('process memory', Math.floor(t / 60))) * 2 ** 20),
  );
  return series;
}

/** @returns {Series[]} */
function pipelineSeries() {
  /** @type {Series[]} */
  const series = [];
  for (const { table, rate, rowsAt2026 } of TABLES) {
    /** @type {Fn} */
    const ingest = (t) => rate * traffic(t) * (1 - 0.6 * incident(t));
    series.push({ kind: 'counter', family: FAMILIES.ingested.name, labels: { table }, rate: (t) => ingest(t) * jitter(`ingest ${table}`, t) });
    for (const reason of FAILURE_REASONS) {
      const base = reason === 'duplicate_key' ? 0.0008 : 0.0002;
      const spike = reason === 'timeout' ? 0.04 : 0;
      series.push({
        kind: 'counter',
        family: FAMILIES.failed.name,
        labels: { table, reason },
        rate: (t) => rate * traffic(t) * (base + spike * incident(t)) * jitter(`failed ${table} ${reason}`, t, 0.5),
      });
    }
    series.push(gauge(FAMILIES.rows.name, { table }, (t) => Math.round(rowsAt2026 + rate * (t - EPOCH_2026))));
  }
  series.push(
    gauge(FAMILIES.lag.name, {}, (t) => 1.5 + 2 * noise('lag', Math.floor(t / 15)) + 140 * incident(t)),
    gauge(FAMILIES.buffer.name, {}, (t) => Math.round(120 * traffic(t) * jitter('buffer', t, 0.3) + 9_000 * incident(t))),
  );
  return series;
}

/** @returns {Series[]} */
function rigSeries() {
  return RIGS.flatMap((device, i) => {
    // rig-03's fan is failing: it runs hot in waves and throttles when it does.
    /** @type {Fn} */
    const hot = (t) => (device === 'rig-03' ? Math.max(0, Math.sin((2 * Math.PI * t) / 5_400)) : 0);
    /** @type {Fn} */
    const temperature = (t) => 64 + 3 * i + 4 * traffic(t) + 24 * hot(t) + 1.5 * noise(`${device} temp`, Math.floor(t / 15));
    /** @type {Fn} */
    const throttle = (t) => Math.max(0, (temperature(t) - 82) / 20);
    return [
      gauge(FAMILIES.temperature.name, { device }, temperature),
      gauge(FAMILIES.power.name, { device }, (t) => (1_380 + 25 * i) * (1 - throttle(t)) * jitter(`${device} power`, t, 0.02)),
      gauge(FAMILIES.hashrate.name, { device }, (t) => (104 + 2 * i) * 1e12 * (1 - throttle(t)) * jitter(`${device} hash`, t, 0.03)),
    ];
  });
}

/** @returns {Series[]} */
function hostSeries() {
  return HOSTS.flatMap((h) => {
    const host = { job: 'node', instance: h.instance };
    /** @type {Fn} */
    const busy = (t) => Math.min(0.95, h.busy * traffic(t) + 0.3 * incident(t));
    /** @type {Series[]} */
    const series = [];
    for (let cpu = 0; cpu < h.cpus; cpu++) {
      /** @type {Record<'user' | 'system' | 'iowait', Fn>} */
      const share = {
        user: (t) => busy(t) * 0.7 * jitter(`${h.instance} ${cpu} user`, t, 0.2),
        system: (t) => busy(t) * 0.2 * jitter(`${h.instance} ${cpu} system`, t, 0.2),
        iowait: (t) => busy(t) * 0.1 * jitter(`${h.instance} ${cpu} iowait`, t, 0.4),
      };
      for (const mode of CPU_MODES) {
        // Idle is what the busy modes leave of the core; at a busy peak they can ask for more than all of it.
        const rate = mode === 'idle' ? (/** @type {number} */ t) => Math.max(0, 1 - share.user(t) - share.system(t) - share.iowait(t)) : share[/** @type {'user'} */ (mode)];
        series.push({ kind: 'counter', family: FAMILIES.cpu.name, labels: { ...host, cpu: String(cpu), mode }, rate });
      }
    }
    const disk = { ...host, device: 'nvme0n1' };
    const nic = { ...host, device: 'eth0' };
    const fs = { ...host, device: '/dev/nvme0n1p2', fstype: 'ext4', mountpoint: '/' };
    const fillPerSecond = h.disk * 0.05 / (30 * DAY);
    series.push(
      gauge(FAMILIES.memTotal.name, host, () => h.memory),
      gauge(FAMILIES.memAvailable.name, host, (t) => h.memory * (0.7 - 0.35 * busy(t)) * jitter(`${h.instance} mem`, t, 0.02)),
      { kind: 'counter', family: FAMILIES.diskRead.name, labels: disk, rate: (t) => 40e6 * busy(t) * jitter(`${h.instance} read`, t, 0.4) },
      { kind: 'counter', family: FAMILIES.diskWritten.name, labels: disk, rate: (t) => 25e6 * busy(t) * jitter(`${h.instance} write`, t, 0.4) },
      { kind: 'counter', family: FAMILIES.netReceive.name, labels: nic, rate: (t) => 12e6 * busy(t) * jitter(`${h.instance} rx`, t, 0.3) },
      { kind: 'counter', family: FAMILIES.netTransmit.name, labels: nic, rate: (t) => 30e6 * busy(t) * jitter(`${h.instance} tx`, t, 0.3) },
      gauge(FAMILIES.fsSize.name, fs, () => h.disk),
      // Free space shrinks through each month, and is cleaned up on the 1st.
      gauge(FAMILIES.fsAvail.name, fs, (t) => h.disk * 0.55 - fillPerSecond * (t % (30 * DAY))),
      gauge(FAMILIES.load1.name, host, (t) => h.cpus * busy(t) * jitter(`${h.instance} load`, t, 0.25)),
      gauge(FAMILIES.uname.name, { ...host, nodename: h.instance, release: h.release, machine: 'x86_64', sysname: 'Linux' }, () => 1),
    );
    return series;
  });
}

/**
 * @param {string} family
 * @param {Labels} labels
 * @param {(t: number) => number} value
 * @returns {Series}
 */
function gauge(family, labels, value) {
  return { kind: 'gauge', family, labels, value };
}

/**
 * Share of log-normal latencies at or below `le` seconds.
 * @param {number} le
 * @param {Latency} latency
 */
export function latencyShareBelow(le, { median, sigma }) {
  return 0.5 * (1 + erf(Math.log(le / median) / (sigma * Math.SQRT2)));
}

/**
 * Mean of a log-normal latency, in seconds.
 * @param {Latency} latency
 */
export function latencyMean({ median, sigma }) {
  return median * Math.exp((sigma * sigma) / 2);
}

/**
 * Error function (Abramowitz and Stegun 7.1.26, error below 1.5e-7).
 * @param {number} x
 */
function erf(x) {
  const sign = Math.sign(x);
  const a = Math.abs(x);
  const k = 1 / (1 + 0.327_591_1 * a);
  const poly = k * (0.254_829_592 + k * (-0.284_496_736 + k * (1.421_413_741 + k * (-1.453_152_027 + k * 1.061_405_429))));
  return sign * (1 - poly * Math.exp(-a * a));
}
