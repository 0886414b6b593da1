/**
 * The live side of the parameter input component (src/components/ParamInput.astro), shared by the
 * explorer and the notebook figures: show a value in an input made by that component (slider position
 * or switch, `aria-valuetext`, the value text in its `<output>`, the "changed" mark), and read the value
 * an input holds. Not responsible for validating it: callers pass what they read through the model's
 * `validateSettings` (the explorer's state module does).
 */
import type { ParameterRecord } from "../../models/params/schema";
import { formatParam, formatParamWithUnit } from "./format-param";

/** The raw value of an input made by ParamInput: 1 or 0 for a switch, else the slider's text. */
export function readParamInput(input: HTMLInputElement): string | number {
  return input.type === "checkbox" ? (input.checked ? 1 : 0) : input.value;
}

/** Show `value` in the input, its value text and its box (`.param`, marked `changed` when not the default). */
export function showParamValue(input: HTMLInputElement, record: ParameterRecord, value: number): void {
  if (input.type === "checkbox") input.checked = value === 1;
  else if (input.type === "radio") {
    for (const r of document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(input.name)}"]`)) r.checked = Number(r.value) === value;
  }
  else {
    input.value = String(value);
    input.setAttribute("aria-valuetext", formatParamWithUnit(record, value));
  }
  const out = document.getElementById(`${input.id}-out`);
  if (out) out.textContent = formatParam(record, value);
  input.closest<HTMLElement>(".param")?.classList.toggle("changed", value !== record.default);
}
