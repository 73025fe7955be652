import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReportArgs, reportCommand } from '../../../harness/cli/commands/report.ts';
import { parseCommon } from '../../../harness/cli/options.ts';
import { UsageError } from '../../../harness/cli/usage.ts';
import { writeSyntheticRun } from '../../browser/syntheticRun.ts';

describe('parity report', () => {
  it('reads the results file and --previous from its arguments', () => {
    expect(parseReportArgs(['r.json'])).to.deep.equal({ results: 'r.json' });
    expect(parseReportArgs(['r.json', '--previous', 'old.json'])).to.deep.equal({ results: 'r.json', previous: 'old.json' });
    expect(() => parseReportArgs([])).to.throw(UsageError, 'expected exactly one results.json, got 0');
    expect(() => parseReportArgs(['a', '--nope'])).to.throw(UsageError);
  });

  it('regenerates index.html next to a saved results.json, with the trend against --previous', async () => {
    const runDir = join(mkdtempSync(join(tmpdir(), 'parity-cli-report-')), 'run');
    writeSyntheticRun(runDir, { cases: 12, divergent: 8 });
    const results = join(runDir, 'results.json');
    const write = process.stdout.write;
    let out = '';
    process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
    try {
      expect(await reportCommand(parseCommon([results]), [results, '--previous', results])).to.equal(0);
    } finally {
      process.stdout.write = write;
    }
    expect(out).to.match(/^parity report: .*index\.html \(\d+\.\d MB\)\n$/);
    expect(existsSync(join(runDir, 'index.html'))).to.equal(true);
    const data = /<script type="application\/json" id="parity-data">(.*)<\/script>/.exec(readFileSync(join(runDir, 'index.html'), 'utf8'))![1];
    // 8 cases differ, but the known quirk among them does not count against the run
    expect(JSON.parse(data).trend.counts).to.deep.equal({ new: 0, fixed: 0, 'still-failing': 7, changed: 0, removed: 0 });
  });
});
