/** The model's public interface. This file only re-exports. */
export { MODEL_VERSION } from "./version";
export { makeRng, forkRng, type Rng } from "./engine/rng";
export { parseSeeds, formatSeeds, MAX_SEEDS, DEFAULT_SEEDS } from "./engine/seeds";
export { buildRegistry, RegistryError, idFromParameterPath, idFromScenarioPath, type Registry } from "./params/registry";
export { ParameterRecord, SourceRecord, ScenarioFile } from "./params/schema";
export {
  parseValue, validateSettings, defaultSettings, nonDefault, allowedText, unknownParameterMessage,
  type Settings, type SettingsResult,
} from "./params/validate";
export {
  resolveScenarioById, resolveScenarioObject, resolveScenarioText,
  type ResolvedScenario, type ScenarioResult,
} from "./scenarios/resolve";
export { checkRegimes } from "./scenarios/regime-check";
export { DEFAULT_REGIME_IDS, REGIMES, REGIME_BY_ID, REGIME_IDS, type Regime, type RegimeId } from "./regimes/index";
export { runModel, runEnsemble, initialPopulations, drawPopulations, populationsMatch, type RunInput, type Initial, type DrawnPopulations } from "./run";
export { METRICS, METRIC_NAMES, METRIC_BY_NAME, SERIES_KEYS, DECILES, seriesKey, splitSeriesKey, type MetricInfo } from "./results/metrics";
export { SECTORS, type Sector } from "./economy/sectors";
export { STEPS, type Step } from "./economy/steps/index";
export { toRows, formatValue } from "./results/rows";
export { summarizeRuns, QUANTILES } from "./results/summary";
export type { Row, RunOutput, SummaryRow } from "./results/types";
export { rowsToCsv, summaryToCsv, toCsv, toJson, csvField, ROW_COLUMNS, SUMMARY_COLUMNS } from "./results/csv";
export { nearest } from "./params/nearest";
export { calibrationChecks, CALIBRATION_MEASURES, type CalibrationCheck } from "./validation/calibration";
export { parseChecks, type Checks } from "./checks/parse";
export { sweepPoints, sweepRegimes, type SweepPoint } from "./checks/sweep";
export type { CalibrationTarget, CrossRegimeCheck, CheckRun, Sweep } from "./checks/schema";
export { MIGRATIONS, migrateEntries, compareVersions, VERSION_TEXT, type Migration } from "./params/migrations";
