import { expect } from 'chai';
import { CAPS, isScenarioError, parseScenario, ScenarioErrors, tryParseScenario } from '../../../harness/protocol/index.ts';
import type { ScenarioError } from '../../../harness/protocol/index.ts';

const FILE = '/virtual/scenarios/smoke/x.yaml';
const HEADER = 'id: x\ntitle: T\nviewport: { width: 160, height: 90 }\n';

function errorsOf(text: string, options = {}): ScenarioError[] {
  const result = tryParseScenario(text, FILE, options);
  expect(result.ok, 'expected the scenario to be rejected').to.equal(false);
  return result.ok ? [] : [...result.errors];
}

function messagesOf(text: string, options = {}): string[] {
  return errorsOf(text, options).map((e) => e.message);
}

function steps(...lines: string[]): string {
  return `${HEADER}steps:\n${lines.map((l) => `  - ${l}\n`).join('')}`;
}

describe('harness/protocol parseScenario', () => {
  it('reads the example of docs/scenario-format.md', () => {
    const s = parseScenario([
      'id: smoke-flex-row', 'title: Row layout with grow', 'viewport: { width: 160, height: 90 }',
      'assets:', '  checker: ../assets/checker-16.png',
      'expect:', '  - { checkpoint: after, box: { id: 1, width: 40 } }',
      'steps:', '  - create: { id: 1, type: view }', '  - set: { id: 1, prop: width, value: 40 }',
      '  - append: { parent: 0, child: 1 }', '  - frame: { name: after }', '',
    ].join('\n'), FILE);
    expect(s.id).to.equal('smoke-flex-row');
    expect([...s.assets]).to.deep.equal([['checker', '/virtual/scenarios/assets/checker-16.png']]);
    expect(s.expect).to.deep.equal([{ kind: 'box', checkpoint: 'after', id: 1, width: 40 }]);
    expect(s.steps[1]).to.deep.equal({ op: 'set', id: 1, prop: 'width', value: 40 });
    expect(s.stepLines).to.deep.equal([9, 10, 11, 12]);
    expect(s.expectLines).to.deep.equal([7]);
    expect(s.file).to.equal(FILE);
  });

  it('reads `- frame:` without fields as a frame without a name', () => {
    expect(parseScenario(steps('frame:'), FILE).steps).to.deep.equal([{ op: 'frame' }]);
  });

  it('reports a YAML syntax error as file:line:column', () => {
    const [m] = messagesOf(`${HEADER}steps:\n  - tick: { ms: 1 }\n  - tick: { ms: 2\n  - frame:\n`);
    expect(m).to.match(/^\/virtual\/scenarios\/smoke\/x\.yaml:\d+:\d+: YAML: Flow map/);
  });

  it('rejects an alias bomb', () => {
    const bomb = ['x: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', 'y: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'z: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'w: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    expect(messagesOf(bomb)[0]).to.contain('alias bomb');
  });

  it('names the location, step, op, field, expected and found of a bad id', () => {
    const [e] = errorsOf(steps('create: { id: 1, type: view }', 'create: { id: 2, type: view }', 'tick: { ms: 1 }', 'set: { id: "a", prop: width, value: 40 }'));
    expect(e.message).to.equal('/virtual/scenarios/smoke/x.yaml:8:16: step 3 (set): field "id": expected an integer 0..2147483647, got "a"');
    expect([e.line, e.column, e.step, e.op, e.expected, e.found]).to.deep.equal([8, 16, 3, 'set', 'an integer 0..2147483647', '"a"']);
  });

  it('rejects an unknown op at its key', () => {
    expect(messagesOf(steps('sett: { id: 1 }'))[0]).to.match(/x\.yaml:5:5: step 0: expected an op: one of create, .*, got "sett"$/);
  });

  it('rejects a step with two ops, or none', () => {
    expect(messagesOf(steps('{ tick: { ms: 1 }, key: { key: up } }'))[0]).to.contain('step 0: expected a map with exactly one op, e.g. - set: { id: 1, prop: width, value: 40 }, got 2 keys (tick, key)');
    expect(messagesOf(steps('tick'))[0]).to.contain('got "tick"');
  });

  it('reports bad value types with what was found', () => {
    const ms = messagesOf(steps('set: { id: 1, prop: width, value: [40] }', 'tick: { ms: .nan }', 'animate: { id: 1, prop: x, to: .inf, ms: 10, easing: linear }', 'key: { key: 3 }'));
    expect(ms).to.deep.equal([
      `${FILE}:5:39: step 0 (set): field "value": expected a number, string, boolean or null (strings of at most 4096 UTF-16 units), got a list of 1 item(s)`,
      `${FILE}:6:17: step 1 (tick): field "ms": expected a finite number >= 0 (YAML .nan and .inf are not allowed), got .nan`,
      `${FILE}:7:36: step 2 (animate): field "to": expected a finite number (YAML .nan and .inf are not allowed), got .inf`,
      `${FILE}:8:17: step 3 (key): field "key": expected one of up, down, left, right, enter, got 3`,
    ]);
  });

  it('reports missing fields at the op\'s field map', () => {
    expect(messagesOf(steps('append: { parent: 0 }'))).to.deep.equal([
      `${FILE}:5:13: step 0 (append): field "child": expected an integer 0..2147483647, got nothing`,
    ]);
  });

  it('reports missing top-level fields', () => {
    expect(messagesOf('id: x\nsteps: []\n')).to.deep.equal([
      `${FILE}:1:1: field "title": expected a non-empty one-line string of at most 4096 UTF-16 units, got nothing`,
      `${FILE}:1:1: field "viewport": expected a map { width, height } of integers 1..4096, got nothing`,
    ]);
  });

  it('rejects unknown fields at every level, pointing at the key', () => {
    expect(messagesOf(`${HEADER}colour: red\nsteps:\n  - tick: { ms: 1, speed: 2 }\n`)).to.deep.equal([
      `${FILE}:4:1: field "colour": expected one of the fields id, title, viewport, assets, quirk, tolerance, provenance, expect, steps, got an unknown field "colour"`,
      `${FILE}:6:20: step 0 (tick): field "speed": expected one of the fields ms, got an unknown field "speed"`,
    ]);
  });

  it('rejects a viewport side over CAPS.maxViewportSide and zero', () => {
    expect(messagesOf('id: x\ntitle: T\nviewport: { width: 4097, height: 0 }\nsteps: []\n')).to.deep.equal([
      `${FILE}:3:20: field "viewport.width": expected an integer 1..4096, got 4097`,
      `${FILE}:3:34: field "viewport.height": expected an integer 1..4096, got 0`,
    ]);
  });

  it('rejects more than CAPS.maxSteps steps with one error', () => {
    const text = `${HEADER}steps:\n${'  - frame:\n'.repeat(CAPS.maxSteps + 1)}`;
    expect(messagesOf(text, { maxBytes: 4 * 1024 * 1024 })).to.deep.equal([
      `${FILE}:5:3: field "steps": expected at most ${CAPS.maxSteps} steps (CAPS.maxSteps), got ${CAPS.maxSteps + 1} steps`,
    ]);
  });

  it('rejects a file over the byte cap', () => {
    const text = `${HEADER}steps:\n${'  - frame:\n'.repeat(100_000)}`;
    expect(messagesOf(text)[0]).to.equal(`${FILE}:1:1: YAML: expected at most 1048576 bytes of YAML, got ${Buffer.byteLength(text)} bytes`);
  });

  it('rejects more than CAPS.maxNodes creates at the first one over', () => {
    const creates = Array.from({ length: CAPS.maxNodes + 1 }, (_, i) => `create: { id: ${i + 1}, type: view }`);
    expect(messagesOf(steps(...creates))).to.deep.equal([
      `${FILE}:${5 + CAPS.maxNodes}:13: step ${CAPS.maxNodes} (create): expected at most ${CAPS.maxNodes} create steps in a stream (CAPS.maxNodes), got ${CAPS.maxNodes + 1} create steps`,
    ]);
  });

  it('rejects strings longer than CAPS.maxStringLength', () => {
    const [m] = messagesOf(steps(`set: { id: 1, prop: text, value: ${'x'.repeat(CAPS.maxStringLength + 1)} }`));
    expect(m).to.match(/x\.yaml:5:38: step 0 \(set\): field "value": expected a string of at most 4096 UTF-16 units, got "x{40}"… \(4097 UTF-16 units\)$/);
  });

  it('rejects asset paths that escape the scenarios folder, relative or absolute', () => {
    expect(messagesOf(`${HEADER}assets:\n  a: ../../../etc/x.png\n  b: /etc/y.png\n  c: ok.png\nsteps: []\n`)).to.deep.equal([
      `${FILE}:5:6: field "assets.a": expected a path inside /virtual/scenarios, got "../../../etc/x.png", which resolves to /etc/x.png`,
      `${FILE}:6:6: field "assets.b": expected a path inside /virtual/scenarios, got "/etc/y.png", which resolves to /etc/y.png`,
    ]);
  });

  it('accepts an absolute asset path inside the root, and honours an explicit root', () => {
    expect(parseScenario(`${HEADER}assets:\n  a: /virtual/scenarios/assets/a.png\nsteps: []\n`, FILE).assets.get('a')).to.equal('/virtual/scenarios/assets/a.png');
    expect(messagesOf(`${HEADER}assets:\n  a: ../a.png\nsteps: []\n`, { assetsRoot: '/virtual/scenarios/smoke' })[0]).to.contain('expected a path inside /virtual/scenarios/smoke');
  });

  it('requires asset paths to name .png files', () => {
    expect(messagesOf(`${HEADER}assets:\n  a: a.jpg\nsteps: []\n`)[0]).to.contain('field "assets.a": expected a path to a .png file, relative to this scenario, got "a.jpg"');
  });

  it('checks expectations field by field and requires their checkpoint to name a frame', () => {
    const text = `${HEADER}expect:\n  - { checkpoint: after, pixel: { x: 1, y: 1, rgba: [0, 0, 300, 255] } }\n  - { checkpoint: aftr, box: { id: 1 } }\n  - { checkpoint: after }\n  - { checkpoint: after, event: {} }\nsteps:\n  - frame: { name: after }\n`;
    expect(messagesOf(text)).to.deep.equal([
      `${FILE}:5:60: expect 0 (pixel): field "pixel.rgba[2]": expected an integer 0..255, got 300`,
      `${FILE}:6:19: expect 1 (box): field "checkpoint": expected the name of a frame step ("after"), got "aftr"`,
      `${FILE}:7:5: expect 2: expected exactly one of pixel, box, lines, event, noEvent beside checkpoint, got none`,
      `${FILE}:8:33: expect 3 (event): field "event": expected at least one of kind, code, id, detail, step, got an empty map`,
    ]);
  });

  it('requires a tolerance to give a reason', () => {
    expect(messagesOf(`${HEADER}tolerance: { maxDifference: 1, totalPixels: 2 }\nsteps: []\n`)[0]).to.contain('field "tolerance.reason": expected a non-empty string');
  });

  it('collects every error of a file up to the limit and counts the rest', () => {
    const bad = Array.from({ length: 80 }, () => 'tick: { ms: -1 }');
    const result = tryParseScenario(steps(...bad), FILE, { maxErrors: 50 });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect([result.errors.length, result.omitted]).to.deep.equal([50, 30]);
  });

  it('throws one recognisable ScenarioErrors holding every message', () => {
    let thrown: unknown;
    try {
      parseScenario(steps('tick: { ms: -1 }', 'tick: { ms: x }'), FILE);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(ScenarioErrors);
    expect(isScenarioError(thrown)).to.equal(true);
    expect((thrown as ScenarioErrors).message.split('\n')).to.have.length(2);
  });
});
