/** Awaiting a call that must fail with a given promkit error class, for the error tests. */
import { expect } from 'vitest';
import { isPromkitError, type PromkitErrorName } from '@promkit/core';

/** Awaits a call that must fail and checks the error's class by name; returns the typed error. */
export async function failure<N extends PromkitErrorName>(call: Promise<unknown>, name: N) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a ${name}`).toBeDefined();
  if (!isPromkitError(error, name)) throw new Error(`expected ${name}, got ${String(error)}`, { cause: error });
  return error;
}
