/**
 * The creative sectors the economy simulates, in their fixed order (the order of sector agents, cells
 * and `sector.<name>.*` parameters). Public names: they appear as `group` values in breakdown rows.
 */
export const SECTORS = ["books", "news", "images", "music"] as const;
export type Sector = (typeof SECTORS)[number];
export const N_SECTORS = SECTORS.length;
