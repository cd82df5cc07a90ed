// @ts-check
/** `npm run storybook`: the catalog's dev server, after installing what is missing. */
import { ensureNodeModules, run } from './ensure.mjs';

ensureNodeModules();
run('npx', ['storybook', 'dev', '--port', process.env.PORT ?? '6006', '--no-open', ...process.argv.slice(2)]);
