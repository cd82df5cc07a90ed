import type { StorybookConfig } from '@storybook/web-components-vite';

/** The promkit catalog: every element, panel type and state, in light and dark. */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  core: { disableTelemetry: true },
  async viteFinal(vite) {
    // Load the packages from their TypeScript sources, as the tests do: no build needed first.
    vite.resolve = { ...vite.resolve, conditions: ['@promkit/source', 'module', 'browser', 'development|production'] };
    vite.build = { ...vite.build, chunkSizeWarningLimit: 4096 };
    return vite;
  },
};
export default config;
