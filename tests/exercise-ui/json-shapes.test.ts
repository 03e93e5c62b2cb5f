/** The editor's help lists only JSON shapes the grader reads: each is graded here with a real rule. */
import { describe, expect, it } from "vitest";
import { JSON_SHAPES, jsonShapesFor } from "../../src/lib/exercise-ui/json-shapes.ts";
import { applyRules, parseLearnerRules, type Exercise } from "../../src/lib/grader/index.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const fields =
  '"priority": 200, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "203.0.113.0/24", "sourcePortRange": "*", "destinationAddressPrefix": "10.0.1.4", "destinationPortRange": "443"';
const parts = { nsg: "nsg-snet-web", name: "Allow-HTTPS-From-Office", fields };

function rulesOf(text: string, exercise: Exercise) {
  const doc = parseLearnerRules(text, exercise, "json");
  expect(doc.ok ? [] : doc.errors).toEqual([]);
  if (!doc.ok) return undefined;
  const applied = applyRules(exercise, doc.value);
  expect(applied.ok ? [] : applied.errors).toEqual([]);
  if (!applied.ok) return undefined;
  return applied.value.nsgs.find((n) => n.name === "nsg-snet-web")?.securityRules.map((r) => r.name);
}

describe("the JSON shapes the editor's help lists", () => {
  it.each(JSON_SHAPES.map((s) => ({ ...s })))("$label is graded", (shape) => {
    const text = shape.write(parts);
    expect(rulesOf(text, exerciseFile("fix-shadowed-allow.yaml"))).toEqual(["Allow-HTTPS-From-Office"]);
    if (!shape.needsOneNsg)
      expect(rulesOf(text, exerciseFile("protect-the-whole-subnet.yaml"))).toEqual([
        "Allow-HTTPS-From-Office",
      ]);
  });

  it("leaves out the shapes that name no NSG when the exercise has several", () => {
    expect(jsonShapesFor(["a"])).toHaveLength(JSON_SHAPES.length);
    const several = jsonShapesFor(["a", "b"]);
    expect(several.length).toBeLessThan(JSON_SHAPES.length);
    expect(several[0]!.example).toBe('{ "a": [ { "name": "Allow-HTTPS", … } ] }');
  });
});
