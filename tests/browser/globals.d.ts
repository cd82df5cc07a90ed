/// <reference types="mocha" />
/** What web-test-runner.config.mjs puts on the test page. */
interface Window {
  /** Set by web-test-runner.config.mjs: the real Prometheus, one with a Kubernetes cluster's hour (clusterUrl), and a misbehaving upstream in front of the first. */
  __PROMKIT_TEST__: { prometheusUrl: string; clusterUrl: string; misbehavingUrl: string; streamUrl: string };
}
