/** Sensitivity analysis of the model: one-at-a-time swings (tornado) and Morris screening. Re-exports only. */
export { quantile, admissible, BOUND_PROBABILITIES, type Bounds, type UncertainParameter } from "./distribution";
export { factorOf, linearFactor, uncertainParameters, type Factor } from "./factor";
export { oneAtATime, sortByAbs, type OatRow, type Point } from "./oat";
export { morris, morrisDelta, morrisTrajectories, type MorrisEffect, type MorrisOptions } from "./morris";
export { metricEvaluator, type MetricSpec } from "./evaluate";
export { wilson, Z95, type ShareInterval } from "./wilson";
export { drawOutcomes, winShare, flipOf, flips, flipSentence, lowerIsBetter, type DrawOutcome, type Flip, type RobustnessSpec } from "./robustness";
export { pairwiseWinShares, multiTornado, type PairShare, type MetricTornado } from "./headline";
