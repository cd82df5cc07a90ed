// @ts-check
/**
 * A small Kubernetes cluster's hour of metrics, shaped as kube-state-metrics, node-exporter and
 * cAdvisor expose them (the names and labels that public Kubernetes dashboards query), on the
 * deterministic dataset's time grid (T0, STEP, SAMPLE_COUNT). Four nodes of four CPUs and 16 GiB,
 * five namespaces with three pods each. Values move in slow waves, so lines, stats and bar gauges
 * have something to show; nothing here is a measurement.
 */
import { SAMPLE_COUNT, STEP, T0 } from './dataset.mjs';

/** @typedef {import('./dataset.mjs').Family} Family */
/** @typedef {import('./dataset.mjs').Labels} Labels */

export const CLUSTER = 'demo';
const GIB = 2 ** 30;
const MIB = 2 ** 20;
const NODES = ['node-1', 'node-2', 'node-3', 'node-4'];
const CPUS = ['0', '1', '2', '3'];
const NAMESPACES = ['default', 'kube-system', 'monitoring', 'ingress-nginx', 'cert-manager'];
const PODS = NAMESPACES.flatMap((namespace, n) => [0, 1, 2].map((k) => ({ namespace, pod: `${namespace}-${['api', 'worker', 'cache'][k]}-${n}${k}`, node: NODES[(n + k) % NODES.length] ?? 'node-1', k: n * 3 + k, kind: ['ReplicaSet', 'StatefulSet', 'DaemonSet'][k] ?? 'ReplicaSet' })));
/** How long each node has been up at T0, in seconds (node-1: 9.5 hours). */
const UPTIME_AT_T0 = (/** @type {number} */ n) => 9.5 * 3600 + n * 86_400;

/** A slow wave between -1 and 1: `period` samples long, shifted by `phase`. */
const wave = (/** @type {number} */ i, /** @type {number} */ period, /** @type {number} */ phase = 0) => Math.sin((2 * Math.PI * i) / period + phase);

/**
 * A counter that grows by `perStep(i)` at each sample after the first.
 * @param {(i: number) => number} perStep
 * @returns {(i: number) => number}
 */
function counter(perStep) {
  const totals = [0];
  for (let i = 1; i < SAMPLE_COUNT; i++) totals.push((totals[i - 1] ?? 0) + perStep(i));
  return (i) => totals[i] ?? Number.NaN;
}

/** Busy share of one node's CPUs (user + system) at sample i. */
const busyShare = (/** @type {number} */ node, /** @type {number} */ i) => 0.025 + 0.008 * node + 0.012 * wave(i, 80, node) + (i > 60 && i < 70 ? 0.05 * node : 0);

/**
 * A family of one series per item, each valued `value(item, i)`.
 * @template T
 * @param {string} name @param {string} help @param {readonly T[]} items
 * @param {(item: T) => Labels} labels @param {(item: T, i: number) => number} [value]
 * @returns {Family}
 */
function gauges(name, help, items, labels, value = () => 1) {
  return { name, type: 'gauge', help, series: items.map((item) => ({ labels: { cluster: CLUSTER, ...labels(item) }, value: (i) => value(item, i) })) };
}

const nodeLabels = (/** @type {string} */ node) => ({ job: 'node-exporter', instance: `${node}:9100`, node });
const count = (/** @type {number} */ n, /** @type {string} */ prefix) => Array.from({ length: n }, (_, k) => ({ namespace: NAMESPACES[k % NAMESPACES.length] ?? 'default', name: `${prefix}-${k}` }));
/** Pods with CPU and memory limits (every third pod sets none). */
const limited = PODS.filter((p) => p.k % 3 !== 2);

/** @type {Family[]} */
export const CLUSTER_FAMILIES = [
  {
    name: 'node_cpu_seconds',
    type: 'counter',
    help: 'Seconds the CPUs spent in each mode.',
    series: NODES.flatMap((node, n) =>
      CPUS.flatMap((cpu) =>
        ['user', 'system', 'iowait', 'idle'].map((mode) => {
          const share = (/** @type {number} */ i) => {
            const busy = busyShare(n, i);
            return { user: busy * 0.7, system: busy * 0.3, iowait: 0.002, idle: 1 - busy - 0.002 }[mode] ?? 0;
          };
          return { labels: { cluster: CLUSTER, ...nodeLabels(node), cpu, mode }, value: counter((i) => STEP * share(i)) };
        }),
      ),
    ),
  },
  gauges('node_memory_MemTotal_bytes', 'Memory total in bytes.', NODES, nodeLabels, () => 16 * GIB),
  gauges('node_memory_MemAvailable_bytes', 'Memory available in bytes.', NODES, nodeLabels, (node, i) => 16 * GIB * (0.36 - 0.02 * NODES.indexOf(node) - 0.015 * wave(i, 120, NODES.indexOf(node)))),
  gauges('machine_cpu_cores', 'Number of logical CPU cores.', NODES, (node) => ({ node }), () => CPUS.length),
  gauges('machine_memory_bytes', 'Amount of installed memory.', NODES, (node) => ({ node }), () => 16 * GIB),
  gauges('kube_node_info', 'Information about a cluster node.', NODES, (node) => ({ node })),
  gauges('kube_namespace_created', 'Unix creation timestamp.', NAMESPACES, (namespace) => ({ namespace }), () => 1_690_000_000),
  gauges('kube_namespace_labels', 'Kubernetes labels converted to Prometheus labels.', NAMESPACES, (namespace) => ({ namespace })),
  gauges('kube_pod_info', 'Information about pod.', PODS, ({ namespace, pod, node, kind, k }) => ({ namespace, pod, node, created_by_kind: kind, created_by_name: pod.replace(/-\d+$/, ''), pod_ip: `10.1.0.${k + 10}`, host_ip: `10.0.0.${NODES.indexOf(node) + 1}` })),
  gauges('node_uname_info', 'Labeled system information as provided by the uname system call.', NODES, (node) => ({ ...nodeLabels(node), nodename: node }), () => 1),
  gauges('node_time_seconds', 'System time in seconds since epoch.', NODES, nodeLabels, (_, i) => T0 + i * STEP),
  gauges('node_boot_time_seconds', 'Node boot time, in unixtime.', NODES, nodeLabels, (node) => T0 - UPTIME_AT_T0(NODES.indexOf(node))),
  gauges('kube_pod_status_phase', 'The pods current phase.', PODS.flatMap((p) => ['Running', 'Pending'].map((phase) => ({ ...p, phase }))), ({ namespace, pod, phase }) => ({ namespace, pod, phase }), ({ phase }) => (phase === 'Running' ? 1 : 0)),
  gauges('kube_pod_container_status_running', 'Describes whether the container is currently in running state.', PODS, ({ namespace, pod }) => ({ namespace, pod, container: 'main' })),
  gauges('kube_pod_container_resource_requests', 'The number of requested request resource by a container.', PODS.flatMap((p) => ['cpu', 'memory'].map((resource) => ({ ...p, resource }))), ({ namespace, pod, node, resource }) => ({ namespace, pod, node, container: 'main', resource, unit: resource === 'cpu' ? 'core' : 'byte' }), ({ resource, k }) => (resource === 'cpu' ? 0.05 + 0.05 * (k % 3) : (64 + 32 * (k % 4)) * MIB)),
  gauges('kube_pod_container_resource_limits', 'The number of requested limit resource by a container.', limited.flatMap((p) => ['cpu', 'memory'].map((resource) => ({ ...p, resource }))), ({ namespace, pod, node, resource }) => ({ namespace, pod, node, container: 'main', resource, unit: resource === 'cpu' ? 'core' : 'byte' }), ({ resource, k }) => (resource === 'cpu' ? 0.2 + 0.1 * (k % 2) : (128 + 64 * (k % 3)) * MIB)),
  gauges('kube_service_info', 'Information about service.', count(9, 'svc'), ({ namespace, name }) => ({ namespace, service: name })),
  gauges('kube_endpoint_info', 'Information about endpoint.', count(9, 'svc'), ({ namespace, name }) => ({ namespace, endpoint: name })),
  gauges('kube_deployment_labels', 'Kubernetes labels converted to Prometheus labels.', count(7, 'deploy'), ({ namespace, name }) => ({ namespace, deployment: name })),
  gauges('kube_statefulset_labels', 'Kubernetes labels converted to Prometheus labels.', count(2, 'sts'), ({ namespace, name }) => ({ namespace, statefulset: name })),
  gauges('kube_daemonset_labels', 'Kubernetes labels converted to Prometheus labels.', count(3, 'ds'), ({ namespace, name }) => ({ namespace, daemonset: name })),
  gauges('kube_configmap_info', 'Information about configmap.', count(18, 'cm'), ({ namespace, name }) => ({ namespace, configmap: name })),
  gauges('kube_secret_info', 'Information about secret.', count(11, 'secret'), ({ namespace, name }) => ({ namespace, secret: name })),
  {
    name: 'container_cpu_usage_seconds',
    type: 'counter',
    help: 'Cumulative cpu time consumed in seconds.',
    series: PODS.map((p) => ({
      labels: { cluster: CLUSTER, namespace: p.namespace, pod: p.pod, container: 'main', image: `registry.example/${p.namespace}:1.0`, node: p.node },
      value: counter((i) => STEP * (0.01 + 0.006 * (p.k % 5) + 0.004 * wave(i, 60, p.k))),
    })),
  },
  gauges('container_memory_working_set_bytes', 'Current working set in bytes.', PODS, ({ namespace, pod, node }) => ({ namespace, pod, node, container: 'main', image: `registry.example/${namespace}:1.0` }), ({ k }, i) => (48 + 24 * (k % 4) + 6 * wave(i, 90, k)) * MIB),
  ...['receive', 'transmit'].map((direction) => ({
    name: `node_network_${direction}_bytes`,
    type: /** @type {const} */ ('counter'),
    help: `Network device statistic ${direction}_bytes.`,
    series: NODES.flatMap((node, n) =>
      ['eth0', 'lo'].map((device) => ({
        labels: { cluster: CLUSTER, ...nodeLabels(node), device },
        value: counter((i) => STEP * (device === 'lo' ? 20_000 : 400_000 + 150_000 * n) * (direction === 'receive' ? 1 : 0.6) * (1 + 0.3 * wave(i, 70, n))),
      })),
    ),
  })),
];
