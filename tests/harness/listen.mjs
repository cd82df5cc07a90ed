// @ts-check
/** Starts a server (net or http) on a free 127.0.0.1 port and returns the port. */

/**
 * @param {import('node:net').Server} server
 * @returns {Promise<number>}
 */
export async function listenOnLoopback(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return address.port;
}
