/**
 * harness/protocol: the scene protocol as the harness sees it. Validation of commands,
 * canonical JSON, safe YAML, scenario files (load, write back, find), and the shared
 * contract (types, caps, binary codec) re-exported for harness users.
 */
export * from '../../engines/shared/protocol.ts';
export * from '../../engines/shared/properties.ts';
export * from '../../engines/shared/binary.ts';
export type * from '../../engines/shared/observation.ts';
export { EVENT_CODES, EVENT_KINDS } from '../../engines/shared/observation.ts';

export { describeFound } from './describe.ts';
export { COMMAND_FIELDS } from './fields.ts';
export type { FieldKind, FieldSpec } from './fields.ts';
export { formatFieldPath, protocolError } from './protocolError.ts';
export type { FieldPath, ProtocolError } from './protocolError.ts';
export { isOp, validateCommand, validateFields, validateStream } from './validate.ts';
export type { Validated, ValidateStreamOptions } from './validate.ts';
export { nodeCountError, stepCountError } from './streamCaps.ts';
export { canonicalCommand, canonicalJson, canonicalStream, CanonicalJsonError } from './canonical.ts';
export { DEFAULT_MAX_YAML_BYTES, parseYaml } from './yaml.ts';
export type { SafeYamlOptions, SourcePosition, YamlParse, YamlPath, YamlProblem, YamlSource } from './yaml.ts';
export { loadScenario, loadScenarioSync, parseScenario, SCENARIO_KEYS, tryParseScenario } from './scenario.ts';
export type { ScenarioOptions, ScenarioParse } from './scenario.ts';
export { isScenarioError, ScenarioError, ScenarioErrors } from './scenarioError.ts';
export type { ScenarioErrorInit } from './scenarioError.ts';
export { defaultAssetsRoot } from './scenarioAssets.ts';
export { SCENARIO_ID } from './scenarioHeader.ts';
export { EXPECTATION_KINDS } from './scenarioTypes.ts';
export type { EventMatch, Expectation, ExpectationKind, QuirkEntry, Provenance, Rgba, Scenario, Tolerance, Viewport } from './scenarioTypes.ts';
export { commandToYaml, scenarioToYaml } from './scenarioToYaml.ts';
export type { ScenarioToYamlOptions } from './scenarioToYaml.ts';
export { quoteYamlString, yamlScalar } from './yamlScalar.ts';
export { findScenarios } from './findScenarios.ts';
