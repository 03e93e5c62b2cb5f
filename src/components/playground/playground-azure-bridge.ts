/**
 * The playground's "Check it on real Azure" panel: the scenario after the changes, checked on its
 * sample flows and the flow in the form (playground-bridge.ts). Loaded when the panel opens.
 */
import type { PlaygroundModel } from "../../lib/playground/compile-playground.ts";
import type { FlowFormValues } from "../../lib/playground/flow-form.ts";
import { playgroundBridge } from "../../lib/playground/playground-bridge.ts";
import { wireAzureBridge } from "../shared/azure-bridge-view.ts";

export function mountPlaygroundBridge(
  panel: HTMLElement,
  current: () => { model: PlaygroundModel | undefined; form: FlowFormValues },
): void {
  wireAzureBridge(panel, () => {
    const { model, form } = current();
    return model
      ? playgroundBridge(model, form)
      : {
          ok: false,
          errors: [{ code: "invalid-value", message: "the playground is still loading", path: [] }],
        };
  });
}
