/**
 * The Rust engine's copies of the shared tables (abi.rs debug_table_name) equal the TS
 * contract in engines/shared: a drift here would silently renumber codes on the wire.
 */
import { expect } from 'chai';
import { EVENT_CODES, EVENT_KINDS } from '../../../engines/shared/observation.ts';
import { PROPERTIES } from '../../../engines/shared/properties.ts';
import { EASINGS, KEYS, NODE_TYPES, OPS } from '../../../engines/shared/protocol.ts';
import { QUIRK_IDS } from '../../../engines/shared/quirks.ts';
import { loadWasmModule } from '../../../engines/wasm/adapter.ts';
import type { EngineExports } from '../../../engines/wasm/host/exports.ts';
import { readUtf16 } from '../../../engines/wasm/host/exports.ts';
import { EngineInstance } from '../../../engines/wasm/host/EngineInstance.ts';
import { ensureWasmBuilt } from './wasmFixture.ts';

/** Table numbers of debug_table_name, with the TS table each must equal. */
const TABLES: [string, number, readonly string[]][] = [
  ['QUIRK_IDS', 0, QUIRK_IDS],
  ['EVENT_CODES', 1, EVENT_CODES],
  ['PROPERTIES', 2, PROPERTIES.map((p) => p.name)],
  ['OPS', 3, OPS],
  ['NODE_TYPES', 4, NODE_TYPES],
  ['KEYS', 5, KEYS],
  ['EASINGS', 6, EASINGS],
  ['EVENT_KINDS', 7, EVENT_KINDS],
];

function rustTable(exports: EngineExports, table: number): string[] {
  const names: string[] = [];
  for (let i = 0; ; i++) {
    const units = exports.debug_table_name(table, i);
    if (units < 0) return names;
    names.push(readUtf16(exports.memory, exports.debug_scratch_ptr() >>> 0, units));
  }
}

describe('wasm engine tables match engines/shared', function () {
  let exports: EngineExports;

  before(async function () {
    this.timeout(300_000);
    await ensureWasmBuilt();
    exports = new EngineInstance(loadWasmModule()).exports;
  });

  for (const [name, table, expected] of TABLES) {
    it(`${name} has the same entries in the same order`, () => {
      expect(rustTable(exports, table)).to.deep.equal([...expected]);
    });
  }
});
