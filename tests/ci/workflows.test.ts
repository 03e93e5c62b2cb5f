/** The GitHub workflows keep their promises: tests on every push and pull request, deploys only after them. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}
interface Workflow {
  name: string;
  on: Record<string, { workflows?: string[]; types?: string[]; branches?: string[] } | null>;
  jobs: Record<string, { if?: string; needs?: string | string[]; steps?: Step[] }>;
}

const read = (file: string) => parse(readFileSync(`.github/workflows/${file}`, "utf8")) as Workflow;
const ci = read("ci.yml");
const deploy = read("deploy.yml");
const packageJson = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };

describe("CI workflow", () => {
  it("runs on every push and pull request", () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(["push", "pull_request"]));
    expect(ci.on.push).toBeNull(); // no branch filter: every branch
  });

  it("runs the README's test command, which runs lint and typecheck too", () => {
    const runs = Object.values(ci.jobs).flatMap((job) => (job.steps ?? []).map((s) => s.run ?? ""));
    expect(runs).toContain("npm test");
    expect(readFileSync("README.md", "utf8")).toContain("npm ci && npm test");
    const all = readFileSync("scripts/test-all.ts", "utf8");
    for (const script of ["lint:format", "lint:code", "typecheck:astro", "typecheck:ts"]) {
      expect(all).toContain(`"${script}"`);
      expect(packageJson.scripts[script]).toBeTruthy();
    }
  });
});

describe("Deploy workflow", () => {
  it("starts only when CI completes on main, and never deploys a failed run", () => {
    expect(Object.keys(deploy.on)).toEqual(["workflow_run"]);
    expect(deploy.on.workflow_run).toMatchObject({
      workflows: [ci.name],
      types: ["completed"],
      branches: ["main"],
    });
    expect(deploy.jobs.build?.if).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(deploy.jobs.deploy?.needs).toBe("build");
  });

  it("builds the commit CI tested", () => {
    const checkout = deploy.jobs.build?.steps?.find((s) => s.uses?.startsWith("actions/checkout"));
    expect(checkout?.with?.ref).toBe("${{ github.event.workflow_run.head_sha }}");
  });
});
