// @ts-check
/**
 * Makes a fresh clone runnable: installs node modules when missing or stale, and the system
 * parts the tests and demo need (Debian's prometheus, chromium, victoria-metrics…) when it can,
 * that is on Debian as root. Anywhere else it stops and names exactly what to install.
 * Uses only Node's standard library, because it runs before node_modules exists.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Commands the project needs, and the Debian package that provides each. */
const SYSTEM_PARTS = [
  { command: 'prometheus', pkg: 'prometheus', why: 'the real Prometheus that tests and the demo run against' },
  { command: 'promtool', pkg: 'prometheus', why: 'backfills the deterministic test history' },
  { command: process.env.PROMKIT_CHROMIUM ?? 'chromium', pkg: 'chromium', why: 'headless browser for browser tests' },
  { command: 'pg_ctlcluster', pkg: 'postgresql', why: 'a real PostgreSQL server the dashboard store is tested against' },
  { command: 'prometheus-node-exporter', pkg: 'prometheus-node-exporter', why: 'the real node_exporter the host templates are tested against' },
  { command: 'victoria-metrics', pkg: 'victoria-metrics', why: 'the real VictoriaMetrics the client and query engine are also tested against' },
];

/**
 * Runs a command with inherited output; exits the process if it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

/** @param {string} command */
function has(command) {
  return spawnSync('sh', ['-c', `command -v "${command}"`], { stdio: 'ignore' }).status === 0;
}

/** Installs node modules when node_modules is missing or older than package-lock.json. */
export function ensureNodeModules() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  // `npm install` rather than `npm ci`: both install the locked versions, but `npm ci` refuses a
  // lock file that lacks other platforms' optional packages (e.g. rollup's native binaries), which
  // a registry mirror without them produces.
  console.log('promkit: installing node modules (npm install, locked versions)…');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

/** Installs missing system parts with apt-get when possible, else exits naming them. */
export function ensureSystemParts() {
  const missing = SYSTEM_PARTS.filter((part) => !has(part.command));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((part) => part.pkg))];
  const canApt = process.getuid?.() === 0 && existsSync('/etc/debian_version') && has('apt-get');
  if (!canApt) {
    console.error('promkit needs these programs, which are not installed:');
    for (const part of missing) console.error(`  - ${part.command} (Debian/Ubuntu package "${part.pkg}"): ${part.why}`);
    console.error(`Install them, e.g. as root on Debian: apt-get install --no-install-recommends ${packages.join(' ')}`);
    console.error('A Chromium elsewhere can be named with PROMKIT_CHROMIUM=/path/to/chromium.');
    process.exit(1);
  }
  console.log(`promkit: installing ${packages.join(', ')} from Debian…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
  const still = SYSTEM_PARTS.filter((part) => !has(part.command));
  if (still.length > 0) {
    console.error(`Installed ${packages.join(', ')} but still missing: ${still.map((p) => p.command).join(', ')}.`);
    process.exit(1);
  }
}

/**
 * The version line of an installed command, for the log.
 * @param {string} command
 */
export function versionOf(command) {
  try {
    return execFileSync(command, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0];
  } catch {
    return 'unknown version';
  }
}
