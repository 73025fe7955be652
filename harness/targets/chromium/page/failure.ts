/** Anything an engine threw, as plain data: name, message and the engine's own step (EngineCrash.lastStep). */
export function failureOf(error: unknown): { name: string; message: string; lastStep: number } {
  const e = error as { name?: unknown; message?: unknown; lastStep?: unknown } | null;
  return {
    name: e && typeof e.name === 'string' ? e.name : 'Error',
    message: e && typeof e.message === 'string' ? e.message : String(error),
    lastStep: e && typeof e.lastStep === 'number' ? e.lastStep : -1,
  };
}
