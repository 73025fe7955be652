/**
 * The bookkeeping of reading one scenario file: issues collected (up to a limit) with the
 * YAML path they point at, and a MapReader that reads typed fields of one YAML map and
 * reports missing, wrong and unknown fields. Issues become ScenarioErrors in scenario.ts.
 */
import { describeFound } from './describe.ts';
import type { FieldPath } from './protocolError.ts';
import type { Check } from './checks.ts';
import type { YamlPath, YamlSource } from './yaml.ts';
import { isPlainMap } from './validate.ts';

export interface Issue {
  readonly path: YamlPath;
  /** Point at the map key rather than its value (unknown fields). */
  readonly at?: 'key' | 'value';
  readonly label?: string;
  readonly step?: number;
  readonly op?: string;
  readonly field?: FieldPath;
  readonly expected: string;
  readonly found: string;
  /** Replaces the `field "f": expected X, got Y` wording (a problem with a file the field names). */
  readonly text?: string;
}

export class IssueList {
  readonly items: Issue[] = [];
  omitted = 0;
  constructor(readonly limit: number) {}

  add(issue: Issue): void {
    if (this.items.length < this.limit) this.items.push(issue);
    else this.omitted++;
  }
}

export interface MapContext {
  readonly issues: IssueList;
  /** YAML path of the map. */
  readonly path: YamlPath;
  /** Field path of the map as messages show it (`viewport` for viewport.width). */
  readonly field: FieldPath;
  readonly label?: string;
  /** The document, for keys in source order; without it, Object.keys order. */
  readonly source?: YamlSource;
}

/** Reads fields of one map; every method reports its own issue and returns undefined on error. */
export class MapReader {
  private constructor(private readonly ctx: MapContext, readonly map: Record<string, unknown>) {}

  /** Null (with an issue) unless `value` is a map. */
  static open(ctx: MapContext, value: unknown, expected: string): MapReader | null {
    if (isPlainMap(value)) return new MapReader(ctx, value);
    ctx.issues.add({ path: ctx.path, label: ctx.label, field: ctx.field, expected, found: describeFound(value) });
    return null;
  }

  /** The map's keys in document order. */
  keys(): string[] {
    return this.ctx.source ? this.ctx.source.keys(this.ctx.path) : Object.keys(this.map);
  }

  has(key: string): boolean {
    return Object.hasOwn(this.map, key);
  }

  /** The value at `key` if it passes `check`; missing optional fields give undefined silently. */
  read<T>(key: string, check: Check, optional = false): T | undefined {
    const value = this.has(key) ? this.map[key] : undefined;
    if (value === undefined && optional) return undefined;
    const expected = check(value);
    if (expected === null) return value as T;
    this.issue([key], expected, describeFound(value));
    return undefined;
  }

  /** Reports every key not in `allowed`, at the key itself. */
  rejectUnknown(allowed: readonly string[]): void {
    for (const key of this.keys()) {
      if (allowed.includes(key)) continue;
      this.ctx.issues.add({
        path: [...this.ctx.path, key], at: 'key', label: this.ctx.label, field: [...this.ctx.field, key],
        expected: `one of the fields ${allowed.join(', ')}`, found: `an unknown field "${key}"`,
      });
    }
  }

  /** An issue about the value at `sub` (relative to this map). */
  issue(sub: FieldPath, expected: string, found: string, at: 'key' | 'value' = 'value'): void {
    this.ctx.issues.add({ path: [...this.ctx.path, ...sub], at, label: this.ctx.label, field: [...this.ctx.field, ...sub], expected, found });
  }

  /** A reader for the map nested at `key`, or null (with an issue) if it is not a map. */
  child(key: string, expected: string): MapReader | null {
    const ctx = { ...this.ctx, path: [...this.ctx.path, key], field: [...this.ctx.field, key] };
    return MapReader.open(ctx, this.map[key], expected);
  }
}
