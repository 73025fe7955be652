/** The probe's worker (./moduleProbe.ts): load the adapter as the harness would, report its identity or the one message. */
import { parentPort, workerData } from 'node:worker_threads';
import { errorText, EngineLoadError } from './engineLoadError.ts';
import type { ProbeReply, ProbeSpec } from './moduleProbe.ts';
import { loadAdapter } from './registry.ts';

const { spec, baseDir } = workerData as { spec: ProbeSpec; baseDir: string };
const reply = (m: ProbeReply) => parentPort!.postMessage(m);

reply({ kind: 'started' });
try {
  const adapter = await loadAdapter(spec, baseDir);
  const { name, version, build } = adapter.identity;
  reply({ kind: 'ready', identity: { name, version, build } });
  await adapter.close?.();
} catch (error) {
  reply({ kind: 'failed', message: error instanceof EngineLoadError ? error.message : `engine module ${spec.name ?? spec.module}: ${errorText(error)}` });
}
