/** Usage errors: a wrong flag or argument. Exit class 2, message only. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const HELP = `parity — differential compatibility harness: legacy JS renderer vs Rust->Wasm port

Usage: parity <command> [options]

Commands:
  run [PATHS...]           run scenarios (files, folders, globs) through reference and candidate
  replay FILE              replay one scenario as a case: each identity with its cause and symptom
       [--divergence FP]   report that divergence (12-hex fingerprint), not the first one
  render [PATHS...]        render scenarios with one engine; write PNG + layout JSON per checkpoint
  golden record [PATHS...] record the reference engine's observations under golden/
  golden verify [PATHS...] check reference and candidate against golden/
  golden approve ID        accept the current reference observations of scenario ID
  gate [--wave W]          the rollout gate: regressions, quirks, smoke, goldens, fuzz; go / no-go
       [--shard i/n]       run one deterministic slice (merge the slices with \`parity merge\`)
       [--strict]          also fail on stale waivers
  merge RESULTS.json...    merge shard results into one run, report and verdict
  report RESULTS.json      regenerate the HTML report [--previous OLD.json for the trend]
  start                    the main job (npm start)
  fuzz [--seed S]          replay saved regressions, then fuzz generated streams on all cores;
       [--runs N | --time 60s] [--shard i/n]
                           health stats, quirk coverage, new divergences minimized to
                           scenarios/regressions/<fingerprint>.yaml [--regressions DIR] [--dry-run];
                           --quirk-off ID simulates a port bug (its divergences are new, as in gate)
  minimize FILE            reduce a diverging scenario to a 1-minimal reproducer (same fingerprint);
                           never replaces another find's file: a smaller one of the same find stays,
                           another find's file is left and the new one written beside it (<fp>-2.yaml)
  selftest [QUIRK...]      turn each compat flag off in turn; the fuzzer must notice within
       [--budget 30s]      the budget; prints selftest killed=k/n median_detect_s=.. median_repro_steps=..

Common options:
  --config FILE            config file (default: parity.config.yaml)
  --reference ENGINE       legacy-js | wasm | legacy-js-worker | wasm-worker | PATH (default from config)
  --candidate ENGINE       as --reference
  --quirk-off ID           turn a compat flag off in the candidate (repeatable)
  --workers N              case workers (default: one per core)
  --timeout MS             per-case time limit
  --out DIR                reports folder (default: reports)
  --json                   print machine-readable JSON instead of text
  --target node|chromium   where the engines run (run, replay, gate, fuzz): chromium = a page with legacy-js
                           on its main thread and wasm in a Web Worker (default node)
  --present                chromium: draw frames on the page, screenshot each case (run: <run>/present/)
  --cross-target           run: also compare each engine under node vs chromium (cases target:<engine>:<id>)
  --seed S, --runs N, --time 60s   fuzz seed and budget (runs exact; time: runs until time is up)
  --minimize-time 10s      time budget of each minimization
  --coverage-all           run the quirk detectors on every run (default: the first 500, then 1 in 16)
  -h, --help               this help

Exit classes: 0 pass · 1 divergence · 2 usage or input error · 3 engine crash or infrastructure failure
`;
