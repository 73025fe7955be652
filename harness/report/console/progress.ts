/**
 * Progress while cases finish: a one-line bar redrawn in place on a TTY, plain lines
 * otherwise (CI logs), one per finished case that did not pass plus a line every 10%.
 */
import type { CaseResult } from '../../results/types.ts';

export interface Progress {
  phase(text: string): void;
  update(result: CaseResult, done: number, total: number): void;
  end(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  if (quiet) return { phase() {}, update() {}, end() {} };
  const tty = stream.isTTY === true;
  let lastDecile = -1;
  let counts = { pass: 0, other: 0 };
  let drawn = false;
  const clear = () => {
    if (tty && drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  return {
    phase(text) {
      clear();
      stream.write(`${text}\n`);
    },
    update(result, done, total) {
      if (result.status === 'pass') counts.pass++;
      else counts.other++;
      if (tty) {
        if (result.status !== 'pass') {
          clear();
          stream.write(`  ${result.status.padEnd(10)} ${result.id}\n`);
        }
        const width = 30;
        const filled = Math.round((done / total) * width);
        stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  pass ${counts.pass}  other ${counts.other}`);
        drawn = true;
      } else {
        if (result.status !== 'pass') stream.write(`  ${result.status.padEnd(10)} ${result.id}\n`);
        const decile = Math.floor((done / total) * 10);
        if (decile !== lastDecile || done === total) {
          lastDecile = decile;
          stream.write(`  ${done}/${total} cases done\n`);
        }
      }
    },
    end() {
      clear();
      counts = { pass: 0, other: 0 };
    },
  };
}
