/**
 * Loading a scenario file (docs/scenario-format.md): safe YAML, then every field checked,
 * every mistake collected (up to a limit) as a ScenarioError with file:line:column.
 */
import path from 'node:path';
import { FileReadError, readBoundedFile } from '../files/readBoundedFile.ts';
import { realPathInside } from '../files/insideFolder.ts';
import { checkAssetFiles } from './scenarioAssetFiles.ts';
import { defaultAssetsRoot, readAssets } from './scenarioAssets.ts';
import { ScenarioError, ScenarioErrors } from './scenarioError.ts';
import { readExpectations } from './scenarioExpect.ts';
import { readId, readProvenance, readQuirk, readTitle, readTolerance, readViewport } from './scenarioHeader.ts';
import { IssueList, MapReader } from './scenarioReader.ts';
import type { Issue } from './scenarioReader.ts';
import { readSteps } from './scenarioSteps.ts';
import type { Scenario } from './scenarioTypes.ts';
import { DEFAULT_MAX_YAML_BYTES, parseYaml } from './yaml.ts';
import type { YamlSource } from './yaml.ts';

export const SCENARIO_KEYS = ['id', 'title', 'viewport', 'assets', 'quirk', 'tolerance', 'provenance', 'expect', 'steps'] as const;

export interface ScenarioOptions {
  /** Folder asset paths must stay inside; default: the nearest `scenarios` folder above the file, else its folder. */
  readonly assetsRoot?: string;
  /** Most errors reported per file (default 50); the rest are counted. */
  readonly maxErrors?: number;
  /** Largest file, in bytes (default 1 MiB). */
  readonly maxBytes?: number;
  /** Check each declared asset file (inside the root, a valid PNG within CAPS); the loaders do, text parsing does not. */
  readonly checkAssetFiles?: boolean;
}

export type ScenarioParse =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly ScenarioError[]; readonly omitted: number };

function toError(file: string, source: YamlSource, issue: Issue): ScenarioError {
  const { line, column } = source.position(issue.path, issue.at);
  return new ScenarioError({ file, line, column, ...issue });
}

function readScenario(source: YamlSource, file: string, options: ScenarioOptions, issues: IssueList): Scenario | undefined {
  const top = MapReader.open({ issues, path: [], field: [], source }, source.value, `a scenario map (${SCENARIO_KEYS.join(', ')})`);
  if (!top) return undefined;
  top.rejectUnknown(SCENARIO_KEYS);
  const id = readId(top);
  const title = readTitle(top);
  const viewport = readViewport(top);
  const root = path.resolve(options.assetsRoot ?? defaultAssetsRoot(file));
  const declared = readAssets(top, file, root);
  const assets = options.checkAssetFiles ? checkAssetFiles(declared, root, issues) : declared;
  const quirk = readQuirk(top);
  const tolerance = readTolerance(top);
  const provenance = readProvenance(top);
  const steps = readSteps(top, issues);
  const frameNames = steps.ok ? new Set(steps.steps.flatMap((c) => (c.op === 'frame' && c.name !== undefined ? [c.name] : []))) : null;
  const expect = readExpectations(top, issues, frameNames);
  if (issues.items.length > 0 || id === undefined || title === undefined || viewport === undefined) return undefined;
  return {
    id, title, viewport, assets,
    ...(quirk ? { quirk } : {}),
    ...(tolerance ? { tolerance } : {}),
    ...(provenance ? { provenance } : {}),
    expect,
    expectLines: expect.map((_, i) => source.position(['expect', i]).line),
    steps: steps.steps,
    stepLines: steps.steps.map((_, i) => source.position(['steps', i]).line),
    file: path.resolve(file),
  };
}

/** Parses scenario text; `file` names it in messages and anchors relative asset paths. Never throws for user mistakes. */
export function tryParseScenario(text: string, file: string, options: ScenarioOptions = {}): ScenarioParse {
  const { maxErrors = 50, maxBytes = DEFAULT_MAX_YAML_BYTES } = options;
  const parsed = parseYaml(text, { maxBytes });
  if (!parsed.ok) {
    const errors = parsed.problems.slice(0, maxErrors).map((p) => new ScenarioError({ file, ...p.position, expected: 'valid YAML', found: p.message, text: `YAML: ${p.message}` }));
    return { ok: false, errors, omitted: Math.max(0, parsed.problems.length - maxErrors) };
  }
  const issues = new IssueList(maxErrors);
  const scenario = readScenario(parsed.source, file, options, issues);
  if (scenario) return { ok: true, scenario };
  const errors = issues.items.map((issue) => toError(file, parsed.source, issue));
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors, omitted: issues.omitted };
}

/** As tryParseScenario, but throws ScenarioErrors (all of the file's mistakes) on failure. */
export function parseScenario(text: string, file: string, options: ScenarioOptions = {}): Scenario {
  const result = tryParseScenario(text, file, options);
  if (!result.ok) throw new ScenarioErrors(result.errors, result.omitted);
  return result.scenario;
}

function fileError(file: string, expected: string, found: string): ScenarioErrors {
  return new ScenarioErrors([new ScenarioError({ file, line: 0, column: 0, expected, found, text: `expected ${expected}, got ${found}` })]);
}

/**
 * The scenario's text: the file must resolve (links followed) inside its scenarios root
 * (the assets root: the nearest `scenarios` folder, else its own folder) and be a
 * regular file of at most `maxBytes`, counted while reading (/dev/zero has size 0).
 */
function readScenarioText(file: string, options: ScenarioOptions): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_YAML_BYTES;
  const root = options.assetsRoot ?? defaultAssetsRoot(file);
  try {
    const real = realPathInside(root, file, 'a scenario file');
    return readBoundedFile(real, { maxBytes, what: 'a scenario file' }).toString('utf8');
  } catch (error) {
    if (error instanceof FileReadError) throw fileError(file, error.expected, error.found);
    throw error;
  }
}

/** Reads and parses a scenario file and checks its asset files; throws ScenarioErrors for missing files and every mistake in them. */
export async function loadScenario(file: string, options: ScenarioOptions = {}): Promise<Scenario> {
  return loadScenarioSync(file, options);
}

/** Synchronous loadScenario, for CLIs and tests. */
export function loadScenarioSync(file: string, options: ScenarioOptions = {}): Scenario {
  return parseScenario(readScenarioText(file, options), file, { checkAssetFiles: true, ...options });
}
