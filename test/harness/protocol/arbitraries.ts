/**
 * fast-check arbitraries for valid protocol values: every op, known and custom prop
 * names, every value tag, strings with emoji and lone surrogates, ids across 0..2^31-1,
 * and whole scenarios for the YAML round trip.
 */
import fc from 'fast-check';
import { EVENT_CODES, EVENT_KINDS } from '../../../engines/shared/observation.ts';
import { PROPERTIES } from '../../../engines/shared/properties.ts';
import { CAPS, EASINGS, KEYS, NODE_TYPES } from '../../../engines/shared/protocol.ts';
import type { Command, Value } from '../../../engines/shared/protocol.ts';
import type { EventMatch, Expectation, Scenario } from '../../../harness/protocol/index.ts';

const MAX_ID = CAPS.maxNodeId;

/** Any UTF-16 code unit, so lone surrogates and unpaired halves appear. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));

/** Strings that stress encoders: empty, ASCII, full Unicode, raw code units, emoji, surrogate halves. */
export const wireString = (maxLength = 24): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('', 'auto', '50%', '12px', '#fff', 'null', 'true', '.nan', '- x', 'a: b', '"q"', '😀', 'a\ud800b', '\udc00', '\ud83d', 'e\u0301', '\u2028', '\ufeff', '\u0000', '#', '~'),
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: codeUnit, maxLength }),
  );

export const nodeId: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 16 }),
  fc.constantFrom(0, 1, 0xffff, 0x10000, MAX_ID - 1, MAX_ID),
  fc.integer({ min: 0, max: MAX_ID }),
);

export const propName: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...PROPERTIES.map((p) => p.name)), weight: 3 },
  { arbitrary: wireString(12), weight: 1 },
);

/** Finite doubles including -0, subnormals, extremes and integers. */
export const finiteNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(-0, 0.1, 0.5, 1e21, -1e-7, Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const duration: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 5000 }),
  fc.constantFrom(-0, 0, 16.666666666666668, Number.MAX_VALUE),
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
);

export const value: fc.Arbitrary<Value> = fc.oneof(fc.constant(null), fc.boolean(), finiteNumber, wireString());

const size = fc.oneof(fc.integer({ min: 0, max: 4097 }), fc.integer({ min: 0, max: 0x7fffffff }));

export const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), id: nodeId, type: fc.constantFrom(...NODE_TYPES) }),
  fc.record({ op: fc.constant('set' as const), id: nodeId, prop: propName, value }),
  fc.record({ op: fc.constant('append' as const), parent: nodeId, child: nodeId }),
  fc.record({ op: fc.constant('insert' as const), parent: nodeId, child: nodeId, before: nodeId }),
  fc.record({ op: fc.constant('remove' as const), parent: nodeId, child: nodeId }),
  fc.record({ op: fc.constant('destroy' as const), id: nodeId }),
  fc.record({ op: fc.constant('focus' as const), id: nodeId }),
  fc.record({ op: fc.constant('key' as const), key: fc.constantFrom(...KEYS) }),
  fc.record({ op: fc.constant('animate' as const), id: nodeId, prop: propName, to: finiteNumber, ms: duration, easing: fc.constantFrom(...EASINGS) }),
  fc.record({ op: fc.constant('tick' as const), ms: duration }),
  fc.record({ op: fc.constant('resize' as const), width: size, height: size }),
  fc.record({ op: fc.constant('frame' as const), name: wireString() }, { requiredKeys: ['op'] }),
);

export const commands = (maxLength = 40): fc.Arbitrary<Command[]> => fc.array(command, { maxLength });

const eventMatch: fc.Arbitrary<EventMatch> = fc
  .record(
    { kind: fc.constantFrom(...EVENT_KINDS), code: fc.constantFrom(...EVENT_CODES), id: fc.integer({ min: -1, max: MAX_ID }), detail: wireString(), step: fc.nat({ max: CAPS.maxSteps - 1 }) },
    { requiredKeys: [] },
  )
  .filter((m) => Object.keys(m).length > 0);

function expectation(checkpoint: fc.Arbitrary<string>): fc.Arbitrary<Expectation> {
  const side = fc.option(finiteNumber, { nil: undefined });
  const coordinate = fc.integer({ min: 0, max: CAPS.maxViewportSide - 1 });
  const channel = fc.integer({ min: 0, max: 255 });
  return fc.oneof(
    fc.record({ kind: fc.constant('pixel' as const), checkpoint, x: coordinate, y: coordinate, rgba: fc.tuple(channel, channel, channel, channel) }),
    fc.record({ kind: fc.constant('box' as const), checkpoint, id: nodeId, x: finiteNumber, y: finiteNumber, width: side, height: side }, { requiredKeys: ['kind', 'checkpoint', 'id'] })
      .map((b) => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)) as Expectation),
    fc.record({ kind: fc.constant('lines' as const), checkpoint, id: nodeId, equals: fc.array(wireString(), { maxLength: 4 }) }),
    fc.record({ kind: fc.constantFrom('event' as const, 'noEvent' as const), checkpoint, event: eventMatch }),
  );
}

const oneLine = wireString(30).filter((s) => s.length > 0 && !/[\r\n]/.test(s));
const text = wireString(30).filter((s) => s.length > 0);
const assetName = wireString(10).filter((s) => s.length > 0);
const assetFile = fc.stringMatching(/^[a-z0-9_-]{1,12}$/).map((s) => `${s}.png`);

/** Scenarios whose file is `${root}/smoke/generated.yaml`; assets live under root. */
export function scenario(root: string): fc.Arbitrary<Scenario> {
  const file = `${root}/smoke/generated.yaml`;
  return fc.array(command, { maxLength: 30 }).chain((steps) => {
    const names = [...new Set(steps.flatMap((c) => (c.op === 'frame' && c.name !== undefined ? [c.name] : [])))];
    const expect = names.length === 0 ? fc.constant([]) : fc.array(expectation(fc.constantFrom(...names)), { maxLength: 5 });
    return fc.record({
      id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,79}$/),
      title: oneLine,
      viewport: fc.record({ width: fc.integer({ min: 1, max: 4096 }), height: fc.integer({ min: 1, max: 4096 }) }),
      assets: fc.array(fc.tuple(assetName, fc.constantFrom('assets', 'smoke', 'smoke/img'), assetFile), { maxLength: 3 })
        .map((list) => new Map(list.map(([name, dir, f]) => [name, `${root}/${dir}/${f}`]))),
      quirk: fc.option(fc.record({ legacy: text, correct: text, why: text, tags: fc.array(fc.stringMatching(/^[a-z][a-z-]{0,10}$/), { maxLength: 3 }) }), { nil: undefined }),
      tolerance: fc.option(fc.record({ maxDifference: fc.oneof(fc.nat(255), fc.double({ min: 0, max: 1, noNaN: true })), totalPixels: fc.nat(1000), reason: text }), { nil: undefined }),
      expect,
      steps: fc.constant(steps),
    }).map((s) => {
      const { quirk, tolerance, ...rest } = s;
      return { ...rest, ...(quirk ? { quirk } : {}), ...(tolerance ? { tolerance } : {}), expectLines: [], stepLines: [], file } as Scenario;
    });
  });
}
