/** Usage errors: a wrong flag or argument. Exit class 2, message only. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const HELP = `parity — differential compatibility harness: legacy JS renderer vs Rust->Wasm port

Usage: parity <command> [options]

Commands:
  run [PATHS...]           run scenarios (files, folders, globs) through reference and candidate
  replay FILE              replay one scenario step by step; name the first diverging command
  render [PATHS...]        render scenarios with one engine; write PNG + layout JSON per checkpoint
  golden record [PATHS...] record the reference engine's observations under golden/
  golden verify [PATHS...] check reference and candidate against golden/
  golden approve ID        accept the current reference observations of scenario ID
  start                    the main job (npm start)

Common options:
  --config FILE            config file (default: parity.config.yaml)
  --reference ENGINE       legacy-js | wasm | legacy-js-worker | wasm-worker | PATH (default from config)
  --candidate ENGINE       as --reference
  --quirk-off ID           turn a compat flag off in the candidate (repeatable)
  --workers N              case workers (default: one per core)
  --timeout MS             per-case time limit
  --out DIR                reports folder (default: reports)
  --json                   print machine-readable JSON instead of text
  -h, --help               this help

Exit classes: 0 pass · 1 divergence · 2 usage or input error · 3 engine crash or infrastructure failure
`;
