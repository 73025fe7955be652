/**
 * Writes a minimized divergence as a scenario: <dir>/<fingerprint>.yaml, id
 * `regression-<fingerprint>`, its provenance under `provenance:` and only the images
 * its steps name declared. Under a `scenarios/` folder the images are referenced in
 * scenarios/assets/; anywhere else (reports, temp folders) they are copied next to the
 * file, so the file always replays with `parity replay`. No dates: same input, same bytes.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from '../../engines/shared/protocol.ts';
import { SCENARIO_ASSETS_DIR } from '../assets/paths.ts';
import { parseScenario } from '../protocol/scenario.ts';
import { defaultAssetsRoot, isInside } from '../protocol/scenarioAssets.ts';
import { scenarioToYaml } from '../protocol/scenarioToYaml.ts';
import type { Provenance, Scenario } from '../protocol/scenarioTypes.ts';
import type { Viewport } from '../engines/types.ts';

export interface RegressionInput {
  readonly fingerprint: string;
  readonly title: string;
  readonly viewport: Viewport;
  readonly steps: readonly Command[];
  /** Image name -> absolute PNG path the stream ran with. */
  readonly images: ReadonlyMap<string, string>;
  readonly provenance: Provenance;
}

export interface RegressionFile {
  readonly file: string;
  readonly text: string;
  /** Images to copy next to the file: [from, to]. */
  readonly copies: readonly (readonly [string, string])[];
}

export function regressionPath(dir: string, fingerprint: string): string {
  return resolve(dir, `${fingerprint}.yaml`);
}

/** The file's text, without writing it. */
export function regressionFile(dir: string, input: RegressionInput): RegressionFile {
  const file = regressionPath(dir, input.fingerprint);
  const used = new Set(input.steps.flatMap((c) => (c.op === 'set' && c.prop === 'src' && typeof c.value === 'string' ? [c.value] : [])));
  const names = [...input.images.keys()].filter((n) => used.has(n)).sort();
  const local = !isInside(defaultAssetsRoot(file), SCENARIO_ASSETS_DIR);
  const copies: [string, string][] = [];
  const assets = new Map<string, string>();
  for (const name of names) {
    const from = input.images.get(name)!;
    const to = local ? join(resolve(dir), 'assets', basename(from)) : from;
    if (local) copies.push([from, to]);
    assets.set(name, to);
  }
  const scenario: Scenario = {
    id: `regression-${input.fingerprint}`,
    title: input.title,
    viewport: input.viewport,
    assets,
    provenance: input.provenance,
    expect: [],
    expectLines: [],
    steps: input.steps,
    stepLines: [],
    file,
  };
  const text = scenarioToYaml(scenario, { file });
  parseScenario(text, file); // a writer bug must fail here, not in a later replay
  return { file, text, copies };
}

export function writeRegression(dir: string, input: RegressionInput): string {
  const { file, text, copies } = regressionFile(dir, input);
  mkdirSync(resolve(dir), { recursive: true });
  for (const [from, to] of copies) {
    mkdirSync(join(resolve(dir), 'assets'), { recursive: true });
    copyFileSync(from, to);
  }
  writeFileSync(file, text);
  return file;
}
