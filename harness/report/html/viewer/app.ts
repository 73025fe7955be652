/** The viewer's state: the model plus what the reviewer chose (filters, selection, open cases). */
import type { CaseClass, ReportModel } from '../viewModel.ts';

export interface Filters {
  classes: Set<CaseClass>;
  quirk: string;
  text: string;
}

export interface GroupUi {
  readonly index: number;
  readonly section: HTMLElement;
  readonly header: HTMLElement;
  readonly list: HTMLElement;
  readonly count: HTMLElement;
  expanded: boolean;
  /** Visible case indices under the current filters. */
  visible: number[];
  /** How many rows are rendered (rows come in pages for big groups). */
  shown: number;
}

export interface App {
  readonly model: ReportModel;
  readonly filters: Filters;
  readonly groups: GroupUi[];
  /** Case index -> its row, when rendered. */
  readonly rows: Map<number, HTMLElement>;
  /** Case index -> group index. */
  readonly groupOf: Map<number, number>;
  /** The selected case (keyboard and click). */
  selected: number;
  /** The case whose detail is open, or -1. */
  open: number;
  /** Decoded pixels per embedded image index. */
  readonly pixels: Map<number, ImageData | 'loading'>;
  /** Stops the open case's blink timer. */
  stopBlink: () => void;
  /** Re-applies the filters everywhere. */
  refresh: () => void;
}

export function createApp(model: ReportModel): App {
  return {
    model,
    filters: { classes: new Set(model.counts.filter((c) => c.class !== 'pass').map((c) => c.class)), quirk: '', text: '' },
    groups: [],
    rows: new Map(),
    groupOf: new Map(),
    selected: -1,
    open: -1,
    pixels: new Map(),
    stopBlink: () => undefined,
    refresh: () => undefined,
  };
}
