/**
 * Every public address a learner reads in a lesson, a lesson's diagram, an exercise or the
 * playground's starting scenario comes from the ranges reserved for documentation (RFC 5737 for
 * IPv4, RFC 3849 for IPv6), so an example never points at somebody's real server. Today's Azure
 * public space (20.x.x.x and the like) is exactly what must not appear. Private ranges (RFC 1918)
 * are the VNets' own address space. The few real addresses the course needs are listed below,
 * each with its reason and the only files that may use it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { subtract, union, type AddressSet } from "../../src/lib/nsg/address-set.ts";
import { parseCidrOrIp } from "../../src/lib/nsg/ip.ts";
import { loadExercise, type Exercise } from "../../src/lib/grader/index.ts";

const filesIn = (dir: string, ext: RegExp) =>
  readdirSync(dir)
    .filter((f) => ext.test(f))
    .map((f) => `${dir}/${f}`);

/** What learners read: lessons, their diagrams, exercises, and the playground's blank scenario. */
const SCANNED = [
  ...filesIn("content/lessons", /\.mdx$/),
  ...filesIn("src/components/diagrams", /\.astro$/),
  ...filesIn("graders", /\.(ya?ml|json)$/),
  "src/lib/playground/blank-scenario.ts",
];

const set = (...cidrs: string[]): AddressSet =>
  union(
    ...cidrs.map((c) => {
      const parsed = parseCidrOrIp(c);
      if (!parsed.ok) throw new Error(c);
      return parsed.value;
    }),
  );

const DOCUMENTATION = set("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32");
const PRIVATE = set("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

/** Real addresses the course uses on purpose. `files`: the only files that may use each. */
const EXCEPTIONS: { address: string; reason: string; files: string[] }[] = [
  {
    address: "168.63.129.16",
    reason:
      "Azure's host virtual IP, where load-balancer health probes come from (the AzureLoadBalancer " +
      "tag, and part of VirtualNetwork): the lessons on default rules teach this very address.",
    files: [
      "content/lessons/01-new-vms-are-locked-down.mdx",
      "content/lessons/03-anatomy-of-a-security-rule.mdx",
      "content/lessons/05-the-default-rules.mdx",
      "src/components/diagrams/DefaultVmExposure.astro",
      "graders/new-vm-what-gets-in.yaml",
    ],
  },
  {
    address: "169.254.169.254",
    reason:
      "The Instance Metadata Service's link-local address: lesson 5 teaches that the host's services " +
      "there and at 168.63.129.16 are not filtered by NSGs unless a rule targets their AzurePlatform tag.",
    files: ["content/lessons/05-the-default-rules.mdx"],
  },
  {
    address: "0.0.0.0/0",
    reason: "Not a host: the notation for every IPv4 address, as Azure shows a source or destination of Any.",
    files: ["content/lessons/03-anatomy-of-a-security-rule.mdx", "content/lessons/05-the-default-rules.mdx"],
  },
];

const IPV4 = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?(?!\d|\.\d)/g;
const IPV6 = /(?<![\w:.])[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}(?:\/\d{1,3})?(?![\w:])/g;

interface Found {
  address: string;
  line: number;
}

/** Every IPv4 and IPv6 address or prefix written in `text`, with its line. */
function addressesIn(text: string): Found[] {
  const found: Found[] = [];
  text.split("\n").forEach((line, i) => {
    for (const pattern of [IPV4, IPV6])
      for (const match of line.matchAll(pattern))
        if (parseCidrOrIp(match[0]).ok) found.push({ address: match[0], line: i + 1 });
  });
  return found;
}

const isEmpty = (s: AddressSet) => s.v4.length === 0 && s.v6.length === 0;
const within = (address: string, range: AddressSet) => isEmpty(subtract(set(address), range));

/** The addresses of `file` that are neither documentation nor private nor an exception there. */
function problemsIn(file: string, text: string): string[] {
  return addressesIn(text)
    .filter(({ address }) => !within(address, DOCUMENTATION) && !within(address, PRIVATE))
    .filter(({ address }) => !EXCEPTIONS.some((e) => e.address === address && e.files.includes(file)))
    .map(({ address, line }) => `${file}:${line}: ${address}`);
}

describe("addresses in the course", () => {
  it("finds addresses and prefixes, IPv4 and IPv6, and nothing else", () => {
    const text = [
      "vm-web1 at 192.0.2.10. Its range is `203.0.113.0/24`, version 1.2.3 and 10:30.",
      "IPv6 2001:db8::7 and 2603:1000::/40; not a::before or 2023-09-01.",
    ].join("\n");
    expect(addressesIn(text).map((f) => f.address)).toEqual([
      "192.0.2.10",
      "203.0.113.0/24",
      "2001:db8::7",
      "2603:1000::/40",
    ]);
    expect(problemsIn("x.mdx", text)).toEqual(["x.mdx:2: 2603:1000::/40"]);
    expect(problemsIn("x.mdx", "public 20.50.1.10, NIC 10.0.1.4, range 198.51.100.0/23")).toEqual([
      "x.mdx:1: 20.50.1.10",
      "x.mdx:1: 198.51.100.0/23",
    ]);
    expect(problemsIn("x.mdx", "probes from 168.63.129.16")).toEqual(["x.mdx:1: 168.63.129.16"]);
  });

  it("uses only documentation ranges for public addresses, outside the listed exceptions", () => {
    const problems = SCANNED.flatMap((file) => problemsIn(file, readFileSync(file, "utf8")));
    expect(problems, "use 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 or 2001:db8::/32").toEqual([]);
  });

  it("keeps every exception needed where it is listed, with a reason", () => {
    for (const exception of EXCEPTIONS) {
      expect(exception.reason.length).toBeGreaterThan(20);
      for (const file of exception.files)
        expect(
          addressesIn(readFileSync(file, "utf8")).some((f) => f.address === exception.address),
          `${file} no longer uses ${exception.address}: drop it from the exception`,
        ).toBe(true);
    }
  });
});

const exercises: Exercise[] = filesIn("graders", /\.(ya?ml|json)$/).flatMap((file) => {
  const loaded = loadExercise(readFileSync(file, "utf8"));
  return loaded.ok ? [loaded.value] : [];
});
const publicIpsOf = (vm: string, among = exercises) =>
  new Set(
    among.flatMap((e) =>
      e.topology.vms.filter((v) => v.name === vm).flatMap((v) => v.nics.flatMap((n) => n.publicIp ?? [])),
    ),
  );

/** "vm-web1 … private IP `10.0.1.4`, public IP `192.0.2.10`" and its prose variants, per lesson. */
function publicIpsStated(text: string): [vm: string, ip: string][] {
  const stated =
    /(vm-[a-z0-9-]+)\b[^\n]{0,40}?private(?: IP)? `?[\d.]+`?[^\n]{0,20}?public(?: IP)? `?([\d.]+\d)/g;
  return [...text.matchAll(stated)].map((m) => [m[1]!, m[2]!]);
}

describe("one public IP per VM", () => {
  it("gives each VM of the course the same public IP in every exercise", () => {
    const vms = new Set(exercises.flatMap((e) => e.topology.vms.map((v) => v.name)));
    for (const vm of vms) expect([...publicIpsOf(vm)].length, vm).toBeLessThanOrEqual(1);
  });

  it("states in the lessons the public IP the exercises give that VM", () => {
    const lessons = filesIn("content/lessons", /\.mdx$/);
    const stated = lessons.flatMap((file) => publicIpsStated(readFileSync(file, "utf8")));
    expect(stated.length).toBeGreaterThanOrEqual(3);
    for (const [vm, ip] of stated) {
      const used = publicIpsOf(vm);
      if (used.size > 0) expect([...used], `${vm} is ${ip} in the lessons`).toEqual([ip]);
    }
  });

  it("uses lesson 1's public IP for vm-web1 in lesson 1's own exercises", () => {
    const text = readFileSync("content/lessons/01-new-vms-are-locked-down.mdx", "utf8");
    expect(publicIpsStated(text)).toContainEqual(["vm-web1", "192.0.2.10"]);
    const own = exercises.filter((e) => e.lesson === "new-vms-are-locked-down");
    expect(own.length).toBeGreaterThan(0);
    expect([...publicIpsOf("vm-web1", own)]).toEqual(["192.0.2.10"]);
    for (const e of own) expect(JSON.stringify(e), e.id).not.toContain("203.0.113.10");
  });
});
