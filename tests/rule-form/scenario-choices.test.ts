import { describe, expect, it } from "vitest";
import { scenarioChoices, withCurrent } from "../../src/lib/rule-form/scenario-choices.ts";
import { network } from "./support.ts";

describe("the pane's drop-downs", () => {
  it("offer the built-in tags, the scenario's tags and its ASGs", () => {
    expect(scenarioChoices(network())).toEqual({
      serviceTags: [
        "VirtualNetwork",
        "AzureLoadBalancer",
        "Internet",
        "AzurePlatformDNS",
        "AzurePlatformIMDS",
        "AzurePlatformLKM",
        "Storage.WestEurope",
      ],
      asgs: ["asg-web", "asg-app", "asg-far"],
    });
  });

  it("keep a value the rule has that the list lacks, spelled as the rule spells it", () => {
    expect(withCurrent(["Internet", "VirtualNetwork"], ["INTERNET"])).toEqual([
      "Internet",
      "VirtualNetwork",
      "INTERNET",
    ]);
    expect(withCurrent(["Internet"], ["Internet", ""])).toEqual(["Internet"]);
  });
});
