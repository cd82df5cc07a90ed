import type { Decorator, Preview } from '@storybook/web-components-vite';
import '@promkit/elements/define.js';

/** Page colours behind the elements, per theme. */
const PAGE = { light: '#f6f7f9', dark: '#0d1117' } as const;

/** Paints the page in the chosen theme; stories pass the theme to their elements. */
const themedPage: Decorator = (story, context) => {
  const theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
  document.documentElement.style.colorScheme = theme;
  document.body.style.background = PAGE[theme];
  document.body.style.color = theme === 'dark' ? '#e6edf3' : '#1f2328';
  return story();
};

const preview: Preview = {
  decorators: [themedPage],
  globalTypes: {
    theme: {
      description: 'Light or dark theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    data: {
      description: 'Recorded answers, or a live Prometheus (the demo, or STORYBOOK_PROMETHEUS_URL)',
      toolbar: { title: 'Data', icon: 'database', items: ['recorded', 'live'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', data: 'recorded' },
  parameters: { layout: 'padded', controls: { expanded: true } },
};
export default preview;
