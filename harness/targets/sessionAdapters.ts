/**
 * The reference and candidate adapters of a run session on its own target: in-process
 * (node) or the session's chromium page (./chromium/chromiumAdapters.ts), so phases that
 * drive engines one call at a time (golden verify) check the engines where they ran.
 */
import { loadAdapter } from '../engines/registry.ts';
import type { EngineAdapter } from '../engines/types.ts';
import type { RunSession } from '../run/runSession.ts';

export async function sessionAdapters(session: RunSession): Promise<{ reference: EngineAdapter; candidate: EngineAdapter }> {
  const { config } = session.options;
  if (session.runner.chromium) {
    const { chromiumAdapters } = await import('./chromium/chromiumAdapters.ts');
    const target = await session.runner.chromium();
    return chromiumAdapters(target, { reference: session.reference, candidate: session.candidate }, { timeoutMs: session.options.timeoutMs ?? config.timeoutMs });
  }
  return { reference: await loadAdapter(session.reference, config.baseDir), candidate: await loadAdapter(session.candidate, config.baseDir) };
}
