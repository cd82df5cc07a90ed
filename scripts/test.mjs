// @ts-check
/**
 * `npm test`: everything, from a fresh clone. Installs what is missing, type-checks, builds,
 * runs vitest (unit tests and integration tests against a real Prometheus) and the browser tests
 * in Debian's Chromium, then prints one closing line: "N passed, N failed".
 * A skipped test counts as a failure: every test must run.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureNodeModules, ensureSystemParts, run, versionOf } from './ensure.mjs';

ensureNodeModules();
ensureSystemParts();
console.log(`promkit: ${versionOf('prometheus')}; ${versionOf(process.env.PROMKIT_CHROMIUM ?? 'chromium')}`);

const started = Date.now();
const outDir = join(ROOT, 'test-output');
mkdirSync(outDir, { recursive: true });

step('type-check', () => run('npx', ['tsc', '-b']));
step('build', () => run('npm', ['run', 'build', '--silent']));
step('build the Storybook catalog', () => run('npx', ['storybook', 'build', '--quiet', '-o', 'storybook-static']));

/** @type {{ suite: string, passed: number, failed: number, skipped: number }[]} */
const results = [];

const vitestJson = join(outDir, 'vitest.json');
const vitest = await runCapturing('npx', ['vitest', 'run', '--project', 'unit', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
results.push({ suite: 'vitest (unit + integration)', ...vitestCounts(vitestJson, vitest.code) });

const browser = await runCapturing('npx', ['web-test-runner']);
results.push({ suite: 'browser (Chromium)', ...browserCounts(browser.output, browser.code) });

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed + r.skipped, 0);
console.log('\npromkit test summary');
for (const r of results) {
  const skipped = r.skipped ? `, ${r.skipped} skipped (not allowed)` : '';
  console.log(`  ${r.suite}: ${r.passed} passed, ${r.failed} failed${skipped}`);
}
console.log(`  took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

/** @param {string} name @param {() => void} body */
function step(name, body) {
  const t = Date.now();
  body();
  console.log(`promkit: ${name} ok (${Math.round((Date.now() - t) / 100) / 10} s)`);
}

/**
 * Runs a command, echoing and keeping its output.
 * @param {string} command @param {string[]} args
 * @returns {Promise<{ code: number, output: string }>}
 */
function runCapturing(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    const keep = (/** @type {Buffer} */ chunk, /** @type {NodeJS.WriteStream} */ to) => {
      output += chunk;
      to.write(chunk);
    };
    child.stdout.on('data', (chunk) => keep(chunk, process.stdout));
    child.stderr.on('data', (chunk) => keep(chunk, process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * Counts from vitest's JSON report; a run that crashed before reporting counts as one failure.
 * @param {string} file
 * @param {number | null} code
 */
function vitestCounts(file, code) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const failedSuites = report.numFailedTestSuites ?? 0;
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + (report.numFailedTests === 0 && (failedSuites > 0 || code !== 0) ? 1 : 0),
      skipped: report.numPendingTests + report.numTodoTests,
    };
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

/**
 * Counts from web-test-runner's last progress line.
 * @param {string} output
 * @param {number | null} code
 */
function browserCounts(output, code) {
  const plain = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const lines = [...plain.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)];
  const last = lines.at(-1);
  if (!last) return { passed: 0, failed: 1, skipped: 0 };
  const failed = Number(last[2]);
  return { passed: Number(last[1]), failed: failed + (failed === 0 && code !== 0 ? 1 : 0), skipped: Number(last[3] ?? 0) };
}
