// The edit soak's one bundle (built by soak.bench.mjs with esbuild from the packages' dist):
// every viewer element and the builder's, as a page using edit mode loads them.
import '@promkit/elements/define.js';
import '@promkit/elements/builder.js';
