/**
 * The chunked script-tag entry, `dist/cdn/promkit.js` (a module script): registers the viewer's
 * elements and exports their classes. What only some pages use is loaded from the same folder
 * on first use: ECharts and each chart kind's parts, the markdown renderer, the PromQL parser,
 * and, when a dashboard enters edit mode, the builder (`promkit-builder.js`).
 * `promkit-core.js` beside it exports all of @promkit/core. `promkit.min.js` stays one file for
 * pages opened from disk, where module scripts cannot load.
 */
import './define.js';
import { PromDashboard } from './components/dashboard/dashboard.component.js';

PromDashboard.loadBuilder ??= () => import('./builder.js');

export * from './index.js';
