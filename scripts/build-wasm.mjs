#!/usr/bin/env node
// Builds the candidate engine (engines/wasm, Rust) into engines/wasm/pkg/parity_engine.wasm.
//
// Plain Node ESM with no dependencies: it runs before `npm ci` may have finished.
// Uses Debian's toolchain explicitly (TOOLCHAIN.md): rustup's rustc, first on PATH, has no
// wasm32 target, so RUSTC=/usr/bin/rustc /usr/bin/cargo --offline, then binaryen's
// wasm-opt. Rebuilds only when the sources changed: a SHA-256 of Cargo.toml, Cargo.lock,
// src/**/*.rs and this script is kept in engines/wasm/pkg/.build-hash.
//
//   node scripts/build-wasm.mjs [--force] [--quiet]
//   import { buildWasm } from './build-wasm.mjs'; buildWasm({ quiet: true });
// It prints one line when it builds. Up to date, it prints nothing (the CLI prints one
// short line unless --quiet). `silent: true` (tests) suppresses the build line too.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = join(dirname(SCRIPT), '..');
export const CRATE_DIR = join(ROOT, 'engines', 'wasm');
export const PKG_DIR = join(CRATE_DIR, 'pkg');
export const WASM_PATH = join(PKG_DIR, 'parity_engine.wasm');
const HASH_PATH = join(PKG_DIR, '.build-hash');
const TARGET = 'wasm32-unknown-unknown';
const CARGO_OUTPUT = join(CRATE_DIR, 'target', TARGET, 'release', 'parity_engine.wasm');

const RUSTC = '/usr/bin/rustc';
const CARGO = '/usr/bin/cargo';
/** -O3 for now; -Oz measured 0.5% smaller at this stage (see engines/wasm/README.md). */
const WASM_OPT_LEVEL = '-O3';
const DEBIAN_PACKAGES = 'rustc cargo libstd-rust-dev-wasm32 lld binaryen';

export class ToolchainMissing extends Error {
  constructor(what) {
    super(`${what}. Install Debian's Rust->wasm32 toolchain: apt-get install -y ${DEBIAN_PACKAGES}`);
    this.name = 'ToolchainMissing';
  }
}

/** Files whose content decides the build, sorted, relative to the crate. */
function sourceFiles() {
  const files = ['Cargo.toml', 'Cargo.lock'].map((f) => join(CRATE_DIR, f)).filter((f) => existsSync(f));
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.rs')) files.push(path);
    }
  };
  walk(join(CRATE_DIR, 'src'));
  return files.sort();
}

/** SHA-256 over each source's path and content, plus this script. */
export function sourceHash() {
  const hash = createHash('sha256');
  for (const file of [...sourceFiles(), SCRIPT]) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return result;
}

function findWasmOpt() {
  for (const candidate of ['/usr/bin/wasm-opt', '/usr/local/bin/wasm-opt']) if (existsSync(candidate)) return candidate;
  const which = spawnSync('sh', ['-c', 'command -v wasm-opt'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

/** Throws ToolchainMissing naming what is missing; returns the wasm-opt path. */
function checkToolchain() {
  if (!existsSync(CARGO)) throw new ToolchainMissing(`${CARGO} not found`);
  if (!existsSync(RUSTC)) throw new ToolchainMissing(`${RUSTC} not found`);
  const sysroot = run(RUSTC, ['--print', 'sysroot']).stdout.trim();
  const std = join(sysroot, 'lib', 'rustlib', TARGET, 'lib');
  if (!existsSync(std) || !readdirSync(std).some((f) => f.startsWith('libstd-'))) {
    throw new ToolchainMissing(`the ${TARGET} standard library is missing from ${std}`);
  }
  const wasmOpt = findWasmOpt();
  if (!wasmOpt) throw new ToolchainMissing('wasm-opt (binaryen) not found');
  return wasmOpt;
}

function isUpToDate(hash) {
  return existsSync(WASM_PATH) && existsSync(HASH_PATH) && readFileSync(HASH_PATH, 'utf8').trim() === hash;
}

/**
 * Builds engines/wasm/pkg/parity_engine.wasm if its sources changed (or `force`).
 * Prints one line when it builds; when up to date, nothing unless `quiet: false`
 * (one short line). `silent` prints nothing at all.
 * Throws ToolchainMissing, or an Error with the compiler's output when the build fails.
 * @param {{ force?: boolean, quiet?: boolean, silent?: boolean, log?: (line: string) => void }} [options]
 * @returns {{ built: boolean, path: string, bytes: number, ms: number }}
 */
export function buildWasm(options = {}) {
  const { force = false, quiet = true, silent = false, log = (line) => console.log(line) } = options;
  const started = Date.now();
  if (!force && isUpToDate(sourceHash())) {
    if (!quiet && !silent) log('wasm engine: up to date');
    return { built: false, path: WASM_PATH, bytes: statSync(WASM_PATH).size, ms: Date.now() - started };
  }

  // 1. Toolchain present?
  const wasmOpt = checkToolchain();

  // 2. cargo build with Debian's rustc; output shown only on failure.
  const cargo = run(CARGO, ['build', '--offline', '--release', '--target', TARGET], {
    cwd: CRATE_DIR,
    env: { ...process.env, RUSTC },
  });
  if (cargo.status !== 0) {
    if (/E0463|can't find crate for `(std|core)`/.test(cargo.stderr)) {
      throw new ToolchainMissing(`cargo could not find the ${TARGET} standard library:\n${cargo.stderr}`);
    }
    if (/rust-lld/.test(cargo.stderr) && /not found|No such file/.test(cargo.stderr)) {
      throw new ToolchainMissing(`the wasm linker (lld) is missing:\n${cargo.stderr}`);
    }
    throw new Error(`cargo build failed (exit ${cargo.status}):\n${cargo.stderr}${cargo.stdout}`);
  }

  // 3. wasm-opt into a temporary file, then move it in place (readers never see half a file).
  mkdirSync(PKG_DIR, { recursive: true });
  const tmp = `${WASM_PATH}.tmp`;
  const opt = run(wasmOpt, [WASM_OPT_LEVEL, CARGO_OUTPUT, '-o', tmp]);
  if (opt.status !== 0) {
    // An old binaryen refusing the module should not block development: ship it unoptimized.
    log(`wasm-opt failed (exit ${opt.status}), using the unoptimized module:\n${opt.stderr}`);
    copyFileSync(CARGO_OUTPUT, tmp);
  }
  renameSync(tmp, WASM_PATH);

  // 4. The hash is taken after the build: cargo may have just written Cargo.lock.
  writeFileSync(HASH_PATH, `${sourceHash()}\n`);
  const bytes = statSync(WASM_PATH).size;
  const ms = Date.now() - started;
  if (!silent) log(`wasm engine: built ${relative(ROOT, WASM_PATH)} (${(bytes / 1024).toFixed(1)} KiB, ${ms} ms)`);
  return { built: true, path: WASM_PATH, bytes, ms };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = new Set(process.argv.slice(2));
  try {
    buildWasm({ force: args.has('--force'), quiet: args.has('--quiet') });
  } catch (error) {
    console.error(`build-wasm: ${error.message}`);
    process.exit(error instanceof ToolchainMissing ? 3 : 1);
  }
}
