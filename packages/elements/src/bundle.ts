/**
 * The script-tag bundle: registers every element, and exposes the whole API (elements and
 * @promkit/core) as `window.promkit` for pages without a build step.
 */
import './define.js';

export * from './index.js';
export * from '@promkit/core';
