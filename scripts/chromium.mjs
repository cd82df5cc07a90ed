// @ts-check
/** The Chromium every browser test and script here runs: Debian's, headless, offline-friendly flags. */

/** Path of the Chromium binary (PROMKIT_CHROMIUM names another). */
export const CHROMIUM = process.env.PROMKIT_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for running as root in a sandboxless container with a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
