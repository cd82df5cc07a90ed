// @ts-check
/** Polls a server the harness started until it answers as wanted, failing fast when its process exits. */

/**
 * Calls `check` every `intervalMs` until it returns true (a throw counts as not yet). Throws,
 * quoting `log()`, when `exitCode()` says the process `name` ended, or with `timeoutMessage` (a
 * function is asked at that moment) after `timeoutMs`.
 * @param {() => Promise<boolean>} check
 * @param {{ name: string, timeoutMessage: string | (() => string), timeoutMs: number, exitCode: () => number | null, log: () => string, intervalMs?: number }} options
 */
export async function waitUntil(check, { name, timeoutMessage, timeoutMs, exitCode, log, intervalMs = 50 }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode() !== null) throw new Error(`${name} exited with ${exitCode()}:\n${log()}`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${typeof timeoutMessage === 'string' ? timeoutMessage : timeoutMessage()}:\n${log()}`);
}
