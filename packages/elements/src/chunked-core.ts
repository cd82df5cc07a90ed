/** `dist/cdn/promkit-core.js`: all of @promkit/core for module scripts, sharing its chunks with promkit.js. */
export * from '@promkit/core';
