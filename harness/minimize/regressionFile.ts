/**
 * The text of a minimized divergence as a scenario: id `regression-<name>`, its provenance
 * under `provenance:` and only the images its steps name declared. Under a `scenarios/`
 * folder the images are referenced in scenarios/assets/; anywhere else (reports, temp
 * folders) they are copied next to the file, so the file always replays with `parity
 * replay`. No dates: same input, same bytes.
 */
import { basename, dirname, join } from 'node:path';
import type { Command } from '../../engines/shared/protocol.ts';
import { SCENARIO_ASSETS_DIR } from '../assets/paths.ts';
import type { Viewport } from '../engines/types.ts';
import { parseScenario } from '../protocol/scenario.ts';
import { defaultAssetsRoot, isInside } from '../protocol/scenarioAssets.ts';
import { scenarioToYaml } from '../protocol/scenarioToYaml.ts';
import type { Provenance, Scenario } from '../protocol/scenarioTypes.ts';

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

/** The file's text for the absolute path `file` (named `<fingerprint>[-n].yaml`), without writing it. */
export function regressionFile(file: string, input: RegressionInput): RegressionFile {
  const dir = dirname(file);
  const used = new Set(input.steps.flatMap((c) => (c.op === 'set' && c.prop === 'src' && typeof c.value === 'string' ? [c.value] : [])));
  const names = [...input.images.keys()].filter((n) => used.has(n)).sort();
  const local = !isInside(defaultAssetsRoot(file), SCENARIO_ASSETS_DIR);
  const copies: [string, string][] = [];
  const assets = new Map<string, string>();
  for (const name of names) {
    const from = input.images.get(name)!;
    const to = local ? join(dir, 'assets', basename(from)) : from;
    if (local) copies.push([from, to]);
    assets.set(name, to);
  }
  const scenario: Scenario = {
    id: `regression-${basename(file, '.yaml')}`,
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
