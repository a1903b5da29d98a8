#!/usr/bin/env node
// The one entry of `npm start` and `npm test` on a machine with only Node 20+ and npm:
// obtains the pinned pnpm, installs from the lock, builds, then starts the product or runs every test.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];
if (command !== 'start' && command !== 'test') {
  console.error('usage: node scripts/bootstrap.mjs start|test');
  process.exit(2);
}
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];

function log(message) {
  process.stderr.write(`[commune-bench] ${message}\n`);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    log(`${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

/** The pinned pnpm: the one on PATH when it is that version, else one installed under .tools/. */
function findPnpm() {
  const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim() === pinned) return 'pnpm';
  const local = join(root, '.tools', 'node_modules', '.bin', 'pnpm');
  const localVersion = existsSync(local)
    ? spawnSync(local, ['--version'], { encoding: 'utf8' }).stdout?.trim()
    : undefined;
  if (localVersion !== pinned) {
    log(`installing pnpm ${pinned} into .tools/`);
    run('npm', [
      'install',
      '--prefix',
      join(root, '.tools'),
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      `pnpm@${pinned}`,
    ]);
  }
  return local;
}

const env = { ...process.env, pnpm_config_manage_package_manager_versions: 'false' };
// Native addons (argon2) build against the local Node headers where the machine ships them.
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h'))
  env.npm_config_nodedir = '/usr';

const pnpm = findPnpm();
log('installing dependencies from the lock');
run(pnpm, ['install', '--frozen-lockfile'], { env });
log('building');
run(pnpm, ['run', 'build'], { env });

if (command === 'start') {
  const child = spawn(process.execPath, [join(root, 'apps', 'api', 'dist', 'main.js')], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  // The API stops itself (and the embedded PostgreSQL) on SIGINT/SIGTERM; pass the signal on and wait.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const result = spawnSync(pnpm, ['run', 'test:packages'], { cwd: root, stdio: 'inherit', env });
  process.exit(result.status ?? 1);
}
