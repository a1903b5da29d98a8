/** `pnpm run cli …`: see cli/run-cli.ts. */
import { runCli } from './cli/run-cli.js';

// The CLI is the one place besides the config module that hands the environment on (to loadConfig).
const environment = process.env;
runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: environment,
}).then(
  (code) => process.exit(code),
  () => process.exit(1),
);
