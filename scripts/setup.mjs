#!/usr/bin/env node
// The idempotent setup step run before `npm start` and `npm test` (and by `npm run setup`).
// It must work before node_modules exists, so it is plain Node ESM with no dependencies.
//
//   1. Debian packages the project needs (the Rust -> wasm32 toolchain, Chromium) — installed when missing
//   2. node_modules — `npm ci` when missing or stale (package-lock.json changed)
//   3. the Wasm engine — rebuilt when its sources changed (scripts/build-wasm.mjs)
//
// When everything is in place it only stats a few files and hashes the lock file: well under 2 s.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Debian packages, each with a file whose presence proves it is installed. */
export const DEBIAN_PACKAGES = [
  { name: 'rustc', proof: '/usr/bin/rustc' },
  { name: 'cargo', proof: '/usr/bin/cargo' },
  { name: 'libstd-rust-dev-wasm32', proof: '/usr/lib/rustlib/wasm32-unknown-unknown' },
  { name: 'lld', proof: '/usr/bin/lld' },
  { name: 'binaryen', proof: '/usr/bin/wasm-opt' },
  // the browser for report tests and --target chromium (puppeteer's own download is skipped)
  { name: 'chromium', proof: '/usr/bin/chromium' },
];

function fail(lines) {
  console.error(['parity setup: cannot continue.', ...lines].join('\n  '));
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  return r.status === 0;
}

/** What is missing and the command that installs it (pure: tests call it). */
export function debianPlan(packages = DEBIAN_PACKAGES, exists = existsSync) {
  const missing = packages.filter((p) => !exists(p.proof)).map((p) => p.name);
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  return { missing, command };
}

/** The message when packages are missing and this process cannot install them. */
export function cannotInstallMessage(plan, why) {
  return [`missing Debian packages: ${plan.missing.join(', ')} (${why})`, `install them as root:  ${plan.command}`];
}

function ensureDebianPackages() {
  const plan = debianPlan();
  const { missing, command } = plan;
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) fail(cannotInstallMessage(plan, 'not running as root'));
  console.log(`parity setup: installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!run('apt-get', ['update', '-qq'], { env }) ||
      !run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env })) {
    fail(cannotInstallMessage(plan, 'apt-get failed: is the Debian registry reachable?'));
  }
}

function ensureNodeModules() {
  const lock = join(root, 'package-lock.json');
  const stamp = join(root, 'node_modules', '.parity-lock-hash');
  const want = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  console.log('parity setup: installing npm dependencies (npm ci)');
  if (!run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'])) {
    fail(['`npm ci` failed (is the npm registry reachable?)', `run it by hand in ${root}:  npm ci`]);
  }
  writeFileSync(stamp, want);
}

async function ensureWasmEngine() {
  const { buildWasm } = await import('./build-wasm.mjs');
  await buildWasm({ quiet: true });
}

// Run only when executed (`node scripts/setup.mjs`), not when a test imports the helpers.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail([`Node ${process.versions.node} is too old: expected Node >= 20.19`]);
  }
  ensureDebianPackages();
  ensureNodeModules();
  await ensureWasmEngine();
}
