/**
 * Which parameters a run reads. `readTrackedParams` gives the same typed parameters as `readModelParams`
 * (same values, same fields), except that every field is a getter that marks its parameter id in
 * `ParamReads.marks` when the model reads it. The model is deterministic and reads its parameters only
 * through this object, so a run's output is a function of the seed and the values of the parameters it
 * read: another assignment that agrees on every marked id gives the same run, byte for byte, whatever
 * the other parameters are (by induction over the run: every read returns the same value, so every
 * branch goes the same way). The explorer uses this to reuse a regime's run when a slider moves a
 * parameter that regime never read (src/lib/run-cache.ts).
 *
 * The getters live on one prototype per parameter group, built once, so the model's code sees the same
 * object shapes in every run and the JIT inlines them. A parameter group copied with a spread or read
 * with Object.keys would lose its getters: the model does neither (tests/param-reads.test.ts runs every
 * regime tracked and untracked and compares every series).
 */
import { readModelParams } from "./params";
import { buildModelParams, type ModelParams } from "./params.generated";
import { SECTORS } from "./sectors";

/** The ids a run may read (every parameter, in the order `buildModelParams` reads them) and a mark per id. */
export interface ParamReads {
  readonly ids: readonly string[];
  readonly marks: Uint8Array;
}

type Leaf = number | boolean;
interface Tracked { v: Float64Array; at: Int32Array; m: Uint8Array }
type GroupClass = new (v: Float64Array, at: Int32Array, m: Uint8Array) => Tracked;

/**
 * A class whose instances hold one group's values (`v`, numbers; a switch is 1 or 0 and read as a boolean),
 * their ids' positions (`at`) and the marks (`m`).
 */
function groupClass(fields: readonly string[], switches: ReadonlySet<string>): GroupClass {
  class Group implements Tracked {
    constructor(public v: Float64Array, public at: Int32Array, public m: Uint8Array) {}
  }
  fields.forEach((f, j) => {
    const get = switches.has(f)
      ? function (this: Tracked) { this.m[this.at[j]] = 1; return this.v[j] === 1; }
      : function (this: Tracked) { this.m[this.at[j]] = 1; return this.v[j]; };
    Object.defineProperty(Group.prototype, f, { enumerable: true, get });
  });
  return Group;
}

const switchesOf = (o: Record<string, Leaf>) => new Set(Object.keys(o).filter((k) => typeof o[k] === "boolean"));
const numbers = (o: Record<string, Leaf>) => Float64Array.from(Object.values(o), Number);

interface Layout {
  ids: string[];
  groups: { name: string; cls: GroupClass; at: Int32Array }[];
  sector: GroupClass;
  sectorAt: Int32Array[];
}

/**
 * Where each field's id is: `buildModelParams` reads one id per field, in the order its object literal
 * lists the fields (the groups, then the sectors), so walking the object it builds in insertion order
 * meets the fields in the order of the reads. Checked here with a distinct code per id.
 */
function layout(): Layout {
  const ids: string[] = [];
  const built = buildModelParams((id) => (ids.push(id), ids.length + 1), SECTORS) as unknown as Record<string, Record<string, Leaf> | Record<string, Leaf>[]>;
  let k = 0;
  const positions = (o: Record<string, Leaf>) => Int32Array.from(Object.values(o), (v) => {
    if (v !== k + 2 && typeof v !== "boolean") throw new Error("param-reads: fields and reads out of order");
    return k++;
  });
  const groups: Layout["groups"] = [];
  let sectorAt: Int32Array[] = [];
  for (const [name, value] of Object.entries(built)) {
    if (Array.isArray(value)) sectorAt = value.map(positions);
    else groups.push({ name, cls: groupClass(Object.keys(value), switchesOf(value)), at: positions(value) });
  }
  if (k !== ids.length) throw new Error("param-reads: fields and reads out of order");
  const first = (built.sectors as Record<string, Leaf>[])[0];
  return { ids, groups, sector: groupClass(Object.keys(first), switchesOf(first)), sectorAt };
}

let cached: Layout | undefined;
const theLayout = () => (cached ??= layout());

/** Fresh marks: nothing read yet. */
export function paramReads(): ParamReads {
  const ids = theLayout().ids;
  return { ids, marks: new Uint8Array(ids.length) };
}

/** The ids marked as read, in `ids` order. */
export function readIds(reads: ParamReads): string[] {
  return reads.ids.filter((_, k) => reads.marks[k] === 1);
}

/**
 * The typed parameters of a complete settings object (as `readModelParams`), with every read marked in `reads`.
 * @throws Error naming the first missing parameter id
 */
export function readTrackedParams(s: Readonly<Record<string, number>>, reads: ParamReads): ModelParams {
  const L = theLayout();
  const p = readModelParams(s) as unknown as Record<string, Record<string, Leaf> | Record<string, Leaf>[]>;
  const out: Record<string, Tracked | Tracked[]> = {};
  for (const g of L.groups) out[g.name] = new g.cls(numbers(p[g.name] as Record<string, Leaf>), g.at, reads.marks);
  out.sectors = (p.sectors as Record<string, Leaf>[]).map((sec, k) => new L.sector(numbers(sec), L.sectorAt[k], reads.marks));
  return out as unknown as ModelParams;
}
