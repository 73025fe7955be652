/**
 * The vocabulary of generated streams. A stream is generated as a list of abstract
 * *intents*; `materialize` resolves them against a simulated scene into concrete
 * Commands. Targets are `Pick`s: positions into a pool of live nodes (modulo the pool's
 * length), never raw ids, so when fast-check drops or simplifies intents while
 * shrinking, every remaining intent still resolves to a meaningful command.
 */
import type { Command, Easing, Key, NodeType, Value } from '../../engines/shared/protocol.ts';

/** A position into a pool of candidate nodes, taken modulo the pool's length. */
export type Pick = number;

export interface PropAssignment {
  readonly prop: string;
  readonly value: Value;
}

export type AnimatableProp = 'x' | 'y' | 'opacity';

/** create + (append to an attached view unless `parent` is null) + one `set` per prop. */
export interface SpawnIntent { readonly kind: 'spawn'; readonly nodeType: NodeType; readonly parent: Pick | null; readonly props: readonly PropAssignment[] }
/** `set` on a live node whose type accepts the prop (text props: text nodes, src/fit: images). */
export interface SetIntent { readonly kind: 'set'; readonly target: Pick; readonly prop: string; readonly value: Value }
/** Append a live node under a view that is not its descendant; a node that already has a parent stays listed there (double append). */
export interface AppendIntent { readonly kind: 'append'; readonly child: Pick; readonly parent: Pick }
export interface InsertIntent { readonly kind: 'insert'; readonly child: Pick; readonly parent: Pick; readonly before: Pick }
export interface RemoveIntent { readonly kind: 'remove'; readonly parent: Pick; readonly child: Pick }
/** With `preferFocused`, destroys the focused node when it is alive (quirk focus-survives-destroy). */
export interface DestroyIntent { readonly kind: 'destroy'; readonly target: Pick; readonly preferFocused: boolean }
export interface FocusIntent { readonly kind: 'focus'; readonly target: Pick }
export interface KeyIntent { readonly kind: 'key'; readonly key: Key }
/** Optionally followed by `ticks.count` ticks of `ticks.ms` (paired to show float accumulation). */
export interface AnimateIntent {
  readonly kind: 'animate';
  readonly target: Pick;
  readonly prop: AnimatableProp;
  readonly to: number;
  readonly ms: number;
  readonly easing: Easing;
  readonly ticks: { readonly ms: number; readonly count: number } | null;
}
/** `count` ticks of `ms` each (bursts make float accumulation visible). */
export interface TickIntent { readonly kind: 'tick'; readonly ms: number; readonly count: number }
export interface ResizeIntent { readonly kind: 'resize'; readonly width: number; readonly height: number }
/** A checkpoint; `named` ones get "f1", "f2", … in stream order. */
export interface FrameIntent { readonly kind: 'frame'; readonly named: boolean }
/**
 * A grid of focusable cells (rows of `cols` cells of `cell` px) under an attached view;
 * cells listed in `hidden` get `visible: hideWith`; optionally focuses the first cell.
 */
export interface FocusGridIntent {
  readonly kind: 'focusGrid';
  readonly parent: Pick;
  readonly rows: number;
  readonly cols: number;
  readonly cell: number;
  readonly gap: number;
  readonly hidden: readonly number[];
  readonly hideWith: Value;
  readonly focusFirst: boolean;
}

/** The ways a generated command is made invalid; each names the event the engine must emit. */
export type InvalidVariant =
  | { readonly variant: 'unknown-node'; readonly op: 'set' | 'destroy' | 'focus' | 'append' | 'remove' | 'animate'; readonly missing: 'never-created' | 'destroyed' | 'max-id'; readonly other: Pick }
  | { readonly variant: 'duplicate-id'; readonly target: Pick; readonly nodeType: NodeType }
  | { readonly variant: 'cycle'; readonly target: Pick; readonly descendant: Pick }
  | { readonly variant: 'not-a-child'; readonly op: 'remove' | 'insert'; readonly parent: Pick; readonly child: Pick }
  | { readonly variant: 'root-immutable'; readonly op: 'destroy' | 'append' | 'remove' | 'insert'; readonly parent: Pick }
  | { readonly variant: 'unknown-prop'; readonly op: 'set' | 'animate'; readonly target: Pick; readonly prop: string }
  | { readonly variant: 'bad-value'; readonly target: Pick; readonly prop: string; readonly value: Value }
  | { readonly variant: 'bad-animation'; readonly target: Pick; readonly prop: string }
  | { readonly variant: 'wrong-node-type'; readonly target: Pick; readonly prop: string; readonly value: Value }
  | { readonly variant: 'missing-image'; readonly target: Pick; readonly name: string }
  | { readonly variant: 'not-focusable'; readonly target: Pick }
  | { readonly variant: 'bad-size'; readonly width: number; readonly height: number };

export type InvalidIntent = { readonly kind: 'invalid' } & InvalidVariant;

export type Intent =
  | SpawnIntent
  | SetIntent
  | AppendIntent
  | InsertIntent
  | RemoveIntent
  | DestroyIntent
  | FocusIntent
  | KeyIntent
  | AnimateIntent
  | TickIntent
  | ResizeIntent
  | FrameIntent
  | FocusGridIntent
  | InvalidIntent;

export type IntentKind = Intent['kind'];

export const INTENT_KINDS = [
  'spawn', 'set', 'append', 'insert', 'remove', 'destroy', 'focus', 'key',
  'animate', 'tick', 'resize', 'frame', 'focusGrid', 'invalid',
] as const satisfies readonly IntentKind[];

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** A materialised stream: what engines run, plus what the generator knows about it. */
export interface GeneratedStream {
  readonly viewport: Viewport;
  /** Image name -> file name in scenarios/assets/ (declare these before running). */
  readonly assets: Readonly<Record<string, string>>;
  readonly commands: readonly Command[];
  /** The intents the commands were materialised from (what fast-check shrinks). */
  readonly intents: readonly Intent[];
  /** Steps the scene model expects the engines to reject (an error event each). */
  readonly invalidSteps: readonly number[];
  /** The index of the intent behind each command (-1: the closing frame). */
  readonly origins: readonly number[];
}
