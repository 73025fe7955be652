/** `npm start`: the main job. For now: render every scenario with the reference engine. */
import type { CommonOptions } from '../options.ts';
import { renderCommand } from './render.ts';

export async function startCommand(o: CommonOptions): Promise<number> {
  return renderCommand(o);
}
