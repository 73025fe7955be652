import { expect } from 'chai';
import { encodeBatch } from '../../../engines/shared/binary.ts';
import type { Command } from '../../../engines/shared/protocol.ts';
import { QUIRK_IDS } from '../../../engines/shared/quirks.ts';
import { createWasmRenderer, EngineCrash, loadWasmModule, quirkMask, WasmAbiError, WasmRenderer } from '../../../engines/wasm/adapter.ts';
import { EngineInstance } from '../../../engines/wasm/host/EngineInstance.ts';
import { ensureWasmBuilt, options, solidImage, TEST_ASSETS } from './wasmFixture.ts';

const BLACK = [0, 0, 0, 255];

function isAllBlack(data: Uint8Array): boolean {
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] !== 0 || data[i + 1] !== 0 || data[i + 2] !== 0 || data[i + 3] !== 255) return false;
  }
  return true;
}

describe('wasm engine adapter', function () {
  before(async function () {
    this.timeout(300_000);
    await ensureWasmBuilt();
  });

  it('compiles the module once and instantiates it', () => {
    const module = loadWasmModule();
    expect(loadWasmModule()).to.equal(module);
    const names = WebAssembly.Module.exports(module).map((e) => e.name);
    expect(names).to.include.members(['memory', 'alloc', 'dealloc', 'create', 'reset', 'apply_batch', 'snapshot', 'set_font', 'add_image']);
    expect(() => new EngineInstance(module)).not.to.throw();
  });

  it('returns a cleared opaque black frame of the viewport size, viewed in place', () => {
    const renderer = createWasmRenderer(options({ width: 8, height: 4 }));
    renderer.apply([{ op: 'frame', name: 'start' }]);
    const obs = renderer.snapshot();
    expect(obs.checkpoint).to.equal('start');
    expect(obs.step).to.equal(0);
    expect(obs.frame!.width).to.equal(8);
    expect(obs.frame!.height).to.equal(4);
    expect(obs.frame!.data.length).to.equal(8 * 4 * 4);
    expect([...obs.frame!.data.subarray(0, 4)]).to.deep.equal(BLACK);
    expect(isAllBlack(obs.frame!.data)).to.equal(true);
    // Zero-copy: the frame is a view into the instance's linear memory.
    const memory = (renderer as WasmRenderer).engineExports().memory;
    expect(obs.frame!.data.buffer).to.equal(memory.buffer);
    expect(obs.layout).to.deep.equal([{ id: 0, depth: 0, x: 0, y: 0, width: 8, height: 4 }]);
    expect(obs.events).to.deep.equal([]);
    renderer.dispose();
  });

  it('applies resize and reports a bad size as an event, once', () => {
    const renderer = createWasmRenderer(options());
    renderer.apply([
      { op: 'resize', width: 5, height: 3 },
      { op: 'resize', width: 5000, height: 3 },
      { op: 'frame' },
    ]);
    const first = renderer.snapshot();
    expect([first.frame!.width, first.frame!.height, first.checkpoint, first.step]).to.deep.equal([5, 3, '', 2]);
    expect(first.events).to.deep.equal([{ step: 1, kind: 'error', code: 'bad-size', id: 0, detail: '5000x3' }]);
    expect(renderer.snapshot().events).to.deep.equal([]);
    renderer.dispose();
  });

  it('counts steps across batches larger than one engine call', () => {
    const renderer = createWasmRenderer(options());
    const ticks: Command[] = Array.from({ length: 2999 }, () => ({ op: 'tick', ms: 16 }));
    renderer.apply([...ticks, { op: 'frame', name: 'late \ud800' }]);
    renderer.apply([{ op: 'set', id: 1, prop: 'no-such-prop', value: 'x' }]);
    const obs = renderer.snapshot();
    expect(obs.step).to.equal(2999);
    expect(obs.checkpoint).to.equal('late \ud800');
    renderer.dispose();
  });

  it('reuses a disposed instance for the next renderer, reset to the initial state', () => {
    const first = createWasmRenderer(options({ width: 16, height: 16 })) as WasmRenderer;
    const exports = first.engineExports();
    first.apply([{ op: 'resize', width: 2, height: 2 }, { op: 'frame', name: 'old' }]);
    first.snapshot();
    first.dispose();

    const second = createWasmRenderer(options({ width: 3, height: 1 })) as WasmRenderer;
    expect(second.engineExports()).to.equal(exports);
    const obs = second.snapshot();
    expect([obs.frame!.width, obs.frame!.height, obs.checkpoint, obs.step]).to.deep.equal([3, 1, '', -1]);
    expect(exports.steps()).to.equal(0);
    second.dispose();
    expect(() => second.snapshot()).to.throw(/disposed/);
  });

  it('builds the quirk mask in QUIRK_IDS order, all on by default', () => {
    expect(quirkMask()).to.equal(2 ** QUIRK_IDS.length - 1);
    expect(quirkMask({ 'round-half-up': false })).to.equal(2 ** QUIRK_IDS.length - 1 - 2);
    expect(quirkMask({ 'coord-int32-truncation': true })).to.equal(2 ** QUIRK_IDS.length - 1);
  });

  it('rejects an unknown quirk id, naming it and the valid ids', () => {
    const bad = { quirks: { 'no-such-quirk': false } } as unknown as Parameters<typeof options>[0];
    expect(() => createWasmRenderer(options(bad))).to.throw(TypeError, /unknown quirk id "no-such-quirk": expected one of coord-int32-truncation, round-half-up/);
  });

  it('refuses a viewport outside CAPS as a host error', () => {
    expect(() => createWasmRenderer(options({ width: 4097 }))).to.throw(WasmAbiError, /bad viewport: expected 1..4096 on each side, got 4097x4/);
  });

  it('refuses a malformed batch without applying it, and stays usable', () => {
    const instance = new EngineInstance(loadWasmModule());
    instance.setup(4, 4, quirkMask(), TEST_ASSETS);
    const valid = encodeBatch([{ op: 'tick', ms: 1 }]);
    const truncated = valid.subarray(0, valid.length - 1);
    expect(() => instance.applyBatch(truncated)).to.throw(WasmAbiError, /malformed batch: truncated batch: expected 8 more byte\(s\) at byte 5/);
    expect(() => instance.applyBatch(new Uint8Array([1, 0, 0, 0, 77]))).to.throw(WasmAbiError, /bad opcode 77 at byte 4/);
    expect(instance.exports.steps()).to.equal(0);
    instance.applyBatch(valid);
    expect(instance.exports.steps()).to.equal(1);
    expect(instance.dead).to.equal(false);
  });

  it('refuses an image whose data does not match its size', () => {
    const assets = { font: TEST_ASSETS.font, images: new Map([['bad', { width: 2, height: 2, data: new Uint8Array(3) }]]) };
    expect(() => createWasmRenderer(options({ assets }))).to.throw(WasmAbiError, /add_image\("bad"\).*expected 16 RGBA bytes for 2x2, got 3/);
    const big = { font: TEST_ASSETS.font, images: new Map([['big', solidImage(1025, 1024, [0, 0, 0, 0])]]) };
    expect(() => createWasmRenderer(options({ assets: big }))).to.throw(WasmAbiError, /image too large/);
  });

  describe('when the engine traps', () => {
    it('throws EngineCrash naming the step that trapped, then starts afresh', () => {
      const renderer = createWasmRenderer(options({ width: 6, height: 2 })) as WasmRenderer;
      const exports = renderer.engineExports();
      renderer.apply([{ op: 'tick', ms: 1 }, { op: 'tick', ms: 1 }]);
      exports.debug_trap_at_step(3);
      let crash: unknown;
      try {
        renderer.apply([{ op: 'tick', ms: 1 }, { op: 'tick', ms: 1 }, { op: 'frame' }]);
      } catch (error) {
        crash = error;
      }
      expect(crash).to.be.instanceOf(EngineCrash);
      const engineCrash = crash as EngineCrash;
      expect(engineCrash.name).to.equal('EngineCrash');
      expect(engineCrash.phase).to.equal('apply');
      expect(engineCrash.lastStep).to.equal(3);
      expect(engineCrash.cause).to.be.instanceOf(WebAssembly.RuntimeError);
      expect(engineCrash.message).to.match(/crashed during apply at step 3: RuntimeError: unreachable/);

      // The next call runs on a new instance in the initial state.
      renderer.apply([{ op: 'frame', name: 'again' }]);
      const obs = renderer.snapshot();
      expect(renderer.engineExports()).not.to.equal(exports);
      expect([obs.checkpoint, obs.step, obs.frame!.width, obs.frame!.height]).to.deep.equal(['again', 0, 6, 2]);
      expect(isAllBlack(obs.frame!.data)).to.equal(true);
      renderer.dispose();
    });

    it('reports a trap outside apply with the last step applied, and never pools the instance', () => {
      const instance = new EngineInstance(loadWasmModule());
      instance.setup(2, 2, quirkMask(), TEST_ASSETS);
      instance.applyBatch(encodeBatch([{ op: 'tick', ms: 1 }, { op: 'tick', ms: 1 }]));
      expect(() => instance.guard('snapshot', null, () => instance.exports.debug_trap()))
        .to.throw(EngineCrash, /during snapshot at step 1/);
      expect(instance.dead).to.equal(true);
      expect(() => instance.snapshot()).to.throw(/dead/);
    });
  });
});
