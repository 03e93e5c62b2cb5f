import { describe, expect, it } from "vitest";
import { exerciseFile } from "../grader/fixtures.ts";
import { flowLogView, nsgRulesView } from "../../src/lib/exercise-ui/flow-log-view.ts";
import { exerciseFlowLog } from "../../src/lib/grader/exercise-log.ts";

/** What a read-logs page shows: the log as JSON and as rows, and every NSG's rules in order. */

const orders = exerciseFile("read-a-vm-to-vm-flow-log.yaml");

describe("the flow log as the page shows it", () => {
  const view = flowLogView(orders);
  if (!view.ok) throw new Error(JSON.stringify(view.errors));
  const log = exerciseFlowLog(orders);
  if (!log.ok) throw new Error(JSON.stringify(log.errors));

  it("is the exercise's log: one row per tuple, in time order, and the same JSON", () => {
    expect(view.value.rows).toHaveLength(log.value.tuples.length);
    expect(JSON.parse(view.value.json)).toEqual(log.value.json);
    const times = view.value.rows.map((r) => r.epoch);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("writes each row in words a learner reads, naming the VM and NSG behind the IDs", () => {
    const denied = view.value.rows.find((r) => r.state === "D" && r.destination === "10.70.2.4:1433");
    expect(denied).toMatchObject({
      vm: "vm-db1",
      nsg: "nsg-snet-data",
      rule: "UserRule_Deny-VNet-In",
      direction: "Inbound",
      protocol: "6 (TCP)",
      stateLabel: "D (denied)",
      sent: "0 / 0",
      received: "0 / 0",
    });
    expect(denied!.time).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
    expect(view.value.acls.map((a) => a.nsg).sort()).toEqual(["nsg-snet-app", "nsg-snet-data"]);
    expect(view.value.nics.map((n) => n.vm).sort()).toEqual(["vm-app1", "vm-app2", "vm-db1"]);
    expect(view.value.span).toMatch(/^2026-03-02, 14:02 to 14:0\d UTC$/);
  });

  it("never says which question a row belongs to", () => {
    for (const row of view.value.rows) expect(Object.keys(row)).not.toContain("flow");
    expect(view.value.json).not.toMatch(/"question"|"expect"/);
  });
});

describe("the rules in place", () => {
  it("lists every NSG where it is associated, each direction in evaluation order, defaults last", () => {
    const [app, data] = nsgRulesView(orders);
    expect(app).toMatchObject({ nsg: "nsg-snet-app", attachedTo: ["subnet snet-app"] });
    expect(app!.outbound.map((r) => `${r.priority} ${r.name}`)).toEqual([
      "200 Allow-SQL-To-Data",
      "4000 Deny-VNet-Out",
      "65000 AllowVnetOutBound",
      "65001 AllowInternetOutBound",
      "65500 DenyAllOutBound",
    ]);
    expect(data!.inbound[0]).toMatchObject({
      name: "Allow-SQL-From-App",
      source: "10.70.1.5",
      destinationPorts: "1433",
      protocol: "TCP",
      access: "Allow",
      isDefault: false,
    });
    expect(data!.inbound.at(-1)).toMatchObject({ name: "DenyAllInBound", protocol: "Any", isDefault: true });
  });
});
