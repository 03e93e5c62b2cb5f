/**
 * The VNet flow log generator: records in the format of Learn's "Virtual network flow logs" page
 * (flowLogVersion 4, flowRecords → flows per aclID → flowGroups per rule → flowTuples), written
 * from the evaluator's verdicts, so what a log says about a flow is what the simulator decides.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exerciseFile } from "../grader/fixtures.ts";
import { exerciseFlowLog } from "../../src/lib/grader/exercise-log.ts";
import { guidOf, macOf } from "../../src/lib/network-watcher/generated-ids.ts";
import { tupleText, vnetFlowLog, type LoggedTuple } from "../../src/lib/network-watcher/vnet-flow-log.ts";
import { createEvaluator, type Evaluator } from "../../src/lib/nsg/evaluator.ts";
import type { Flow } from "../../src/lib/nsg/flow-schema.ts";

const web = exerciseFile("read-the-web-flow-log.yaml");
const orders = exerciseFile("read-a-vm-to-vm-flow-log.yaml");

function evaluatorOf(exercise: typeof web): Evaluator {
  const built = createEvaluator(exercise.topology, exercise.subscription);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.value;
}

function logOf(exercise: typeof web, flows: Flow[], start = "2026-03-02T09:14:00Z") {
  const log = vnetFlowLog(evaluatorOf(exercise), flows, start);
  if (!log.ok) throw new Error(JSON.stringify(log.errors));
  return log.value;
}

const summary = (t: LoggedTuple) => `${t.nic} ${t.nsg} ${t.logRule} ${t.direction} ${t.state}`;

describe("a VNet flow log record", () => {
  const log = logOf(web, [
    { from: "203.0.113.50", to: "192.0.2.10", protocol: "Tcp", sourcePort: 51514, port: 443 },
    { from: "192.0.2.99", to: "192.0.2.10", protocol: "Tcp", sourcePort: 38877, port: 22 },
  ]);

  it("has the properties Learn lists, one record per NIC and minute", () => {
    const [record] = log.json.records;
    expect(Object.keys(record!)).toEqual([
      "time",
      "flowLogVersion",
      "flowLogGUID",
      "macAddress",
      "category",
      "flowLogResourceID",
      "targetResourceID",
      "operationName",
      "flowRecords",
    ]);
    expect(record).toMatchObject({
      flowLogVersion: 4,
      category: "FlowLogFlowEvent",
      operationName: "FlowLogFlowEvent",
      macAddress: macOf("vm-web1-nic"),
    });
    expect(record!.targetResourceID).toMatch(/\/providers\/Microsoft\.Network\/virtualNetworks\/vnet-lab$/);
    expect(record!.time).toMatch(/^2026-03-02T09:15:00\.\d{7}Z$/);
    const flows = record!.flowRecords.flows;
    expect(flows.map((f) => f.aclID)).toEqual([guidOf("nsg:nsg-snet-web")]);
    expect(flows[0]!.flowGroups.map((g) => [g.rule, g.flowTuples.length])).toEqual([
      ["UserRule_Allow-HTTPS-Internet", 2],
      ["DefaultRule_DenyAllInBound", 1],
    ]);
  });

  it("writes each tuple as the 13 comma-separated fields, the NSG's view of the packet", () => {
    const [allowed, denied] = log.json.records[0]!.flowRecords.flows[0]!.flowGroups;
    const [begin, end] = allowed!.flowTuples.map((t) => t.split(","));
    // Inbound, the NSG sees the private address: Azure translated 192.0.2.10 already.
    expect(begin).toEqual([
      expect.stringMatching(/^\d{13}$/),
      "203.0.113.50",
      "10.0.1.4",
      "51514",
      "443",
      "6",
      "I",
      "B",
      "NX",
      "0",
      "0",
      "0",
      "0",
    ]);
    expect(end!.slice(1, 9)).toEqual(["203.0.113.50", "10.0.1.4", "51514", "443", "6", "I", "E", "NX"]);
    expect(
      end!
        .slice(9)
        .map(Number)
        .every((n) => n > 0),
    ).toBe(true);
    expect(Number(end![0])).toBeGreaterThan(Number(begin![0]));
    expect(denied!.flowTuples).toEqual([
      expect.stringMatching(/^\d{13},192\.0\.2\.99,10\.0\.1\.4,38877,22,6,I,D,NX,0,0,0,0$/),
    ]);
    expect(log.tuples.map(tupleText)).toEqual(
      expect.arrayContaining([...allowed!.flowTuples, ...denied!.flowTuples]),
    );
  });

  it("is the same on every build", () => {
    const again = logOf(web, [
      { from: "203.0.113.50", to: "192.0.2.10", protocol: "Tcp", sourcePort: 51514, port: 443 },
      { from: "192.0.2.99", to: "192.0.2.10", protocol: "Tcp", sourcePort: 38877, port: 22 },
    ]);
    expect(JSON.stringify(again.json)).toBe(JSON.stringify(log.json));
  });

  it("dates each record after the tuples it holds, within the minute it covers", () => {
    const later = logOf(
      web,
      web.expectations.map((e) => e.flow),
    );
    for (const record of later.json.records) {
      const written = Date.parse(record.time);
      for (const t of record.flowRecords.flows.flatMap((f) => f.flowGroups.flatMap((g) => g.flowTuples))) {
        const at = Number(t.split(",")[0]);
        expect(at).toBeLessThan(written);
        expect(written - at).toBeLessThanOrEqual(61_000);
      }
    }
  });
});

describe("a flow between two VMs", () => {
  it("denied at the receiver: sent but nothing received at the sender, D at the receiver", () => {
    const log = logOf(orders, [
      { from: "vm-app1", to: "vm-db1", protocol: "Tcp", sourcePort: 49288, port: 1433 },
    ]);
    expect(log.tuples.map(summary)).toEqual([
      "vm-app1-nic nsg-snet-app UserRule_Allow-SQL-To-Data O B",
      "vm-db1-nic nsg-snet-data UserRule_Deny-VNet-In I D",
      "vm-app1-nic nsg-snet-app UserRule_Allow-SQL-To-Data O E",
    ]);
    const end = log.tuples[2]!;
    expect(end.packetsSent).toBeGreaterThan(0);
    expect([end.packetsReceived, end.bytesReceived]).toEqual([0, 0]);
  });

  it("denied at the sender: one D there, nothing at the receiver", () => {
    const log = logOf(orders, [{ from: "vm-app1", to: "vm-db1", protocol: "Tcp", port: 22 }]);
    expect(log.tuples.map(summary)).toEqual(["vm-app1-nic nsg-snet-app UserRule_Deny-VNet-Out O D"]);
  });

  it("allowed end to end: B and E at both NICs, with packets both ways", () => {
    const log = logOf(orders, [{ from: "vm-app2", to: "vm-db1", protocol: "Tcp", port: 1433 }]);
    expect(log.tuples.map(summary).sort()).toEqual([
      "vm-app2-nic nsg-snet-app UserRule_Allow-SQL-To-Data O B",
      "vm-app2-nic nsg-snet-app UserRule_Allow-SQL-To-Data O E",
      "vm-db1-nic nsg-snet-data UserRule_Allow-SQL-From-App I B",
      "vm-db1-nic nsg-snet-data UserRule_Allow-SQL-From-App I E",
    ]);
    expect(log.tuples.filter((t) => t.state === "E").every((t) => t.packetsReceived > 0)).toBe(true);
  });

  it("from a NIC without an NSG: nothing logged at the sender, the receiver's NSG decides", () => {
    const log = logOf(orders, [{ from: "vm-front1", to: "vm-db1", protocol: "Tcp", port: 1433 }]);
    expect(log.tuples.map(summary)).toEqual(["vm-db1-nic nsg-snet-data UserRule_Deny-VNet-In I D"]);
  });
});

describe("what the generator refuses", () => {
  it("a reply (a flow log records connections) and a flow that cannot be evaluated, with the flow's index", () => {
    const evaluator = evaluatorOf(web);
    const reply = vnetFlowLog(
      evaluator,
      [
        { from: "vm-web1", to: "203.0.113.80", protocol: "Tcp", port: 443 },
        {
          from: "203.0.113.80",
          to: "vm-web1",
          protocol: "Tcp",
          sourcePort: 443,
          port: 50000,
          response: true,
        },
      ],
      "2026-03-02T09:00:00Z",
    );
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.errors[0]).toMatchObject({ code: "invalid-flow", path: [1] });
    const unknown = vnetFlowLog(
      evaluator,
      [{ from: "vm-nowhere", to: "vm-web1", protocol: "Tcp", port: 1 }],
      "",
    );
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0]!.path[0]).toBe(0);
  });
});

describe("an exercise's log", () => {
  it("mixes the questions' flows with the background traffic, in an order fixed by the exercise", () => {
    const log = exerciseFlowLog(orders);
    if (!log.ok) throw new Error(JSON.stringify(log.errors));
    const questions = log.value.question.filter((q) => q !== undefined);
    expect([...questions].sort()).toEqual(orders.expectations.map((_, i) => i));
    expect(log.value.question).not.toEqual([
      ...questions,
      ...log.value.question.filter((q) => q === undefined),
    ]);
    expect(log.value.question.length).toBe(orders.expectations.length + orders.log!.background.length);
  });
});

describe("the log never contradicts the simulator", () => {
  const evaluator = evaluatorOf(orders);
  const vms = ["vm-front1", "vm-app1", "vm-app2", "vm-db1"];
  const external = fc.constantFrom("203.0.113.80", "198.51.100.7", "192.0.2.99");
  const endpoint = fc.oneof(fc.constantFrom(...vms), external);
  const flow = fc
    .record({
      from: endpoint,
      to: fc.constantFrom(...vms),
      protocol: fc.constantFrom("Tcp" as const, "Udp" as const),
      sourcePort: fc.integer({ min: 1024, max: 65535 }),
      port: fc.constantFrom(22, 443, 1433, 3389, 8080),
    })
    .filter((f) => f.from !== f.to && !(vms.includes(f.from) && f.from === f.to));

  it("writes a D tuple exactly where an NSG denies, and B/E tuples exactly where NSGs allow", () => {
    fc.assert(
      fc.property(fc.array(flow, { minLength: 1, maxLength: 6 }), (flows) => {
        const usable = flows.filter((f) => evaluator.evaluate(f).ok);
        const log = vnetFlowLog(evaluator, usable, "2026-03-02T09:00:00Z");
        if (!log.ok) return false;
        return usable.every((f, i) => {
          const verdict = evaluator.evaluate(f);
          if (!verdict.ok) return false;
          const nsgSteps = verdict.value.steps.filter((s) => s.kind === "nsg");
          const tuples = log.value.tuples.filter((t) => t.flow === i);
          const denied = tuples.filter((t) => t.state === "D");
          const begun = tuples.filter((t) => t.state === "B");
          return (
            denied.length === nsgSteps.filter((s) => s.access === "Deny").length &&
            begun.length === nsgSteps.filter((s) => s.access === "Allow").length &&
            nsgSteps.every((s) => tuples.some((t) => t.nsg === s.nsg && t.rule === s.rule.name)) &&
            (verdict.value.access === "Deny") === denied.length > 0
          );
        });
      }),
      { numRuns: 60 },
    );
  });
});
