import type { Exercise } from "../grader/exercise-schema.ts";
import type { Nic, Topology } from "../nsg/topology-schema.ts";

/**
 * Lays out an exercise's network as boxes for an inline SVG: VNets containing subnets
 * containing NIC cards (VM, NIC, addresses), with NSG badges where NSGs are associated
 * (subnet header, NIC card) and the learner's editable NSGs marked. Pure geometry and words;
 * the Astro component draws it, and the same words become the SVG's <desc>.
 * Text widths are estimated (no fonts at build time), so long names are shortened with "…"
 * and their full text kept for a <title> tooltip.
 */

export interface DiagramRect {
  kind: "outside" | "vnet" | "subnet" | "nic";
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface DiagramText {
  x: number;
  y: number;
  text: string;
  full: string;
  role: "heading" | "label" | "detail";
  anchor: "start" | "end";
}
export interface DiagramBadge {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
  nsg: string;
  level: "subnet" | "nic";
  editable: boolean;
}
export interface TopologyDiagram {
  width: number;
  height: number;
  rects: DiagramRect[];
  texts: DiagramText[];
  badges: DiagramBadge[];
  title: string;
  description: string;
}

const WIDTH = 720;
const PAD = 12;
const CHAR = 7.2; // average width of a 12px sans-serif character
const CARD_W = 236;
const CARD_H = 96;
const GAP = 12;
const BADGE_H = 22;

export const fit = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
const charsFor = (width: number) => Math.max(4, Math.floor(width / CHAR));

function badge(
  nsg: string,
  level: "subnet" | "nic",
  editable: boolean,
  x: number,
  y: number,
  maxWidth: number,
  anchor: "start" | "end",
): DiagramBadge {
  const label = `NSG ${nsg}${editable ? " ✎ yours" : ""}`;
  const text = fit(label, charsFor(maxWidth - 14));
  const width = Math.min(maxWidth, Math.ceil(text.length * CHAR + 14));
  return { x: anchor === "end" ? x - width : x, y, width, height: BADGE_H, text, nsg, level, editable };
}

interface Placed {
  vm: string;
  nic: Nic;
}

/** NICs grouped by "vnet/subnet". A NIC's subnet may be written without its VNet when unique. */
function nicsBySubnet(topology: Topology): Map<string, Placed[]> {
  const map = new Map<string, Placed[]>();
  for (const vm of topology.vms) {
    for (const nic of vm.nics) {
      let key = nic.subnet;
      if (!key.includes("/")) {
        const vnet = topology.vnets.find((v) => v.subnets.some((s) => s.name === key));
        key = vnet ? `${vnet.name}/${key}` : key;
      }
      map.set(key, [...(map.get(key) ?? []), { vm: vm.name, nic }]);
    }
  }
  return map;
}

/** Flow endpoints that are not part of the network: the internet, on-premises hosts. */
export function outsideEndpoints(exercise: Exercise): string[] {
  const t = exercise.topology;
  const inside = new Set<string>();
  for (const vm of t.vms) {
    inside.add(vm.name);
    for (const n of vm.nics) [n.name, n.privateIp, n.publicIp].forEach((v) => v && inside.add(v));
  }
  const out = exercise.expectations.flatMap((e) => [e.flow.from, e.flow.to]).filter((v) => !inside.has(v));
  return [...new Set(out)];
}

export function layoutTopology(exercise: Exercise): TopologyDiagram {
  const { topology, editable } = exercise;
  const isEditable = (nsg: string) => editable.includes(nsg);
  const rects: DiagramRect[] = [];
  const texts: DiagramText[] = [];
  const badges: DiagramBadge[] = [];
  const sentences: string[] = [];
  const text = (
    x: number,
    y: number,
    full: string,
    role: DiagramText["role"],
    maxWidth: number,
    anchor: DiagramText["anchor"] = "start",
  ) => texts.push({ x, y, text: fit(full, charsFor(maxWidth)), full, role, anchor });
  let y = PAD;

  const outside = outsideEndpoints(exercise);
  if (outside.length > 0) {
    const h = 50;
    rects.push({ kind: "outside", x: PAD, y, width: WIDTH - 2 * PAD, height: h });
    text(PAD + 12, y + 20, "Outside the virtual networks", "heading", WIDTH - 2 * PAD - 24);
    text(PAD + 12, y + 38, outside.join(", "), "detail", WIDTH - 2 * PAD - 24);
    sentences.push(`Outside the virtual networks: ${outside.join(", ")}.`);
    y += h + GAP;
  }

  const bySubnet = nicsBySubnet(topology);
  for (const vnet of topology.vnets) {
    const vnetTop = y;
    const vx = PAD;
    const vw = WIDTH - 2 * PAD;
    text(vx + 12, y + 22, `VNet ${vnet.name} · ${vnet.addressSpace.join(", ")}`, "heading", vw - 24);
    const extra = [
      ...vnet.peerings.map((p) => `peered with ${p}`),
      ...vnet.connectedAddressSpaces.map((c) => `connected ${c}`),
    ];
    sentences.push(
      `Virtual network ${vnet.name} (${vnet.addressSpace.join(", ")})${extra.length ? `, ${extra.join(", ")}` : ""}.`,
    );
    y += 34;
    if (extra.length > 0) {
      text(vx + 12, y + 4, extra.join(" · "), "detail", vw - 24);
      y += 16;
    }
    for (const subnet of vnet.subnets) {
      const sx = vx + 14;
      const sw = vw - 28;
      const subnetTop = y;
      const placed = bySubnet.get(`${vnet.name}/${subnet.name}`) ?? [];
      if (subnet.nsg)
        badges.push(
          badge(
            subnet.nsg,
            "subnet",
            isEditable(subnet.nsg),
            sx + sw - 10,
            y + 8,
            Math.min(300, sw / 2),
            "end",
          ),
        );
      const headerRoom = sw - 24 - (subnet.nsg ? badges.at(-1)!.width + 10 : 0);
      text(sx + 12, y + 24, `Subnet ${subnet.name} · ${subnet.addressPrefix}`, "label", headerRoom);
      sentences.push(
        `Subnet ${vnet.name}/${subnet.name} (${subnet.addressPrefix}) ${subnet.nsg ? `has NSG ${subnet.nsg}${isEditable(subnet.nsg) ? " (you edit it)" : ""}` : "has no NSG"}.`,
      );
      y += 38;
      const cols = Math.max(1, Math.floor((sw - 24 + GAP) / (CARD_W + GAP)));
      placed.forEach(({ vm, nic }, i) => {
        const cx = sx + 12 + (i % cols) * (CARD_W + GAP);
        const cy = y + Math.floor(i / cols) * (CARD_H + GAP);
        rects.push({ kind: "nic", x: cx, y: cy, width: CARD_W, height: CARD_H });
        text(cx + 10, cy + 19, vm, "heading", CARD_W - 20);
        text(cx + 10, cy + 36, `NIC ${nic.name}`, "detail", CARD_W - 20);
        text(
          cx + 10,
          cy + 52,
          `${nic.privateIp}${nic.publicIp ? ` · public ${nic.publicIp}` : ""}`,
          "detail",
          CARD_W - 20,
        );
        if (nic.nsg)
          badges.push(
            badge(
              nic.nsg,
              "nic",
              isEditable(nic.nsg),
              cx + 8,
              cy + CARD_H - BADGE_H - 8,
              CARD_W - 16,
              "start",
            ),
          );
        else text(cx + 10, cy + CARD_H - 14, "no NIC NSG", "detail", CARD_W - 20);
        const asgs = nic.asgs.length ? `, in ASG ${nic.asgs.join(", ")}` : "";
        sentences.push(
          `VM ${vm}: NIC ${nic.name} in ${vnet.name}/${subnet.name}, private IP ${nic.privateIp}${nic.publicIp ? `, public IP ${nic.publicIp}` : ""}${asgs}, ${nic.nsg ? `NSG ${nic.nsg}${isEditable(nic.nsg) ? " (you edit it)" : ""}` : "no NIC NSG"}.`,
        );
      });
      const rows = Math.ceil(placed.length / cols);
      if (rows === 0) {
        text(sx + 12, y + 10, "no VMs", "detail", sw - 24);
        y += 22;
      } else y += rows * (CARD_H + GAP);
      rects.push({ kind: "subnet", x: sx, y: subnetTop, width: sw, height: y - subnetTop });
      y += GAP;
    }
    rects.push({ kind: "vnet", x: vx, y: vnetTop, width: vw, height: Math.max(y - vnetTop, 44) });
    y = Math.max(y, vnetTop + 44) + GAP;
  }

  const attached = new Set([
    ...topology.vnets.flatMap((v) => v.subnets.map((s) => s.nsg)),
    ...topology.vms.flatMap((vm) => vm.nics.map((n) => n.nsg)),
  ]);
  const loose = topology.nsgs.map((n) => n.name).filter((n) => !attached.has(n));
  if (loose.length > 0) {
    text(
      PAD,
      y + 12,
      `Not associated yet: ${loose.map((n) => `NSG ${n}${isEditable(n) ? " ✎ yours" : ""}`).join(", ")}`,
      "detail",
      WIDTH - 2 * PAD,
    );
    sentences.push(`NSGs not associated with any subnet or NIC: ${loose.join(", ")}.`);
    y += 24;
  }
  if (editable.length > 0) sentences.push(`You write the rules of: ${editable.join(", ")}.`);

  // Parents were pushed after their children; draw outer boxes first.
  const order: DiagramRect["kind"][] = ["outside", "vnet", "subnet", "nic"];
  rects.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return {
    width: WIDTH,
    height: Math.ceil(y),
    rects,
    texts,
    badges,
    title: `Network of the exercise “${exercise.title}”`,
    description: sentences.join(" "),
  };
}
