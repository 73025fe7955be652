/**
 * Hostile inputs, generated at test time in a throwaway project: the CLI runs in-process
 * (main() with the project as working folder) and its output is captured, so each test
 * can assert the exit class, the place named, and that no stack trace was printed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { encodePng } from '../../harness/assets/encodePng.ts';
import { crc32 } from '../../harness/assets/crc32.ts';
import { main } from '../../harness/cli/main.ts';

export interface CliOutcome { readonly code: number; readonly out: string; readonly err: string }

/** A fresh folder holding `proj/` (the project) and room beside it for files outside the project. */
export function hostileProject(): { root: string; proj: string } {
  const root = mkdtempSync(join(tmpdir(), 'parity-hostile-'));
  const proj = join(root, 'proj');
  mkdirSync(join(proj, 'scenarios', 'assets'), { recursive: true });
  return { root, proj };
}

export function write(file: string, content: string | Uint8Array): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

export function link(target: string, at: string): string {
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(target, at);
  return at;
}

export function fifo(at: string): string {
  execFileSync('mkfifo', [at]);
  return at;
}

/** A scenario showing the image `assets/<png>` (line 5 declares it, the value at column 9). */
export function imageScenario(id: string, png: string): string {
  return `id: ${id}\ntitle: shows ${png}\nviewport: { width: 16, height: 16 }\nassets:\n  logo: ${png}\nsteps:\n  - create: { id: 1, type: image }\n  - set: { id: 1, prop: src, value: logo }\n  - append: { parent: 0, child: 1 }\n  - frame: { name: shown }\n`;
}

export function boxScenario(id: string): string {
  return `id: ${id}\ntitle: a box\nviewport: { width: 16, height: 16 }\nsteps:\n  - create: { id: 1, type: view }\n  - set: { id: 1, prop: width, value: 8 }\n  - set: { id: 1, prop: height, value: 8 }\n  - set: { id: 1, prop: background, value: red }\n  - append: { parent: 0, child: 1 }\n  - frame: { name: drawn }\n`;
}

export function validPng(width = 4, height = 4): Buffer {
  const data = new Uint8Array(width * height * 4).map((_, i) => (i * 37) & 0xff);
  return Buffer.from(encodePng({ width, height, data }, { colorType: 'rgba' }));
}

/** Byte offset of the first chunk of `type`. */
export function chunkOffset(png: Buffer, type: string): number {
  for (let at = 8; at + 8 <= png.length; at += 12 + png.readUInt32BE(at)) if (png.toString('latin1', at + 4, at + 8) === type) return at;
  throw new Error(`no ${type} chunk`);
}

/** Rewrites the CRC of the chunk at `at`, so only the damage inside its data remains. */
export function fixCrc(png: Buffer, at: number): Buffer {
  const length = png.readUInt32BE(at);
  png.writeUInt32BE(crc32(png.subarray(at + 4, at + 8 + length)), at + 8 + length);
  return png;
}

/** Replaces the data of the chunk at `at` (length and CRC rewritten). */
export function replaceChunkData(png: Buffer, at: number, data: Buffer): Buffer {
  const length = png.readUInt32BE(at);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  png.copy(head, 4, at + 4, at + 8);
  const out = Buffer.concat([png.subarray(0, at), head, data, Buffer.alloc(4), png.subarray(at + 12 + length)]);
  return fixCrc(out, at);
}

export async function cli(cwd: string, ...argv: string[]): Promise<CliOutcome> {
  const previous = process.cwd();
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  process.chdir(cwd);
  try {
    const code = await main(argv);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.chdir(previous);
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'parity.js');

/** `npx parity ...` as a user runs it: a child process in `cwd` (engine workers need their own process's working folder). */
export function parityProcess(cwd: string, ...argv: string[]): CliOutcome {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** No stack frame lines ("    at f (file:1:2)") anywhere in the output. */
export const STACK_LINE = /^\s+at .+[:(]/m;

export function readJson(file: string): any {
  return JSON.parse(readFileSync(file, 'utf8'));
}
