/**
 * One class for every way an adapter module can fail to become an adapter: missing,
 * fails or hangs at import, no factory, a factory that throws or rejects its options,
 * or a malformed adapter. The module is input the team wrote (like a scenario), so the
 * CLI reports it as exit 2 with one message naming the module and no stack trace.
 */
export class EngineLoadError extends Error {
  override name = 'EngineLoadError';
}

/** An error's own words without its stack: the first lines that are not `    at …` frames. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').filter((l) => !/^\s+at\s/.test(l) && l.trim() !== '');
  return lines.slice(0, 4).join(' | ') || (error instanceof Error ? error.name : 'unknown error');
}
