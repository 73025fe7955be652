/**
 * Safe YAML parsing for scenarios and config: the core schema only (no custom or YAML 1.1
 * tags), unique keys, a byte cap before parsing, an alias-expansion cap and a nesting cap
 * while converting, and a LineCounter so any value's line:column can be found later.
 * Problems are values with a position; nothing here throws for a user's mistake.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Alias, Document, Node as YamlNode } from 'yaml';
import { describeFound } from './describe.ts';

/** 1-based, as editors show them. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** A path of map keys and list indexes from the document root. */
export type YamlPath = readonly (string | number)[];

export interface YamlProblem {
  readonly position: SourcePosition;
  readonly message: string;
}

export interface YamlSource {
  /** Plain data: maps as objects, lists as arrays, scalars as number | string | boolean | null. */
  readonly value: unknown;
  /** Where the value (or, with at = 'key', the map key) at `path` starts; the nearest existing ancestor if it is missing. */
  position(path: YamlPath, at?: 'key' | 'value'): SourcePosition;
  /** Keys of the map at `path` in document order (JS objects put integer-like keys first); [] if not a map. */
  keys(path: YamlPath): string[];
}

export type YamlParse = { readonly ok: true; readonly source: YamlSource } | { readonly ok: false; readonly problems: readonly YamlProblem[] };

export interface SafeYamlOptions {
  /** Largest accepted text, in UTF-8 bytes (default 1 MiB). */
  readonly maxBytes?: number;
  /** Most alias dereferences while expanding the document (default 100). */
  readonly maxAliasCount?: number;
  /** Deepest nesting of maps and lists (default 64). */
  readonly maxDepth?: number;
}

export const DEFAULT_MAX_YAML_BYTES = 1024 * 1024;
const START: SourcePosition = { line: 1, column: 1 };

type Doc = Document.Parsed;

/** First line of a yaml-package message, without its own " at line L, column C:" suffix. */
function cleanMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function positionAt(lines: LineCounter, offset: number | undefined): SourcePosition {
  if (offset === undefined) return START;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function nodeOffset(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}

interface Conversion {
  readonly doc: Doc;
  readonly lines: LineCounter;
  readonly maxAliasCount: number;
  readonly maxDepth: number;
  aliases: number;
  readonly problems: YamlProblem[];
  readonly expanding: Set<unknown>;
}

function problem(c: Conversion, node: unknown, message: string): undefined {
  c.problems.push({ position: positionAt(c.lines, nodeOffset(node)), message });
  return undefined;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty, not assignment: a "__proto__" key must stay data.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function convertKey(c: Conversion, key: unknown): string | undefined {
  if (isScalar(key) && (key.value === null || ['string', 'number', 'boolean'].includes(typeof key.value))) {
    return String(key.value);
  }
  return problem(c, key, 'expected a plain map key (a string or number), got a collection or tagged value');
}

function convert(c: Conversion, node: unknown, depth: number): unknown {
  if (node === null || node === undefined) return null;
  if (depth > c.maxDepth) return problem(c, node, `expected at most ${c.maxDepth} levels of nesting, got more`);
  if (isAlias(node)) return convertAlias(c, node, depth);
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    return problem(c, node, `expected a plain scalar, got ${describeFound(v)} (tag ${node.tag ?? 'unknown'})`);
  }
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = convertKey(c, pair.key);
      if (key !== undefined) setOwn(out, key, convert(c, pair.value, depth + 1));
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => convert(c, item, depth + 1));
  return problem(c, node, 'expected a map, list or scalar');
}

function convertAlias(c: Conversion, alias: Alias, depth: number): unknown {
  c.aliases++;
  if (c.aliases > c.maxAliasCount) {
    return c.aliases === c.maxAliasCount + 1
      ? problem(c, alias, `expected at most ${c.maxAliasCount} alias expansions, got more (an alias bomb?)`)
      : undefined;
  }
  const target = alias.resolve(c.doc);
  if (target === undefined) return problem(c, alias, `expected an anchor &${alias.source} defined before this alias, got none`);
  if (c.expanding.has(target)) return problem(c, alias, `expected an alias outside its own anchor, got *${alias.source} inside &${alias.source}`);
  c.expanding.add(target);
  const value = convert(c, target, depth);
  c.expanding.delete(target);
  return value;
}

function nodeAt(doc: Doc, path: YamlPath): unknown {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return isAlias(node) ? node.resolve(doc) : node;
}

function keysAt(doc: Doc, path: YamlPath): string[] {
  const node = nodeAt(doc, path);
  if (!isMap(node)) return [];
  return node.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : []));
}

function locate(doc: Doc, lines: LineCounter, path: YamlPath, at: 'key' | 'value'): SourcePosition {
  let node: unknown = doc.contents;
  let best = nodeOffset(node);
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      if (i === path.length - 1 && at === 'key') return positionAt(lines, nodeOffset(pair.key) ?? best);
      best = nodeOffset(pair.key) ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else break;
    best = nodeOffset(node) ?? best;
  }
  return positionAt(lines, best);
}

/** Parses one YAML document safely; see the module comment for the limits. */
export function parseYaml(text: string, options: SafeYamlOptions = {}): YamlParse {
  const { maxBytes = DEFAULT_MAX_YAML_BYTES, maxAliasCount = 100, maxDepth = 64 } = options;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) return { ok: false, problems: [{ position: START, message: `expected at most ${maxBytes} bytes of YAML, got ${bytes} bytes` }] };
  const lines = new LineCounter();
  let doc: Doc;
  try {
    doc = parseDocument(text, { schema: 'core', customTags: [], resolveKnownTags: false, merge: false, uniqueKeys: true, lineCounter: lines, prettyErrors: false });
  } catch (error) {
    // The parser recurses on nesting; a pathological document can exhaust the stack.
    return { ok: false, problems: [{ position: START, message: `expected parseable YAML, got ${(error as Error).message}` }] };
  }
  const reported = [...doc.errors, ...doc.warnings].map((e) => ({ position: positionAt(lines, e.pos[0]), message: cleanMessage(e.message) }));
  if (reported.length > 0) return { ok: false, problems: reported };
  const conversion: Conversion = { doc, lines, maxAliasCount, maxDepth, aliases: 0, problems: [], expanding: new Set() };
  const value = convert(conversion, doc.contents as YamlNode | null, 0);
  if (conversion.problems.length > 0) return { ok: false, problems: conversion.problems };
  return { ok: true, source: { value, position: (path, at = 'value') => locate(doc, lines, path, at), keys: (path) => keysAt(doc, path) } };
}
