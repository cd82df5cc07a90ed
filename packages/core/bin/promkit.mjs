#!/usr/bin/env node
// The `promkit` command; see `promkit --help`.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
