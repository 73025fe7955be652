/**
 * The value arbitrary of each property: values the legacy engine accepts (its `set`
 * returns ok), biased to the edges where quirks live.
 */
import type fc from 'fast-check';
import { PROPERTIES } from '../../../engines/shared/properties.ts';
import type { Value } from '../../../engines/shared/protocol.ts';
import { colour } from './colour.ts';
import { coordinate } from './coordinate.ts';
import { flag, visibility } from './flags.ts';
import { imageSource, keyword, KEYWORDS } from './keyword.ts';
import { length } from './length.ts';
import { maxLines } from './maxLines.ts';
import { fontSize, grow, nonNegative } from './nonNegative.ts';
import { opacity, zIndex } from './paintValues.ts';
import { textContent } from './textContent.ts';
import type { ValueProfile } from './valueProfile.ts';

export function validValue(prop: string, profile: ValueProfile): fc.Arbitrary<Value> {
  if (prop in KEYWORDS) return keyword(prop);
  switch (prop) {
    case 'x': case 'y': case 'margin': return coordinate(profile);
    case 'width': case 'height': return length(profile);
    case 'padding': case 'gap': case 'borderWidth': case 'radius': case 'lineHeight': return nonNegative(profile);
    case 'grow': return grow(profile);
    case 'fontSize': return fontSize(profile);
    case 'opacity': return opacity(profile);
    case 'zIndex': return zIndex(profile);
    case 'maxLines': return maxLines(profile);
    case 'background': case 'borderColor': case 'color': return colour(profile);
    case 'clip': case 'ellipsis': case 'focusable': return flag();
    case 'visible': return visibility();
    case 'text': return textContent(profile);
    case 'src': return imageSource(profile);
    default:
      throw new Error(`validValue: expected a property of ${PROPERTIES.map((p) => p.name).join(', ')}, got "${prop}"`);
  }
}
