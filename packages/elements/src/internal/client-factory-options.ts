import type { ClientFactoryOptions } from '@promkit/core';

/** The client settings an element was given (`clientOptions`, `resolveAuth`) as createClient takes them, leaving out those unset. */
export function clientFactoryOptions(host: {
  readonly clientOptions?: ClientFactoryOptions['clientOptions'] | undefined;
  readonly resolveAuth?: ClientFactoryOptions['resolveAuth'] | undefined;
}): ClientFactoryOptions {
  const { clientOptions, resolveAuth } = host;
  return { ...(clientOptions ? { clientOptions } : {}), ...(resolveAuth ? { resolveAuth } : {}) };
}
