import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
// @ts-expect-error plain JS module without types: it must run before node_modules exists
import { cannotInstallMessage, debianPlan, DEBIAN_PACKAGES } from '../scripts/setup.mjs';

const root = resolve(import.meta.dirname, '..');

describe('the setup step', function () {
  this.timeout(30_000);

  it('needs the Rust wasm toolchain and Chromium from Debian', () => {
    expect(DEBIAN_PACKAGES.map((p: { name: string }) => p.name)).to.include.members(['rustc', 'cargo', 'libstd-rust-dev-wasm32', 'lld', 'binaryen', 'chromium']);
  });

  it('names the missing packages and the command that installs them when it cannot install', () => {
    const plan = debianPlan([{ name: 'rustc', proof: '/usr/bin/rustc' }, { name: 'binaryen', proof: '/nonexistent/wasm-opt' }], (p: string) => p === '/usr/bin/rustc');
    expect(plan.missing).to.deep.equal(['binaryen']);
    expect(cannotInstallMessage(plan, 'not running as root')).to.deep.equal([
      'missing Debian packages: binaryen (not running as root)',
      'install them as root:  apt-get update && apt-get install -y --no-install-recommends binaryen',
    ]);
  });

  it('does nothing but check when everything is in place', () => {
    const r = spawnSync(process.execPath, ['scripts/setup.mjs'], { cwd: root, encoding: 'utf8' });
    expect(r.status).to.equal(0);
    expect(r.stdout + r.stderr).to.equal('');
  });
});
