/**
 * Lesson 7's exercises are the lesson's own scenario: the brief's studio range, VM, addresses,
 * subnet and subnet NSG, not a different studio. And ftp-active's starter is a real starting
 * point (the scenario as written), not a rule one edit away from the answer.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gradeSubmission, type Exercise } from "../../src/lib/grader/index.ts";
import { subtract } from "../../src/lib/nsg/address-set.ts";
import { parseCidrOrIp } from "../../src/lib/nsg/ip.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const lesson = readFileSync("content/lessons/07-capstone-active-ftp.mdx", "utf8");
const brief = lesson.slice(lesson.indexOf("## The brief"), lesson.indexOf("## How active FTP"));
/** The value column of the brief's row that starts with `label`. */
const row = (label: string) => {
  const line = brief.split("\n").find((l) => l.startsWith(`| ${label}`));
  if (!line) throw new Error(`lesson 7's brief has no "${label}" row`);
  return line.split("|")[2]!;
};
const codes = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

const [studioRange] = codes(row("Studio's public address range"));
const [vmName, privateIp, publicIp] = codes(row("VM"));
const [subnetName, subnetPrefix, vnetName] = codes(row("Subnet"));
const [nsgName, subnetOfNsg] = codes(row("NSG"));

const capstone = ["ftp-active", "ftp-active-studio", "ftp-passive"].map((id) => exerciseFile(`${id}.yaml`));
const isIpv4 = (text: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(text);
const inRange = (ip: string, range: string) => {
  const set = parseCidrOrIp(range);
  const host = parseCidrOrIp(ip);
  if (!set.ok || !host.ok) throw new Error(`bad address ${ip} or ${range}`);
  return subtract(host.value, set.value).v4.length === 0;
};

describe("lesson 7's brief", () => {
  it("is read as the test expects", () => {
    expect([studioRange, vmName, privateIp, publicIp]).toEqual([
      "198.51.100.0/28",
      "vm-ingest",
      "10.0.3.4",
      "192.0.2.30",
    ]);
    expect([subnetName, subnetPrefix, vnetName, nsgName, subnetOfNsg]).toEqual([
      "snet-ingest",
      "10.0.3.0/24",
      "vnet-lab",
      "nsg-snet-ingest",
      "snet-ingest",
    ]);
    expect(inRange("198.51.100.15", studioRange!)).toBe(true);
    expect(inRange("198.51.100.20", studioRange!)).toBe(false);
  });
});

describe.each(capstone.map((e) => [e.id, e] as [string, Exercise]))("%s", (_id, exercise) => {
  it("belongs to lesson 7 and is embedded there", () => {
    expect(exercise.lesson).toBe("capstone-active-ftp");
    expect(lesson).toContain(`<Exercise id="${exercise.id}"`);
  });

  it("uses the brief's VM, addresses, subnet and subnet NSG (no NIC NSG)", () => {
    const vm = exercise.topology.vms.find((v) => v.name === vmName);
    expect(vm, `${exercise.id} has ${vmName}`).toBeDefined();
    expect(vm!.nics).toHaveLength(1);
    const [nic] = vm!.nics;
    expect(nic).toMatchObject({ subnet: `${vnetName}/${subnetName}`, privateIp, publicIp });
    expect(nic!.nsg).toBeUndefined();
    const vnet = exercise.topology.vnets.find((v) => v.name === vnetName);
    expect(vnet?.subnets.find((s) => s.name === subnetName)).toMatchObject({
      addressPrefix: subnetPrefix,
      nsg: nsgName,
    });
    expect(exercise.editable).toEqual([nsgName]);
  });

  it("lets the studio in only from the brief's range", () => {
    const allowedFromOutside = exercise.expectations
      .filter((e) => e.expect === "allow" && !e.flow.response && isIpv4(e.flow.from))
      .map((e) => e.flow.from);
    expect(allowedFromOutside.length).toBeGreaterThan(0);
    for (const from of allowedFromOutside) expect(inRange(from, studioRange!), from).toBe(true);
  });
});

describe("ftp-active's starter", () => {
  const ftp = exerciseFile("ftp-active.yaml");
  const verdicts = (text: string) => gradeSubmission(ftp, text).results.map((r) => [r.name, r.actual]);

  it("adds no rule: it grades exactly like the scenario as written", () => {
    expect(ftp.topology.nsgs.find((n) => n.name === nsgName)?.securityRules).toEqual([]);
    expect(verdicts(ftp.starter!)).toEqual(verdicts(""));
  });

  it("fails every check the learner's rule must make pass", () => {
    const report = gradeSubmission(ftp, ftp.starter!);
    const needsTheRule = report.results.filter((r) => r.expect === "allow" && r.actual === "deny");
    expect(needsTheRule.map((r) => r.pass)).toEqual([false, false]);
    expect(report.failed).toBeGreaterThanOrEqual(2);
    expect(gradeSubmission(ftp, ftp.solution!).failed).toBe(0);
  });
});
