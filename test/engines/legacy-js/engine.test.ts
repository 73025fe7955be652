import { expect } from 'chai';
import { CAPS } from '../../../engines/shared/protocol.ts';
import type { Command } from '../../../engines/shared/protocol.ts';
import {
  RED, abs, append, box, codes, create, destroy, focus, frame, insert, pixel, remove, renderer, resize, run, set, view, node,
  image,
} from './helpers.ts';

function events(commands: Command[]): [string, number, string][] {
  return run(commands).events.map((e) => [e.code, e.id, e.detail]);
}

describe('legacy-js engine', () => {
  describe('steps and checkpoints', () => {
    it('names the most recent frame command and its step', () => {
      const r = renderer();
      expect(r.snapshot()).to.include({ checkpoint: '', step: -1 });
      r.apply([create(1), frame('first'), create(2), frame('second'), create(3)]);
      expect(r.snapshot()).to.include({ checkpoint: 'second', step: 3 });
      r.apply([frame()]);
      expect(r.snapshot()).to.include({ checkpoint: '', step: 5 });
    });

    it('counts every command, valid or not, and reports events since the last snapshot', () => {
      const r = renderer();
      r.apply([create(1), create(1), destroy(9)]);
      const first = r.snapshot();
      expect(first.events.map((e) => [e.step, e.code, e.kind])).to.deep.equal([[1, 'duplicate-id', 'error'], [2, 'unknown-node', 'error']]);
      expect(r.snapshot().events).to.deep.equal([]);
      r.apply([destroy(9)]);
      expect(r.snapshot().events[0].step).to.equal(3);
    });
  });

  describe('tree mutation', () => {
    it('inserts before a sibling', () => {
      const obs = run([...view(1, { height: 1 }), ...view(2, { height: 2 }), create(3), set(3, 'height', 3), insert(0, 3, 2)]);
      expect(obs.layout.map((e) => e.id)).to.deep.equal([0, 1, 3, 2]);
      expect(box(obs, 2).y).to.equal(4);
    });

    it('removes a child from its parent, keeping it alive for later use', () => {
      const obs = run([...view(1, { height: 1 }), ...view(2, { height: 2 }), remove(0, 1), append(2, 1)]);
      expect(obs.layout.map((e) => [e.id, e.depth])).to.deep.equal([[0, 0], [2, 1], [1, 2]]);
    });

    it('destroys a node, detaching it and orphaning its children', () => {
      const r = renderer();
      r.apply([...view(1, {}), ...view(2, {}, 1), destroy(1)]);
      expect(r.snapshot().layout.map((e) => e.id)).to.deep.equal([0]);
      r.apply([append(0, 2), create(1)]);
      const obs = r.snapshot();
      expect(obs.events).to.deep.equal([]);
      expect(obs.layout.map((e) => e.id)).to.deep.equal([0, 2]);
    });
  });

  describe('resize', () => {
    it('changes the frame and the root box', () => {
      const obs = run([resize(7, 3), set(0, 'background', 'red')]);
      expect([obs.frame!.width, obs.frame!.height, obs.frame!.data.length]).to.deep.equal([7, 3, 84]);
      expect(box(obs, 0)).to.include({ width: 7, height: 3 });
      expect(pixel(obs, 6, 2)).to.deep.equal(RED);
    });

    it('rejects 0 and sides over the cap with bad-size "WxH"', () => {
      expect(events([resize(0, 5), resize(5, CAPS.maxViewportSide + 1), resize(2.5, 2)])).to.deep.equal([
        ['bad-size', 0, '0x5'],
        ['bad-size', 0, `5x${CAPS.maxViewportSide + 1}`],
        ['bad-size', 0, '2.5x2'],
      ]);
      expect(run([resize(0, 5)]).frame!.width).to.equal(20);
    });
  });

  describe('invalid commands', () => {
    it('reports unknown nodes in every command that names one', () => {
      expect(events([
        set(5, 'x', 1), append(0, 5), append(5, 0 + 1), remove(5, 1), destroy(5), focus(5), { op: 'animate', id: 5, prop: 'x', to: 1, ms: 1, easing: 'linear' },
      ])).to.deep.equal([
        ['unknown-node', 5, ''], ['unknown-node', 5, ''], ['unknown-node', 5, ''], ['unknown-node', 5, ''],
        ['unknown-node', 5, ''], ['unknown-node', 5, ''], ['unknown-node', 5, ''],
      ]);
    });

    it('reports a duplicate id, including the root', () => {
      expect(events([create(1), create(1), create(0, 'text')])).to.deep.equal([['duplicate-id', 1, ''], ['duplicate-id', 0, '']]);
    });

    it('reports bad ids and node types on create', () => {
      expect(events([create(-1), create(1.5), { op: 'create', id: 2, type: 'button' as 'view' }])).to.deep.equal([
        ['bad-value', -1, 'id'], ['bad-value', -1, 'id'], ['bad-value', 2, 'type'],
      ]);
    });

    it('reports a cycle, naming the child', () => {
      expect(events([...view(1, {}), ...view(2, {}, 1), append(2, 1), append(1, 1)])).to.deep.equal([['cycle', 1, ''], ['cycle', 1, '']]);
    });

    it('reports removing or inserting before a non-child, naming the parent in detail', () => {
      expect(events([create(1), create(2), remove(0, 1), append(0, 1), insert(0, 2, 9)])).to.deep.equal([
        ['not-a-child', 1, '0'], ['not-a-child', 9, '0'],
      ]);
    });

    it('protects the root from destroy, append and remove', () => {
      expect(events([create(1), destroy(0), append(1, 0), remove(1, 0), insert(1, 0, 1)])).to.deep.equal([
        ['root-immutable', 0, ''], ['root-immutable', 0, ''], ['root-immutable', 0, ''], ['root-immutable', 0, ''],
      ]);
      expect(run([destroy(0)]).layout.length).to.equal(1);
    });

    it('reports unknown props, wrong node types and bad values, leaving the node unchanged', () => {
      const obs = run([
        ...abs(1, 0, 0, 5, 5, { background: 'red' }),
        set(1, 'colour', 'red'),
        set(1, 'text', 'hi'),
        set(1, 'src', 'q'),
        set(1, 'fit', 'cover'),
        set(1, 'background', 'purple'),
        set(1, 'width', 'wide'),
        set(1, 'padding', -1),
        set(1, 'direction', 'diagonal'),
        set(1, 'opacity', true),
        set(1, 'clip', 'yes'),
      ]);
      expect(obs.events.map((e) => [e.code, e.id, e.detail])).to.deep.equal([
        ['unknown-prop', 1, 'colour'],
        ['wrong-node-type', 1, 'text'],
        ['wrong-node-type', 1, 'src'],
        ['wrong-node-type', 1, 'fit'],
        ['bad-value', 1, 'background'],
        ['bad-value', 1, 'width'],
        ['bad-value', 1, 'padding'],
        ['bad-value', 1, 'direction'],
        ['bad-value', 1, 'opacity'],
        ['bad-value', 1, 'clip'],
      ]);
      expect(box(obs, 1).width).to.equal(5);
      expect(pixel(obs, 0, 0)).to.deep.equal(RED);
    });

    it('accepts layout, paint and focus props on every node type', () => {
      expect(events([create(1, 'text'), create(2, 'image'), set(1, 'background', 'red'), set(2, 'focusable', true), set(1, 'grow', 1)])).to.deep.equal([]);
    });

    it('rejects text longer than the string cap', () => {
      expect(events([create(1, 'text'), set(1, 'text', 'x'.repeat(CAPS.maxStringLength + 1)), set(1, 'text', 'x'.repeat(CAPS.maxStringLength))])).to.deep.equal([
        ['bad-value', 1, 'text'],
      ]);
    });

    it('reports a missing image asset by name', () => {
      const img = image([[[1, 2, 3, 255]]]);
      const obs = run([create(1, 'image'), set(1, 'src', 'nope'), set(1, 'src', 'ok')], { images: { ok: img } });
      expect(obs.events.map((e) => [e.code, e.id, e.detail])).to.deep.equal([['missing-image', 1, 'nope']]);
    });

    it('reports node-limit past CAPS.maxNodes live nodes, root included', () => {
      const cmds: Command[] = [];
      for (let id = 1; id <= CAPS.maxNodes; id++) cmds.push(create(id));
      expect(events(cmds)).to.deep.equal([['node-limit', CAPS.maxNodes, '']]);
      expect(events([...cmds, destroy(1), create(CAPS.maxNodes)])).to.deep.equal([['node-limit', CAPS.maxNodes, '']]);
    });

    it('never throws on garbage', () => {
      const garbage = [
        null, 42, 'create', {}, { op: 'nope' }, { op: 'set' }, { op: 'set', id: 0, prop: { toString: () => { throw new Error('x'); } }, value: [] },
        { op: 'create', id: '1', type: 'view' }, { op: 'append', parent: NaN, child: undefined }, { op: 'key', key: 'tab' },
        { op: 'tick' }, { op: 'resize', width: '10', height: null }, { op: 'frame', name: 7 }, { op: 'animate', id: 0, prop: 'x' },
        { op: 'set', id: 0, prop: '__proto__', value: 1 }, { op: 'set', id: 0, prop: 'constructor', value: 1 },
      ] as unknown as Command[];
      const r = renderer();
      expect(() => r.apply(garbage)).not.to.throw();
      const obs = r.snapshot();
      expect(obs.events.length).to.equal(garbage.length);
      expect(obs.events.every((e) => e.kind === 'error')).to.equal(true);
      expect(obs.layout.length).to.equal(1);
    });
  });

  describe('speed', () => {
    it('renders a 320x180 frame of ~30 nodes in well under a millisecond (typical)', () => {
      const img = image([[[255, 0, 0, 255], [0, 0, 255, 128]], [[0, 255, 0, 255], [255, 255, 255, 255]]]);
      const cmds: Command[] = [set(0, 'direction', 'row'), set(0, 'padding', 4), set(0, 'gap', 4), set(0, 'background', '#202040')];
      for (let c = 0; c < 5; c++) {
        const col = 100 + c * 10;
        cmds.push(...view(col, { grow: 1, padding: 3, gap: 3, background: '#333333', radius: 6, borderWidth: 1, borderColor: '#888888' }));
        cmds.push(...node(col + 1, 'image', { src: 'i', height: 40, fit: 'cover', radius: 4 }, col));
        cmds.push(...node(col + 2, 'text', { text: 'Title of a show that wraps', fontSize: 8, maxLines: 2, ellipsis: true }, col));
        cmds.push(...view(col + 3, { height: 10, background: '#ff000080', opacity: 0.8, focusable: true }, col));
        cmds.push(...node(col + 4, 'text', { text: 'S1 E2', fontSize: 8, color: '#aaaaaa', textAlign: 'right' }, col));
      }
      const r = renderer({ width: 320, height: 180, images: { i: img } });
      r.apply([...cmds, focus(103)]);
      expect(codes(r.snapshot().events)).to.deep.equal(['focus-changed']);
      const times: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t0 = performance.now();
        r.snapshot();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      expect(times[20]).to.be.lessThan(2); // median; typically ~0.3 ms
    });

    it('renders a 1280x720 frame in reasonable time', () => {
      const r = renderer({ width: 1280, height: 720 });
      r.apply([set(0, 'background', 'white'), ...abs(1, 100, 100, 1000, 500, { background: '#ff000080', radius: 40, borderWidth: 4, borderColor: 'blue' })]);
      r.snapshot();
      const t0 = performance.now();
      r.snapshot();
      expect(performance.now() - t0).to.be.lessThan(100);
    });
  });
});
