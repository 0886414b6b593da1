/** Parameter uncertainty: Latin-hypercube draws over declared distributions. This file only re-exports. */
export type { UncertaintySpec, UncertainRecord } from "./types";
export { drawBounds, uncertaintyOf } from "./types";
export { inverseCdf, specProblems } from "./inverse-cdf";
export { latinColumn, latinHypercube, snapToStep, uncertainRecords, type LhsDesign } from "./lhs";
