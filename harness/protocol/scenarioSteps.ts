/**
 * The `steps` list: each step is a one-key map `{ op: { fields } }`, validated by
 * validate.ts; then the stream caps (steps, creates) are checked.
 */
import type { Command } from '../../engines/shared/protocol.ts';
import { describeFound } from './describe.ts';
import { COMMAND_FIELDS } from './fields.ts';
import type { ProtocolError } from './protocolError.ts';
import { formatStepLabel } from './protocolError.ts';
import type { IssueList, MapReader } from './scenarioReader.ts';
import { nodeCountError, stepCountError } from './streamCaps.ts';
import { EXPECTED_OP, isOp, isPlainMap, validateFields } from './validate.ts';

export interface ReadSteps {
  readonly steps: Command[];
  /** Whether every step was valid. */
  readonly ok: boolean;
}

function addProtocolError(issues: IssueList, e: ProtocolError, op: string | undefined): void {
  const isUnknownField = op !== undefined && isOp(op) && e.path.length === 1 && !COMMAND_FIELDS[op].some((f) => f.name === e.path[0]);
  const path = op === undefined ? ['steps', e.step] : ['steps', e.step, op, ...e.path];
  issues.add({ path, at: isUnknownField ? 'key' : 'value', label: formatStepLabel(e.step, op), step: e.step, op, field: e.path, expected: e.expected, found: e.found });
}

function readStep(issues: IssueList, raw: unknown, step: number): Command | undefined {
  const keys = isPlainMap(raw) ? Object.keys(raw) : [];
  if (!isPlainMap(raw) || keys.length !== 1) {
    const found = isPlainMap(raw) ? (keys.length === 0 ? 'an empty map' : `${keys.length} keys (${keys.join(', ')})`) : describeFound(raw);
    issues.add({ path: ['steps', step], label: formatStepLabel(step), step, expected: 'a map with exactly one op, e.g. - set: { id: 1, prop: width, value: 40 }', found });
    return undefined;
  }
  const op = keys[0];
  if (!isOp(op)) {
    issues.add({ path: ['steps', step, op], at: 'key', label: formatStepLabel(step), step, expected: `an op: ${EXPECTED_OP}`, found: describeFound(op) });
    return undefined;
  }
  // `- frame:` with no fields reads as null: the same as `- frame: {}`.
  const fields = raw[op] === null ? {} : raw[op];
  const result = validateFields(op, fields, step);
  if (result.ok) return result.value;
  for (const e of result.errors) addProtocolError(issues, e, op);
  return undefined;
}

export function readSteps(top: MapReader, issues: IssueList): ReadSteps {
  const raw = top.map.steps;
  if (!Array.isArray(raw)) {
    top.issue(['steps'], 'a list of steps, e.g. - create: { id: 1, type: view }', describeFound(raw));
    return { steps: [], ok: false };
  }
  const tooMany = stepCountError(raw.length);
  if (tooMany) {
    issues.add({ path: ['steps'], field: ['steps'], expected: tooMany.expected, found: tooMany.found });
    return { steps: [], ok: false };
  }
  const steps: Command[] = [];
  let ok = true;
  raw.forEach((item, step) => {
    const command = readStep(issues, item, step);
    if (command) steps.push(command);
    else ok = false;
  });
  const tooManyNodes = nodeCountError(raw.map((s) => (isPlainMap(s) ? Object.keys(s)[0] : undefined)));
  if (tooManyNodes) {
    addProtocolError(issues, tooManyNodes, 'create');
    ok = false;
  }
  return { steps, ok };
}
