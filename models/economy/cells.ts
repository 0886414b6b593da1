/**
 * Cells: the supply of works aggregated each year into sector × quality band × legal status, so that
 * developers choose from 120 cells, never from creator × developer pairs. A cell index is
 * `(sector × N_BANDS + band) × N_STATUS + status`.
 *
 * The legal status says who can license a work and whether its owner's opt-out binds. Statuses come in
 * pairs (not opted out, opted out), so the helpers below are the only place that knows the encoding.
 */
import { N_SECTORS } from "./sectors";

/** Quality bands (quintiles of the quality percentile). */
export const N_BANDS = 5;

/** Legal status of a creator's works (the third cell dimension). */
export const STATUS = {
  /** Represented by an intermediary (publisher, agency, label) that can license in bulk; no opt-out. */
  intermediated: 0,
  /** Represented, and the owner's opt-out binds under the regime. */
  intermediatedOptedOut: 1,
  /** Independent (long tail) but reachable for an individual licence; no opt-out. */
  reachable: 2,
  reachableOptedOut: 3,
  /** Independent and unreachable (owner not found, no answer, refusal). */
  unreachable: 4,
  unreachableOptedOut: 5,
} as const;
export const N_STATUS = 6;
export const STATUS_NAMES = ["intermediated", "intermediated, opted out", "reachable", "reachable, opted out", "unreachable", "unreachable, opted out"] as const;
export const N_CELLS = N_SECTORS * N_BANDS * N_STATUS;

/** Whether the owner of works with this status has a binding opt-out. @example isOptedOut(STATUS.reachableOptedOut) // => true */
export function isOptedOut(status: number): boolean {
  return status % 2 === 1;
}
/** The same representation without the opt-out. @example withoutOptOut(STATUS.reachableOptedOut) // => STATUS.reachable */
export function withoutOptOut(status: number): number {
  return status - (status % 2);
}
/** The same representation with a binding opt-out. @example withOptOut(STATUS.intermediated) // => STATUS.intermediatedOptedOut */
export function withOptOut(status: number): number {
  return withoutOptOut(status) + 1;
}
/** Whether an intermediary represents works with this status. */
export function isIntermediated(status: number): boolean {
  return status <= STATUS.intermediatedOptedOut;
}

/** The cell of works of sector `s`, quality band `band` and legal status `status`. */
export function cellIndex(s: number, band: number, status: number): number {
  return (s * N_BANDS + band) * N_STATUS + status;
}
/** The sector of a cell. */
export function sectorOfCell(c: number): number {
  return Math.floor(c / (N_BANDS * N_STATUS));
}
/** The legal status of a cell. */
export function statusOfCell(c: number): number {
  return c % N_STATUS;
}
