/// <reference types="mocha" />
/** What web-test-runner.config.mjs puts on the test page. */
interface Window {
  __PROMKIT_TEST__: { prometheusUrl: string };
}
