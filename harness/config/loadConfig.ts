/**
 * Reads and validates parity.config.yaml. Every mistake is reported with
 * file:line:column, what was expected and what was found; all of them at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeFound } from '../protocol/describe.ts';
import { parseYaml } from '../protocol/yaml.ts';
import type { YamlPath, YamlSource } from '../protocol/yaml.ts';
import { parseEngineSpec } from '../engines/registry.ts';
import type { EngineSpec } from '../engines/registry.ts';
import { DEFAULT_CONFIG } from './config.ts';
import type { ParityConfig } from './config.ts';
import { parseCompare, rejectUnknownKeys } from './parseCompare.ts';
import { parseWaivers, parseWaves } from './parseWaves.ts';
import { unknownKeyMessage } from './suggest.ts';

export const CONFIG_FILE = 'parity.config.yaml';

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

const TOP_KEYS = ['reference', 'candidate', 'engines', 'scenarios', 'viewport', 'workers', 'timeoutMs', 'compare', 'determinismSample', 'waves', 'defaultWave', 'waivers'];

/** Loads `path` (default ./parity.config.yaml); a missing default file means defaults. */
export function loadConfig(path?: string): ParityConfig {
  const file = resolve(path ?? CONFIG_FILE);
  if (!existsSync(file)) {
    if (path !== undefined) throw new ConfigError([`${path}: no such config file`]);
    return { ...DEFAULT_CONFIG, baseDir: process.cwd(), file: null };
  }
  return parseConfig(readFileSync(file, 'utf8'), file);
}

export function parseConfig(text: string, file: string): ParityConfig {
  const parsed = parseYaml(text, { maxBytes: 256 * 1024 });
  if (!parsed.ok) throw new ConfigError(parsed.problems.map((p) => `${file}:${p.position.line}:${p.position.column}: ${p.message}`));
  const src = parsed.source;
  const problems: string[] = [];
  const at = (path: YamlPath, message: string, where: 'key' | 'value' = 'value') => {
    const pos = src.position(path, where);
    problems.push(`${file}:${pos.line}:${pos.column}: ${message}`);
  };
  const root = src.value ?? {};
  if (typeof root !== 'object' || Array.isArray(root)) {
    throw new ConfigError([`${file}:1:1: expected a map of settings, got ${describeFound(root)}`]);
  }
  const raw = root as Record<string, unknown>;
  for (const key of src.keys([])) if (!TOP_KEYS.includes(key)) at([key], unknownKeyMessage('setting', key, TOP_KEYS), 'key');

  const get = <T>(key: string, check: (v: unknown) => string | null, fallback: T): T => {
    if (!(key in raw)) return fallback;
    const expected = check(raw[key]);
    if (expected) {
      at([key], `${key}: expected ${expected}, got ${describeFound(raw[key])}`);
      return fallback;
    }
    return raw[key] as T;
  };

  // 1. engines: built-in names, or names declared under `engines:` with a module path
  const modules = readEngineModules(raw.engines, src, at);
  const engine = (key: 'reference' | 'candidate'): EngineSpec => {
    const name = get<string | null>(key, (v) => (typeof v === 'string' ? null : 'an engine name'), null);
    if (name === null) return DEFAULT_CONFIG[key];
    if (modules.has(name)) return modules.get(name)!;
    try {
      return parseEngineSpec(name);
    } catch (error) {
      at([key], `${key}: ${(error as Error).message}`);
      return DEFAULT_CONFIG[key];
    }
  };
  const reference = engine('reference');
  const candidate = engine('candidate');

  // 2. plain settings
  const scenarios = get<string[]>('scenarios', (v) => (Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string') ? null : 'a non-empty list of folders or globs'), [...DEFAULT_CONFIG.scenarios]);
  if (raw.viewport && typeof raw.viewport === 'object' && !Array.isArray(raw.viewport)) rejectUnknownKeys(src, ['viewport'], ['width', 'height'], at);
  const viewport = get('viewport', (v) => {
    const o = v as { width?: unknown; height?: unknown } | null;
    const side = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 4096;
    return o && typeof o === 'object' && side(o.width) && side(o.height) && Object.keys(o).length === 2 ? null : '{ width, height } with integers 1..4096';
  }, DEFAULT_CONFIG.viewport);
  const workers = get('workers', (v) => (v === 'auto' || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 64) ? null : '"auto" or an integer 1..64'), DEFAULT_CONFIG.workers as number | 'auto');
  const timeoutMs = get('timeoutMs', (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 600_000 ? null : 'an integer 100..600000 (milliseconds)'), DEFAULT_CONFIG.timeoutMs);
  const determinismSample = get('determinismSample', (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1000 ? null : 'an integer 0..1000'), DEFAULT_CONFIG.determinismSample);

  // 3. comparison settings
  const compare = readCompare(raw.compare, src, at);

  // 4. rollout waves and waivers
  const waves = parseWaves(raw.waves, src, at);
  const waivers = parseWaivers(raw.waivers, src, at);
  const defaultWave = get<string | null>('defaultWave', (v) => (typeof v === 'string' && waves.has(v) ? null : `the name of a wave under waves: (${[...waves.keys()].join(', ') || 'none defined'})`), waves.size > 0 ? [...waves.keys()][0] : null);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    baseDir: dirname(file),
    file,
    reference,
    candidate,
    scenarios,
    viewport,
    workers: workers === 'auto' ? 0 : workers,
    timeoutMs,
    compare,
    determinismSample,
    waves,
    defaultWave,
    waivers,
  };
}

type At = (path: YamlPath, message: string, where?: 'key' | 'value') => void;

function readEngineModules(raw: unknown, src: YamlSource, at: At): Map<string, EngineSpec> {
  const out = new Map<string, EngineSpec>();
  if (raw === undefined) return out;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    at(['engines'], `engines: expected a map of name -> { module, options? }, got ${describeFound(raw)}`);
    return out;
  }
  for (const name of src.keys(['engines'])) {
    const e = (raw as Record<string, unknown>)[name] as { module?: unknown; options?: unknown } | null;
    if (e && typeof e === 'object' && !Array.isArray(e)) rejectUnknownKeys(src, ['engines', name], ['module', 'options'], at);
    if (!e || typeof e !== 'object' || typeof e.module !== 'string' || (e.options !== undefined && (typeof e.options !== 'object' || e.options === null))) {
      at(['engines', name], `engines.${name}: expected { module: PATH, options?: MAP }, got ${describeFound(e)}`);
      continue;
    }
    out.set(name, { module: e.module, ...(e.options ? { options: e.options as Record<string, unknown> } : {}), name });
  }
  return out;
}

function readCompare(raw: unknown, src: YamlSource, at: At): ParityConfig['compare'] {
  const fallback = DEFAULT_CONFIG.compare;
  const block = parseCompare(raw, ['compare'], src, at);
  return { frame: block.frame ?? fallback.frame, ...(block.fuzzy ? { fuzzy: block.fuzzy } : {}), layout: block.layout ?? fallback.layout };
}
