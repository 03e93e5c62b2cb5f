/**
 * What the class gets wrong, by the difference submissions share: the service and where the
 * addresses are ("left SSH (TCP 22) on vm-web1 open to the internet"), and where an NSG was
 * associated ("associated nsg-snet-web with a NIC only, not with the subnet snet-web"), each
 * derived from the re-grade, with one anonymous example.
 */
import { describe, expect, it } from "vitest";
import { associationDifferences } from "../../src/lib/class-report/association-difference.ts";
import { classReport, type ClassSubmission } from "../../src/lib/class-report/class-report.ts";
import { addressPlan, serviceText } from "../../src/lib/class-report/difference-theme.ts";
import { gradeWithDocument, type Exercise } from "../../src/lib/grader/index.ts";
import { exerciseFile } from "../grader/fixtures.ts";

function submit(exercise: Exercise, rules: string, learner?: string): ClassSubmission {
  const { report, doc } = gradeWithDocument(exercise, rules, "azcli", { suggestFixes: false });
  return {
    report,
    ...(learner ? { learner } : {}),
    associations: doc ? associationDifferences(exercise, doc, report) : [],
  };
}

describe("differences grouped by service and place", () => {
  const https = exerciseFile("open-https-like-the-portal.yaml");
  const ssh = https.solution!.replace("--destination-port-ranges 443", "--destination-port-ranges 22 443");
  const everyPort = https.solution!.replace("--destination-port-ranges 443", "--destination-port-ranges '*'");
  const report = classReport(https, [
    submit(https, ssh),
    submit(https, everyPort),
    submit(https, https.solution!),
  ]);

  it("puts SSH opened alone and SSH opened with every port in one group", () => {
    expect(report.groups.find((g) => g.kind === "too-open")).toMatchObject({
      what: "left SSH (TCP 22) on vm-web1 open to the internet, which the reference solution denies",
      count: 2,
    });
    expect(report.complete).toBe(1);
  });

  it("names services by their IANA names and addresses by where they are in the exercise", () => {
    expect(serviceText("Tcp", 3389)).toBe("RDP (TCP 3389)");
    expect(serviceText("Udp", 5000)).toBe("UDP 5000");
    expect(serviceText("Icmp", undefined)).toBe("ICMP");
    const plan = addressPlan(https.topology);
    expect(plan.subnets.map((s) => s.name)).toEqual(["snet-web", "snet-app"]);
  });
});

describe("association mistakes", () => {
  const subnet = exerciseFile("protect-the-whole-subnet.yaml");
  const nicOnly = [
    "az network nic update --resource-group rg-nsg-lab --name vm-web1-nic --network-security-group nsg-snet-web",
    "az network nic update --resource-group rg-nsg-lab --name vm-web2-nic --network-security-group nsg-snet-web",
    "az network nic update --resource-group rg-nsg-lab --name vm-test1-nic --network-security-group nsg-vm-test1",
  ].join("\n");
  const wholeTestSubnet = [
    "az network vnet subnet update --resource-group rg-nsg-lab --vnet-name vnet-lab --name snet-web --network-security-group nsg-snet-web",
    "az network vnet subnet update --resource-group rg-nsg-lab --vnet-name vnet-lab --name snet-test --network-security-group nsg-vm-test1",
  ].join("\n");
  const report = classReport(subnet, [
    submit(subnet, nicOnly),
    submit(subnet, nicOnly),
    submit(subnet, wholeTestSubnet),
    submit(subnet, subnet.solution!),
  ]);
  const places = report.groups.filter((g) => g.kind === "association");

  it("groups an NSG put on the NICs instead of their subnet, and the NIC NSG it replaced", () => {
    expect(places.map((g) => [g.count, g.what])).toEqual([
      [2, "associated nsg-snet-web with a NIC only, not with the subnet snet-web"],
      [2, "left nsg-vm-web1 off the NIC vm-web1-nic"],
      [1, "associated nsg-vm-test1 with the whole snet-test subnet instead of the NIC vm-test1-nic only"],
    ]);
    expect(places[0]!.example).toBe(
      "nsg-snet-web is on vm-web1-nic, vm-web2-nic; the reference solution associates it with the subnet snet-web, so every NIC there is covered.",
    );
  });

  it("does not list the flows an NSG in the wrong place lets through as mistakes of their own", () => {
    expect(report.groups.filter((g) => g.kind === "too-open" || g.kind === "too-closed")).toEqual([]);
    expect(report.groups.some((g) => g.kind === "failed-check")).toBe(true);
  });

  it("finds nothing to say about where a complete answer put its NSGs", () => {
    expect(submit(subnet, subnet.solution!).associations).toEqual([]);
  });
});

describe("examples", () => {
  it("never name the learner, even when their rules do", () => {
    const ftp = exerciseFile("ftp-active.yaml");
    const named = ftp
      .solution!.replace("198.51.100.0/28", "Internet")
      .replace(/--name \S+/, "--name Allow-FTP-Zoe-Quinn");
    const report = classReport(ftp, [submit(ftp, named, "Zoe-Quinn")]);
    const text = report.groups.map((g) => g.example).join("\n");
    expect(text).toContain("[learner]");
    expect(text).not.toMatch(/zoe-quinn/i);
  });
});
