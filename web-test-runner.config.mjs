// @ts-check
/**
 * Browser tests in Debian's Chromium (never a downloaded browser), against a real Prometheus that
 * this config starts for the run. Packages resolve to their built `dist/` output, so the browser
 * runs what npm users get.
 */
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { startPrometheus } from './tests/harness/prometheus.mjs';

/** @type {import('./tests/harness/prometheus.mjs').RunningPrometheus | undefined} */
let prometheus;

export const CHROMIUM = process.env.PROMKIT_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['tests/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022' }),
    {
      name: 'real-prometheus',
      async serverStart() {
        prometheus = await startPrometheus({});
      },
      async serverStop() {
        await prometheus?.stop();
      },
    },
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS } })],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <body>
    <script>
      window.process = { env: { NODE_ENV: 'production' } };
      window.__PROMKIT_TEST__ = ${JSON.stringify({ prometheusUrl: prometheus?.url })};
    </script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
