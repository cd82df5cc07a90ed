/// <reference types="mocha" />
/** What web-test-runner.config.mjs puts on the test page. */
interface Window {
  /** Set by web-test-runner.config.mjs: the real Prometheus, and a misbehaving upstream in front of it. */
  __PROMKIT_TEST__: { prometheusUrl: string; misbehavingUrl: string; streamUrl: string };
}
