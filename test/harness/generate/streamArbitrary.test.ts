import { expect } from 'chai';
import fc from 'fast-check';
import { canonicalStream, validateStream } from '../../../harness/protocol/index.ts';
import { materialize, resolveStreamOptions, streamArbitrary, streamStats } from '../../../harness/generate/index.ts';
import { SceneModel } from '../../../harness/generate/_internals/sceneModel.ts';
import { legacyEvents, median, samples, SEED } from './helpers.ts';

describe('harness/generate streamArbitrary', () => {
  const streams = samples(200);

  it('generates the same streams for the same seed', () => {
    const again = samples(200);
    expect(again.map((s) => canonicalStream(s.commands))).to.deep.equal(streams.map((s) => canonicalStream(s.commands)));
    const other = samples(20, {}, SEED + 1);
    expect(other.map((s) => canonicalStream(s.commands))).to.not.deep.equal(streams.slice(0, 20).map((s) => canonicalStream(s.commands)));
  });

  it('makes default streams of median length >= 20 with >= 2 checkpoints', () => {
    expect(median(streams.map((s) => s.commands.length))).to.be.at.least(20);
    expect(median(streams.map((s) => s.commands.filter((c) => c.op === 'frame').length))).to.be.at.least(2);
  });

  it('always ends a stream with a frame', () => {
    for (const s of streams) expect(s.commands[s.commands.length - 1].op).to.equal('frame');
  });

  it('passes the protocol validator on every stream', () => {
    fc.assert(
      fc.property(streamArbitrary(), (s) => {
        const result = validateStream(s.commands);
        if (!result.ok) throw new Error(`expected a valid stream, got ${JSON.stringify(result.errors[0])}`);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('allocates new ids 1, 2, 3, … in creation order', () => {
    for (const s of streams) {
      const created = s.commands.flatMap((c) => (c.op === 'create' && !s.invalidSteps.includes(s.commands.indexOf(c)) ? [c.id] : []));
      expect(created).to.deep.equal(created.map((_, i) => i + 1));
    }
  });

  it('makes exactly one rejected command per invalid intent and none for valid ones', () => {
    for (const s of streams) {
      const fromInvalid = s.origins.flatMap((origin, step) => (origin >= 0 && s.intents[origin].kind === 'invalid' ? [step] : []));
      expect(s.invalidSteps).to.deep.equal(fromInvalid);
      expect(fromInvalid.length).to.equal(s.intents.filter((i) => i.kind === 'invalid').length);
    }
  });

  it('yields no invalid intents and no rejected commands with invalidShare 0', () => {
    for (const s of samples(200, { invalidShare: 0 })) {
      expect(s.intents.filter((i) => i.kind === 'invalid')).to.deep.equal([]);
      expect(s.invalidSteps).to.deep.equal([]);
    }
  });

  it('makes about invalidShare of the intents invalid', () => {
    const count = (share: number): number => {
      const all = samples(200, { invalidShare: share }).flatMap((s) => s.intents);
      return all.filter((i) => i.kind === 'invalid').length / all.length;
    };
    expect(count(0.1)).to.be.within(0.06, 0.14);
    expect(count(0.5)).to.be.within(0.42, 0.58);
  });

  it('agrees with the legacy engine on which commands are rejected, and why', () => {
    for (const s of [...streams.slice(0, 100), ...samples(100, { invalidShare: 0.5 })]) {
      const engine = legacyEvents(s).filter((e) => e.kind === 'error').map((e) => `${e.step}:${e.code}`);
      const model = new SceneModel(s.viewport);
      const expected = s.commands.flatMap((c, step) => {
        const code = model.apply(c);
        return code === null ? [] : [`${step}:${code}`];
      });
      expect(engine, canonicalStream(s.commands)).to.deep.equal(expected);
      expect(expected.map((e) => Number(e.split(':')[0]))).to.deep.equal(s.invalidSteps);
      for (const e of expected) {
        const [step, code] = e.split(':');
        const intent = s.intents[s.origins[Number(step)]];
        if (intent.kind !== 'invalid') throw new Error(`expected step ${step} to come from an invalid intent, got ${intent.kind}`);
        const named = intent.variant === 'bad-animation' ? 'bad-value' : intent.variant;
        expect([named, 'unknown-node'], JSON.stringify(intent)).to.include(code); // unknown-node: the fallback when no candidate exists
      }
    }
  });

  it('honours weights and feature toggles', () => {
    const noTree = samples(100, { features: { treeEdits: false, animation: false, focus: false, resize: false }, invalidShare: 0 });
    const ops = new Set(noTree.flatMap((s) => s.commands.map((c) => c.op)));
    for (const op of ['insert', 'remove', 'destroy', 'animate', 'tick', 'focus', 'key', 'resize']) expect(ops.has(op as never), op).to.equal(false);
    const onlyFrames = samples(20, { weights: { spawn: 0, set: 0, append: 0, insert: 0, remove: 0, destroy: 0, focus: 0, key: 0, animate: 0, tick: 0, resize: 0, focusGrid: 0 }, invalidShare: 0 });
    for (const s of onlyFrames) expect(s.commands.every((c) => c.op === 'frame')).to.equal(true);
  });

  it('rejects bad options with "expected X, got Y"', () => {
    expect(() => resolveStreamOptions({ invalidShare: 1 })).to.throw(/expected a number in \[0, 1\), got 1/);
    expect(() => resolveStreamOptions({ weights: { spawn: -1 } })).to.throw(/expected a finite weight >= 0, got -1/);
    expect(() => resolveStreamOptions({ weights: { nope: 1 } as never })).to.throw(/got "nope"/);
    expect(() => resolveStreamOptions({ minIntents: 5, maxIntents: 2 })).to.throw(/got 5\/2/);
  });

  it('keeps a shrunk counterexample valid and small', () => {
    const details = fc.check(
      fc.property(streamArbitrary(), (s) => !s.commands.some((c) => c.op === 'destroy')),
      { numRuns: 300, seed: SEED },
    );
    expect(details.failed).to.equal(true);
    const [shrunk] = details.counterexample!;
    expect(validateStream(shrunk.commands).ok).to.equal(true);
    expect(shrunk.commands.some((c) => c.op === 'destroy')).to.equal(true);
    expect(shrunk.intents.length, JSON.stringify(shrunk.intents)).to.be.at.most(2); // spawn + destroy, or one invalid destroy
    expect(shrunk.commands.length, JSON.stringify(shrunk.commands)).to.be.at.most(4);
    expect(streamStats(shrunk.commands).invalid).to.equal(materialize(shrunk.intents, shrunk.viewport).invalidSteps.length);
  });
});
