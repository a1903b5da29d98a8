#!/usr/bin/env node
/** `node packages/plan-import/dist/bin.js plan extract <file> [--json]`. */
import { runPlanExtractCli } from './cli.js';

process.exitCode = await runPlanExtractCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
