/**
 * Writes a scenario back as YAML in the format of docs/scenario-format.md, one flow-style
 * line per step (`- set: { id: 1, prop: width, value: 40 }`), such that parsing the text
 * gives back the same scenario (used to write minimal reproducers).
 */
import path from 'node:path';
import type { Command, Value } from '../../engines/shared/protocol.ts';
import { COMMAND_FIELDS } from './fields.ts';
import type { EventMatch, Expectation, Scenario } from './scenarioTypes.ts';
import { yamlScalar, yamlString } from './yamlScalar.ts';

type Flat = Value | readonly Value[];

function flowValue(value: Flat): string {
  if (Array.isArray(value)) return `[${value.map((v) => yamlScalar(v)).join(', ')}]`;
  return yamlScalar(value as Value);
}

/** `{ a: 1, b: x }`, or `{}`; undefined entries are left out. */
function flowMap(entries: readonly (readonly [string, Flat | undefined])[]): string {
  const parts = entries.filter(([, v]) => v !== undefined).map(([k, v]) => `${yamlString(k)}: ${flowValue(v as Flat)}`);
  return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
}

/** `set: { id: 1, prop: width, value: 40 }` */
export function commandToYaml(command: Command): string {
  const fields = command as unknown as Record<string, Value | undefined>;
  return `${command.op}: ${flowMap(COMMAND_FIELDS[command.op].map((f) => [f.name, fields[f.name]] as const))}`;
}

function eventFields(e: EventMatch): [string, Flat | undefined][] {
  return [['kind', e.kind], ['code', e.code], ['id', e.id], ['detail', e.detail], ['step', e.step]];
}

function expectationToYaml(e: Expectation): string {
  let body: string;
  switch (e.kind) {
    case 'pixel': body = flowMap([['x', e.x], ['y', e.y], ['rgba', e.rgba]]); break;
    case 'box': body = flowMap([['id', e.id], ['x', e.x], ['y', e.y], ['width', e.width], ['height', e.height]]); break;
    case 'lines': body = flowMap([['id', e.id], ['equals', e.equals]]); break;
    case 'event':
    case 'noEvent': body = flowMap(eventFields(e.event)); break;
  }
  return `{ checkpoint: ${yamlString(e.checkpoint)}, ${e.kind}: ${body} }`;
}

function blockField(key: string, value: string | number | boolean): string {
  return `  ${key}: ${yamlScalar(value, 'block')}`;
}

export interface ScenarioToYamlOptions {
  /** The file the text will be written to: asset paths are written relative to it (default scenario.file). */
  readonly file?: string;
}

export function scenarioToYaml(scenario: Scenario, options: ScenarioToYamlOptions = {}): string {
  const { file = scenario.file } = options;
  const lines = [
    `id: ${yamlString(scenario.id)}`,
    `title: ${yamlString(scenario.title, 'block')}`,
    `viewport: ${flowMap([['width', scenario.viewport.width], ['height', scenario.viewport.height]])}`,
  ];
  if (scenario.assets.size > 0) {
    lines.push('assets:');
    for (const [name, abs] of scenario.assets) {
      const rel = path.relative(path.dirname(path.resolve(file)), abs).split(path.sep).join('/');
      lines.push(`  ${yamlString(name)}: ${yamlString(rel, 'block')}`);
    }
  }
  const { quirk, tolerance, provenance } = scenario;
  if (quirk) {
    lines.push('quirk:', blockField('legacy', quirk.legacy), blockField('correct', quirk.correct), blockField('why', quirk.why));
    if (quirk.tags.length > 0) lines.push(`  tags: ${flowValue(quirk.tags)}`);
  }
  if (tolerance) {
    lines.push('tolerance:', blockField('maxDifference', tolerance.maxDifference), blockField('totalPixels', tolerance.totalPixels), blockField('reason', tolerance.reason));
  }
  if (provenance && Object.keys(provenance).length > 0) {
    lines.push('provenance:', ...Object.entries(provenance).map(([k, v]) => blockField(k, v)));
  }
  if (scenario.expect.length > 0) lines.push('expect:', ...scenario.expect.map((e) => `  - ${expectationToYaml(e)}`));
  lines.push(scenario.steps.length > 0 ? 'steps:' : 'steps: []', ...scenario.steps.map((c) => `  - ${commandToYaml(c)}`));
  return `${lines.join('\n')}\n`;
}
