import { expect } from 'chai';
import { QUIRK_IDS } from '../../../engines/shared/quirks.ts';
import type { QuirkId } from '../../../engines/shared/quirks.ts';
import type { Command } from '../../../engines/shared/protocol.ts';
import { detectQuirks, QUIRK_DETECTORS } from '../../../harness/generate/index.ts';
import { samples } from './helpers.ts';

const view = (id: number, parent = 0, props: Record<string, unknown> = {}): Command[] => [
  { op: 'create', id, type: 'view' },
  { op: 'append', parent, child: id },
  ...Object.entries({ width: 20, height: 20, background: 'red', ...props }).map(([prop, value]) => ({ op: 'set', id, prop, value }) as Command),
];
const text = (id: number, value: string, props: Record<string, unknown> = {}): Command[] => [
  { op: 'create', id, type: 'text' },
  { op: 'append', parent: 0, child: id },
  ...Object.entries({ text: value, ...props }).map(([prop, v]) => ({ op: 'set', id, prop, value: v }) as Command),
];
const frame: Command = { op: 'frame', name: 'f' };

/** One hand-written trigger per quirk. */
const TRIGGERS: Record<QuirkId, Command[]> = {
  'coord-int32-truncation': [...view(1, 0, { x: -0.5 }), frame],
  'round-half-up': [...view(1, 0, { align: 'center', width: 10 }), ...view(2, 1, { width: 13 }), frame],
  'blend-truncation': [...view(1, 0, { opacity: 0.5 }), frame],
  'zindex-string-sort': [...view(1, 0, { zIndex: 9 }), ...view(2, 0, { zIndex: 10 }), frame],
  'opacity-not-compounded': [...view(1, 0, { opacity: 0.5 }), ...view(2, 1), frame],
  'clip-ignores-radius': [...view(1, 0, { clip: true, radius: 5 }), ...view(2, 1), frame],
  'parsefloat-units': [...view(1, 0, { width: '12px' }), frame],
  'short-hex-color': [...view(1, 0, { background: '#abc' }), frame],
  'ellipsis-splits-surrogate': [...text(1, 'ab😀😀 cd', { width: 36, fontSize: 8, maxLines: 1, ellipsis: true }), frame],
  'glyph-per-code-unit': [...text(1, '😀'), frame],
  'double-append': [...view(1), ...view(2), { op: 'append', parent: 2, child: 1 }, frame],
  'maxlines-zero-unlimited': [...text(1, 'hello', { maxLines: 0 }), frame],
  'grow-remainder-dropped': [...view(1, 0, { direction: 'row', width: 11 }), ...view(2, 1, { width: 0, grow: 1 }), ...view(3, 1, { width: 0, grow: 1 }), frame],
  'percent-of-border-box': [...view(1, 0, { padding: 4 }), ...view(2, 1, { width: '50%' }), frame],
  'focus-survives-destroy': [...view(1, 0, { focusable: true }), { op: 'focus', id: 1 }, { op: 'destroy', id: 1 }, frame],
  'focus-considers-hidden': [...view(1, 0, { focusable: true }), ...view(2, 0, { focusable: true, visible: false }), { op: 'key', key: 'down' }, frame],
  'visible-string-truthy': [...view(1, 0, { visible: 'false' }), frame],
  'anim-time-accumulation': [...view(1), { op: 'animate', id: 1, prop: 'x', to: 10, ms: 1000, easing: 'linear' }, { op: 'tick', ms: 1000 / 3 }, { op: 'tick', ms: 1000 / 3 }, { op: 'tick', ms: 1000 / 3 }, frame],
};

/** A plain scene that triggers nothing. */
const PLAIN: Command[] = [...view(1), ...text(2, 'hello'), { op: 'tick', ms: 16 }, frame];

describe('harness/generate quirkDetectors', () => {
  it('has one detector per quirk id', () => {
    expect(Object.keys(QUIRK_DETECTORS).sort()).to.deep.equal([...QUIRK_IDS].sort());
  });

  for (const q of QUIRK_IDS) {
    it(`${q}: false for an empty stream and a plain scene, true for its trigger`, () => {
      expect(QUIRK_DETECTORS[q]([])).to.equal(false);
      expect(QUIRK_DETECTORS[q](PLAIN)).to.equal(false);
      expect(QUIRK_DETECTORS[q](TRIGGERS[q])).to.equal(true);
    });
  }

  it('ignores rejected commands', () => {
    const rejected: Command[] = [...view(1), { op: 'set', id: 9, prop: 'background', value: '#abc' }, { op: 'set', id: 1, prop: 'visible', value: 'false' }, frame];
    expect(QUIRK_DETECTORS['short-hex-color'](rejected)).to.equal(false);
    expect(QUIRK_DETECTORS['visible-string-truthy'](rejected)).to.equal(true);
  });

  it('fires every detector on some of 2000 generated streams', function () {
    this.timeout(120_000);
    const hits = new Map<QuirkId, number>(QUIRK_IDS.map((q) => [q, 0]));
    for (const s of samples(2000)) for (const q of detectQuirks(s.commands, s.viewport)) hits.set(q, hits.get(q)! + 1);
    if (process.env.PARITY_SHOW_RATES) console.log(Object.fromEntries([...hits].map(([q, n]) => [q, `${((n / 2000) * 100).toFixed(1)}%`])));
    for (const [q, n] of hits) expect(n, q).to.be.greaterThan(0);
  });
});
