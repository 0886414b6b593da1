/** The size of the explorer's parameter-uncertainty design (./explorer-design.ts), apart so the page can name it without loading the sampler. */
/** Draws per switch-on (kept small: each is a full run of every regime for every seed). */
export const EXPLORER_DRAWS = 8;
/** Seed of the explorer's Latin-hypercube design. */
export const EXPLORER_DESIGN_SEED = 1;
