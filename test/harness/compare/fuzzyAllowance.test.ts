import { expect } from 'chai';
import { resolveFuzzy, withinFuzzy } from '../../../harness/compare/fuzzyAllowance.ts';

const reason = 'anti-aliasing of rounded corners differs by one step';

describe('resolveFuzzy', () => {
  it('reads a single number N as the range 0-N', () => {
    expect(resolveFuzzy({ maxDifference: 2, totalPixels: 300, reason })).to.deep.equal({
      maxDifference: [0, 2],
      totalPixels: [0, 300],
      reason,
    });
  });

  it('reads [min, max] pairs and "min-max" strings as inclusive ranges', () => {
    const f = resolveFuzzy({ maxDifference: [1, 3], totalPixels: '10-20', reason });
    expect(f.maxDifference).to.deep.equal([1, 3]);
    expect(f.totalPixels).to.deep.equal([10, 20]);
  });

  it('rejects an allowance without a reason, or with a blank one', () => {
    expect(() => resolveFuzzy({ maxDifference: 1, totalPixels: 1 })).to.throw(
      'fuzzy allowance: a fuzzy allowance needs a written reason: expected a non-empty string, got nothing',
    );
    expect(() => resolveFuzzy({ maxDifference: 1, totalPixels: 1, reason: '  ' })).to.throw(/written reason/);
  });

  it('rejects reversed, fractional, negative and out-of-range bounds, naming where', () => {
    const where = 'scenario smoke/box.yaml tolerance';
    expect(() => resolveFuzzy({ maxDifference: [5, 2], totalPixels: 1, reason }, where)).to.throw(
      `${where}.maxDifference: expected integers with 0 <= min <= max <= 255, got [5,2]`,
    );
    expect(() => resolveFuzzy({ maxDifference: 256, totalPixels: 1, reason })).to.throw(/<= 255, got 256/);
    expect(() => resolveFuzzy({ maxDifference: 1, totalPixels: 1.5, reason })).to.throw(/totalPixels/);
    expect(() => resolveFuzzy({ maxDifference: 1, totalPixels: -1, reason })).to.throw(/totalPixels/);
    expect(() => resolveFuzzy({ maxDifference: 'lots', totalPixels: 1, reason })).to.throw(
      'expected N, [min, max] or "min-max", got "lots"',
    );
  });

  it('rejects something that is not an object', () => {
    expect(() => resolveFuzzy('0-2;0-300')).to.throw('expected an object {maxDifference, totalPixels, reason}');
  });
});

describe('withinFuzzy', () => {
  const fuzzy = resolveFuzzy({ maxDifference: [1, 2], totalPixels: 10, reason });
  const stats = (maxChannelDiff: number, pixels: number) => ({ maxChannelDiff, pixels, ratio: 0, bbox: null });

  it('accepts values on both range bounds', () => {
    expect(withinFuzzy(stats(1, 10), fuzzy)).to.equal(true);
    expect(withinFuzzy(stats(2, 1), fuzzy)).to.equal(true);
  });

  it('refuses a value outside either range', () => {
    expect(withinFuzzy(stats(3, 1), fuzzy)).to.equal(false);
    expect(withinFuzzy(stats(0, 1), fuzzy)).to.equal(false);
    expect(withinFuzzy(stats(1, 11), fuzzy)).to.equal(false);
  });
});
