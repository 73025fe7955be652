/**
 * The events an engine emits between two snapshots.
 */
import type { EngineEvent, EventCode, EventKind } from '../shared/observation.ts';

function kindOf(code: EventCode): EventKind {
  if (code === 'focus-changed') return 'focus';
  if (code === 'animation-end') return 'animation';
  return 'error';
}

export class EventLog {
  private list: EngineEvent[] = [];

  emit(step: number, code: EventCode, id: number, detail: string): void {
    this.list.push({ step, kind: kindOf(code), code, id, detail });
  }

  /** Returns the events since the last drain and forgets them. */
  drain(): EngineEvent[] {
    const out = this.list;
    this.list = [];
    return out;
  }
}
