/**
 * A step of the yearly loop: a named function of the run's state. `STEPS` (index.ts) lists them in the
 * order of events; the model README and the Methods page render that list.
 */
import type { World } from "../world-state";

export interface Step {
  /** Short name, e.g. "courts". */
  name: string;
  /** What happens in the step, in plain words (one or two sentences, shown to readers). */
  summary: string;
  /** Prepare before the first year (optional). */
  init?(w: World): void;
  /** Run the step for year `w.t`. */
  run(w: World): void;
}
