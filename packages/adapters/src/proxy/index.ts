export { createPrometheusProxy, type PrometheusProxyOptions } from './proxy.js';
export { toNodeHandler } from './node.js';
export { READ_ENDPOINTS, type ReadEndpoint } from './routes.js';
export { DEFAULT_LIMITS, type ProxyLimits } from './limits.js';
