// @ts-check
/**
 * A throwaway PostgreSQL server from Debian's `postgresql` package: `initdb` into a temporary
 * folder, started on a free loopback port (its socket in that folder too), removed when stopped.
 * As root, it runs as the `postgres` user (PostgreSQL refuses to run as root).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './prometheus.mjs';

const run = promisify(execFile);

/** The folder of initdb and pg_ctl: PG_BIN, else the newest /usr/lib/postgresql/N/bin. */
export function postgresBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions.length) throw new Error('PostgreSQL server programs not found: install Debian\'s "postgresql" package (npm test does, as root), or set PG_BIN to the folder holding initdb and pg_ctl.');
  return join(root, /** @type {string} */ (versions[0]), 'bin');
}

/**
 * Starts the server; `connectionString` reaches its `postgres` database as user `promkit`. The
 * server is this process's child (not daemonised) and dies with it (pdeathsig).
 * @returns {Promise<{ connectionString: string, stop: () => Promise<void> }>}
 */
export async function startPostgres() {
  const bin = postgresBin();
  const dir = await mkdtemp(join(tmpdir(), 'promkit-postgres-'));
  // As root, run as the postgres user: PostgreSQL refuses to run as root.
  const as = process.getuid?.() === 0 ? ['--reuid=postgres', '--regid=postgres', '--init-groups'] : [];
  if (as.length) {
    const { stdout: uid } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(uid), Number(gid));
  }
  const data = join(dir, 'data');
  await run('setpriv', [...as, join(bin, 'initdb'), '-D', data, '-U', 'promkit', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-instructions']);
  const port = await freePort();
  const server = spawn('setpriv', [...as, '--pdeathsig', 'TERM', join(bin, 'postgres'), '-D', data, '-c', 'listen_addresses=127.0.0.1', '-c', `port=${port}`, '-c', `unix_socket_directories=${dir}`, '-c', 'fsync=off'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  server.stderr.on('data', (chunk) => (log += chunk));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGQUIT');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const connectionString = `postgresql://promkit@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited with ${server.exitCode}:\n${log}`);
    const ready = await run(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']).then(() => true, () => false);
    if (ready) return { connectionString, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`postgres did not accept connections on port ${port} within 30 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
