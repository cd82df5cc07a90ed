/**
 * The builder's script-tag entry (`promkit-builder.min.js`), loaded after `promkit.min.js`:
 * registers the editing elements and adds the builder's classes to `window.promkit`. What the
 * viewer bundle already has (its elements, @promkit/core) is taken from `window.promkit` by the
 * build (rollup.config.mjs, `fromViewer`), not bundled again.
 */
export * from './builder.js';
