/** `npm start`: the main job — the rollout gate with the default wave on the bundled engines. */
import type { CommonOptions } from '../options.ts';
import { gateCommand } from './gate.ts';

export async function startCommand(o: CommonOptions, argv: readonly string[]): Promise<number> {
  return gateCommand(o, argv);
}
