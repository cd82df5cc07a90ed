import { defineConfig } from 'vitest/config';
import { defaultClientConditions, defaultServerConditions } from 'vite';

/** Workspace packages resolve to their TypeScript sources, so tests need no build first. */
const resolve = { conditions: ['@promkit/source', ...defaultClientConditions] };
const ssr = { resolve: { conditions: ['@promkit/source', ...defaultServerConditions] } };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        ssr,
        test: { name: 'unit', include: ['packages/*/test/**/*.test.ts', 'stories/**/*.test.ts'], exclude: ['**/*.browser.test.ts', '**/node_modules/**'], environment: 'node' },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/setup-prometheus.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
        ssr,
        // On demand (`npm run corpus`), not in `npm test`: the corpus of real queries is fetched, not committed (tests/corpus/corpus.ts).
        test: {
          name: 'corpus',
          include: ['tests/corpus/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/setup-prometheus.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
