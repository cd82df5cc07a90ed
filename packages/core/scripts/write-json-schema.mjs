// Writes schema/dashboard.schema.json from the zod schema, via the built package.
// Run: npm run schema -w @promkit/core (it builds first). A unit test fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { dashboardJsonSchema } from '../dist/json-schema/index.js';

const file = new URL('../schema/dashboard.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(dashboardJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
