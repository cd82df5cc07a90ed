// @ts-check
/**
 * Debian's real node_exporter (`prometheus-node-exporter`) on a free loopback port, reporting on
 * the machine the tests run on; stopped with the test run (and with its parent, by pdeathsig).
 */
import { spawn } from 'node:child_process';
import { freePort } from './prometheus.mjs';

/**
 * Starts node_exporter and waits until it answers /metrics.
 * @returns {Promise<{ host: string, url: string, stop: () => Promise<void> }>}
 */
export async function startNodeExporter() {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  let stderr = '';
  const child = spawn('setpriv', ['--pdeathsig', 'TERM', 'prometheus-node-exporter', `--web.listen-address=${host}`, '--log.level=warn'], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus-node-exporter exited with ${child.exitCode}:\n${stderr}`);
    try {
      if ((await fetch(`http://${host}/metrics`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus-node-exporter did not answer on ${host} within 15 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { host, url: `http://${host}`, stop };
}
