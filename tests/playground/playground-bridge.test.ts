import { describe, expect, it } from "vitest";
import { compilePlayground } from "../../src/lib/playground/compile-playground.ts";
import { EMPTY_FLOW_FORM } from "../../src/lib/playground/flow-form.ts";
import { FORM_FLOW_NAME, playgroundBridge } from "../../src/lib/playground/playground-bridge.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const ftp = exerciseFile("ftp-active.yaml");
const scenario = (flows: unknown[]) =>
  JSON.stringify({ title: "FTP", subscription: ftp.subscription, topology: ftp.topology, flows });
const sample = { name: "Studio opens FTP", flow: ftp.expectations[0]!.flow };

describe("the playground's check on real Azure", () => {
  it("checks the scenario's sample flows and the flow in the form, after the changes", () => {
    const model = compilePlayground(scenario([sample]), "");
    const form = { ...EMPTY_FLOW_FORM, from: "203.0.113.7", to: "vm-ingest", port: "22" };
    const bridge = playgroundBridge(model, form);
    expect(bridge.ok).toBe(true);
    if (!bridge.ok) return;
    expect(bridge.value.checks.map((c) => c.name)).toEqual(["Studio opens FTP", FORM_FLOW_NAME]);
    expect(bridge.value.verification.target).toMatchObject({ id: "playground", title: "FTP" });
    expect(bridge.value.verification.plan.tests.length).toBeGreaterThan(0);
  });

  it("does not check the form's flow twice when it is a sample, nor an incomplete form", () => {
    const model = compilePlayground(scenario([sample]), "");
    const bridge = playgroundBridge(model, EMPTY_FLOW_FORM);
    expect(bridge.ok && bridge.value.checks.map((c) => c.name)).toEqual(["Studio opens FTP"]);
  });

  it("says what to do when there is nothing to check, or the scenario has problems", () => {
    const empty = playgroundBridge(compilePlayground(scenario([]), ""), EMPTY_FLOW_FORM);
    expect(!empty.ok && empty.errors[0]!.message).toMatch(/no flows to check/);
    const broken = playgroundBridge(compilePlayground("{ not json", ""), EMPTY_FLOW_FORM);
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.errors[0]!.code).toBe("invalid-json");
  });
});
