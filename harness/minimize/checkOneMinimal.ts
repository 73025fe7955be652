/**
 * The 1-minimality check recorded in every reproducer: for each step, the stream without
 * that step is run and must not show the divergence any more. Always run in full (no
 * budget): it is the promise the file makes.
 */
import type { Command } from '../../engines/shared/protocol.ts';
import type { Viewport } from '../engines/types.ts';
import type { Oracle } from './oracle.ts';

export interface OneMinimality {
  readonly oneMinimal: boolean;
  readonly checked: number;
  /** Steps whose removal still shows the divergence (empty when 1-minimal). */
  readonly reproducing: readonly number[];
}

export async function checkOneMinimal(steps: readonly Command[], viewport: Viewport, fingerprint: string, oracle: Oracle): Promise<OneMinimality> {
  const reproducing: number[] = [];
  for (let i = 0; i < steps.length; i++) {
    const without = [...steps.slice(0, i), ...steps.slice(i + 1)];
    if (await oracle.reproduces(without, viewport, fingerprint)) reproducing.push(i);
  }
  return { oneMinimal: reproducing.length === 0, checked: steps.length, reproducing };
}
