import { describe, expect, it } from "vitest";
import {
  fit,
  layoutTopology,
  outsideEndpoints,
  type DiagramRect,
} from "../../src/lib/exercise-ui/topology-layout.ts";
import { allExercises, exercise } from "./support.ts";

const inside = (inner: { x: number; y: number; width: number; height: number }, outer: DiagramRect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

describe("the topology diagram", () => {
  it("draws the FTP network: outside hosts, the VNet, its subnet with its NSG marked as the learner's, and the NIC", () => {
    const ftp = exercise("ftp-active");
    const d = layoutTopology(ftp);
    expect(d.rects.map((r) => r.kind)).toEqual(["outside", "vnet", "subnet", "nic"]);
    const [, vnet, subnet, nic] = d.rects;
    expect(inside(subnet!, vnet!)).toBe(true);
    expect(inside(nic!, subnet!)).toBe(true);
    expect(d.badges).toEqual([
      expect.objectContaining({ nsg: "nsg-snet-ingest", level: "subnet", editable: true }),
    ]);
    expect(inside(d.badges[0]!, subnet!)).toBe(true);
    expect(d.texts.map((t) => t.full)).toEqual(
      expect.arrayContaining(["vm-ingest", "NIC vm-ingest-nic", "10.0.3.4 · public 192.0.2.30"]),
    );
    expect(d.description).toContain(
      "VM vm-ingest: NIC vm-ingest-nic in vnet-lab/snet-ingest, private IP 10.0.3.4, public IP 192.0.2.30, no NIC NSG.",
    );
    expect(d.description).toContain("You write the rules of: nsg-snet-ingest.");
  });

  it("lists flow endpoints outside the network", () => {
    expect(outsideEndpoints(exercise("ftp-active"))).toEqual(["198.51.100.5", "198.51.100.20"]);
  });

  it("lays out every exercise with boxes inside the drawing and nothing overlapping its siblings", () => {
    for (const ex of allExercises()) {
      const d = layoutTopology(ex);
      for (const r of [...d.rects, ...d.badges]) {
        expect(r.x + r.width, `${ex.id} width`).toBeLessThanOrEqual(d.width);
        expect(r.y + r.height, `${ex.id} height`).toBeLessThanOrEqual(d.height + 1);
      }
      const nics = d.rects.filter((r) => r.kind === "nic");
      nics.forEach((a, i) =>
        nics
          .slice(i + 1)
          .forEach((b) =>
            expect(
              a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y,
              ex.id,
            ).toBe(true),
          ),
      );
      expect(
        d.badges.filter((b) => b.editable).every((b) => ex.editable.includes(b.nsg)),
        ex.id,
      ).toBe(true);
    }
  });

  it("shortens long labels and keeps the full text", () => {
    expect(fit("abcdefghij", 5)).toBe("abcd…");
    expect(fit("abc", 5)).toBe("abc");
  });
});
