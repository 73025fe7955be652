/**
 * Where the engines run. `node`: both engines in-process in the runner's worker threads.
 * `chromium`: where they really live on a device — a browser page with the legacy
 * engine on its main thread and the Wasm engine in a Web Worker fed by binary messages
 * (./chromium/).
 */
export const TARGETS = ['node', 'chromium'] as const;
export type TargetName = (typeof TARGETS)[number];

export function isTargetName(s: string): s is TargetName {
  return (TARGETS as readonly string[]).includes(s);
}
