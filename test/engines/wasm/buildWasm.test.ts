import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';

const BUILD_SCRIPT = new URL('../../../scripts/build-wasm.mjs', import.meta.url);

interface BuildScript {
  buildWasm(options?: { silent?: boolean }): { built: boolean; path: string; bytes: number };
  sourceHash(): string;
}

describe('scripts/build-wasm.mjs', function () {
  this.timeout(300_000);

  it('builds once, then does nothing while the sources are unchanged', async () => {
    const script: BuildScript = await import(BUILD_SCRIPT.href);
    const first = script.buildWasm({ silent: true });
    expect(existsSync(first.path)).to.equal(true);
    const second = script.buildWasm({ silent: true });
    expect(second.built).to.equal(false);
    expect(second.bytes).to.equal(first.bytes);
    const stored = readFileSync(new URL('.build-hash', `file://${first.path}`), 'utf8').trim();
    expect(stored).to.equal(script.sourceHash());
  });
});
