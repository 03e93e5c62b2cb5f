import type { Offsets, Report } from "../azcli/arg-parser.ts";
import type { ScriptState } from "../azcli/script-state.ts";
import { NetworkState } from "./network-state.ts";
import type { Budget } from "./patterns.ts";
import type { NicObject, NsgObject, PsValue, VnetObject } from "./values.ts";

/**
 * Everything a PowerShell script acts on: the NSGs (ScriptState, shared with the az CLI reader),
 * the scenario's VNets and NICs as Azure holds them, and every object the script read, so the
 * end of the script can say which changes were never saved.
 */
export class World {
  readonly state: ScriptState;
  readonly network: NetworkState;
  readonly report: Report;
  readonly nsgs: NsgObject[] = [];
  readonly vnets: VnetObject[] = [];
  readonly nics: NicObject[] = [];
  /** Work the script's -like and -match patterns may do in all (see patterns.ts). */
  readonly budget: Budget = { steps: 2_000_000 };
  /** List items and characters the script may build in all, so doubling a value in a loop of statements ends. */
  #cells = 1_000_000;

  constructor(state: ScriptState, report: Report) {
    this.state = state;
    this.report = report;
    this.network = new NetworkState(state.options.topology);
  }

  /** Pays for `n` items or characters about to be built; false (reported once) when the script has built too much. */
  charge(n: number, at: Offsets): boolean {
    if (this.#cells < 0) return false;
    this.#cells -= n;
    if (this.#cells >= 0) return true;
    this.report(
      "value-too-long",
      "this script builds more text and lists than any script needs (1,000,000 characters and items in all); NSG Lab stops here",
      at,
    );
    return false;
  }

  /** A value handed to a cmdlet or property: the object it holds was read for a reason. */
  use(value: PsValue): void {
    if (value.kind === "nsg") value.nsg.used = true;
    else if (value.kind === "vnet") value.vnet.used = true;
    else if (value.kind === "nic") value.nic.used = true;
    else if (value.kind === "subnet" && value.vnet) value.vnet.used = true;
    else if (value.kind === "ipconfig") value.nic.used = true;
    else if (value.kind === "array") for (const item of value.items) this.use(item);
  }
}
