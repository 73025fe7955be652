#!/usr/bin/env node
// The `parity` command: registers tsx, then runs the TypeScript CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../harness/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
