import { expect } from 'chai';
import fc from 'fast-check';
import { CAPS, validateCommand, validateStream } from '../../../harness/protocol/index.ts';
import { command } from './arbitraries.ts';

function messages(raw: unknown, step = 3): string[] {
  const result = validateCommand(raw, step);
  expect(result.ok, 'expected the command to be rejected').to.equal(false);
  return result.ok ? [] : result.errors.map((e) => e.message);
}

describe('harness/protocol validateCommand', () => {
  it('accepts every command the arbitrary generates and returns it unchanged', () => {
    fc.assert(fc.property(command, (c) => {
      const result = validateCommand(c, 0);
      expect(result.ok).to.equal(true);
      if (result.ok) expect(result.value).to.deep.equal(c);
    }));
  });

  it('names step, op, field, expected and found for a negative id', () => {
    expect(messages({ op: 'set', id: -1, prop: 'width', value: 40 })).to.deep.equal([
      'step 3 (set): field "id": expected an integer 0..2147483647, got -1',
    ]);
  });

  it('rejects an unknown op, listing the known ones', () => {
    const [m] = messages({ op: 'sett', id: 1 });
    expect(m).to.match(/^step 3: field "op": expected one of create, set, .*frame, got "sett"$/);
  });

  it('reports every missing field of a command at once', () => {
    expect(messages({ op: 'insert', parent: 0 })).to.deep.equal([
      'step 3 (insert): field "child": expected an integer 0..2147483647, got nothing',
      'step 3 (insert): field "before": expected an integer 0..2147483647, got nothing',
    ]);
  });

  it('rejects unknown fields by name', () => {
    expect(messages({ op: 'destroy', id: 1, force: true })).to.deep.equal([
      'step 3 (destroy): field "force": expected one of the fields id, got an unknown field "force"',
    ]);
  });

  it('rejects ids past 2^31-1, fractional ids and string ids', () => {
    expect(messages({ op: 'focus', id: 2 ** 31 })[0]).to.contain('got 2147483648');
    expect(messages({ op: 'focus', id: 1.5 })[0]).to.contain('got 1.5');
    expect(messages({ op: 'focus', id: '1' })[0]).to.contain('got "1"');
  });

  it('rejects NaN and infinities with a hint about YAML .nan and .inf', () => {
    expect(messages({ op: 'tick', ms: NaN })[0]).to.equal('step 3 (tick): field "ms": expected a finite number >= 0 (YAML .nan and .inf are not allowed), got .nan');
    expect(messages({ op: 'set', id: 1, prop: 'x', value: -Infinity })[0]).to.contain('got -.inf');
  });

  it('rejects negative durations for tick and animate', () => {
    expect(messages({ op: 'tick', ms: -1 })[0]).to.equal('step 3 (tick): field "ms": expected a finite number >= 0, got -1');
    expect(messages({ op: 'animate', id: 1, prop: 'x', to: 1, ms: -0.5, easing: 'linear' })[0]).to.contain('field "ms"');
  });

  it('rejects values that are lists or maps, and strings longer than CAPS.maxStringLength', () => {
    expect(messages({ op: 'set', id: 1, prop: 'x', value: [1] })[0]).to.contain('got a list of 1 item(s)');
    const long = 'a'.repeat(CAPS.maxStringLength + 1);
    expect(messages({ op: 'set', id: 1, prop: 'text', value: long })[0]).to.contain(`(${CAPS.maxStringLength + 1} UTF-16 units)`);
    expect(messages({ op: 'frame', name: long })[0]).to.contain('expected a string of at most 4096 UTF-16 units');
  });

  it('accepts a string of exactly CAPS.maxStringLength UTF-16 units', () => {
    expect(validateCommand({ op: 'set', id: 1, prop: 'text', value: '😀'.repeat(CAPS.maxStringLength / 2) }, 0).ok).to.equal(true);
  });

  it('rejects unknown enum members for type, key and easing', () => {
    expect(messages({ op: 'create', id: 1, type: 'box' })[0]).to.contain('expected one of view, text, image, got "box"');
    expect(messages({ op: 'key', key: 'back' })[0]).to.contain('expected one of up, down, left, right, enter, got "back"');
    expect(messages({ op: 'animate', id: 1, prop: 'x', to: 1, ms: 1, easing: 'bounce' })[0]).to.contain('got "bounce"');
  });

  it('leaves sizes of 0 or over 4096 to the engine (bad-size event) but rejects non-integers', () => {
    expect(validateCommand({ op: 'resize', width: 0, height: 100_000 }, 0).ok).to.equal(true);
    expect(messages({ op: 'resize', width: 10, height: 1.5 })[0]).to.contain('field "height": expected an integer 0..2147483647, got 1.5');
  });

  it('does not judge prop names or value types against the property table (engines emit events)', () => {
    expect(validateCommand({ op: 'set', id: 99, prop: 'no-such-prop', value: true }, 0).ok).to.equal(true);
  });

  it('treats frame.name as optional', () => {
    expect(validateCommand({ op: 'frame' }, 0)).to.deep.equal({ ok: true, value: { op: 'frame' } });
  });

  it('rejects a command that is not a map', () => {
    expect(messages(null)[0]).to.equal('step 3: expected a command map with an op, got null');
  });
});

describe('harness/protocol validateStream', () => {
  it('numbers errors by their index in the stream', () => {
    const result = validateStream([{ op: 'tick', ms: 1 }, { op: 'tick', ms: 'x' }]);
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors[0].step).to.equal(1);
  });

  it('rejects more than CAPS.maxSteps commands without validating each', () => {
    const result = validateStream(new Array(CAPS.maxSteps + 1).fill({ op: 'bogus' }));
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors.map((e) => e.message)).to.deep.equal([`step ${CAPS.maxSteps}: expected at most ${CAPS.maxSteps} steps (CAPS.maxSteps), got ${CAPS.maxSteps + 1} steps`]);
  });

  it('allows exactly CAPS.maxNodes creates and rejects the next one', () => {
    const creates = (n: number) => Array.from({ length: n }, (_, i) => ({ op: 'create', id: i + 1, type: 'view' }));
    expect(validateStream(creates(CAPS.maxNodes)).ok).to.equal(true);
    const result = validateStream(creates(CAPS.maxNodes + 1));
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors[0].message).to.equal(`step ${CAPS.maxNodes} (create): expected at most ${CAPS.maxNodes} create steps in a stream (CAPS.maxNodes), got ${CAPS.maxNodes + 1} create steps`);
  });
});
