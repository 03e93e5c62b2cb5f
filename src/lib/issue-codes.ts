/**
 * Every `Issue.code` NSG Lab reports, each with what it means. Codes are stable: code decides
 * by them (never by message text), and tools may rely on them. They are chosen by meaning, not
 * by call site: the same problem found by two parsers has one code. docs/issue-codes.md lists
 * them with where they arise; tests/result/issue-codes.test.ts keeps the two in step.
 */
export const ISSUE_CODES = {
  // Reading text and data (any format)
  "invalid-json": "The text is not valid JSON.",
  "yaml-syntax": "The text is not valid YAML (including an alias such as an unquoted lone *).",
  "empty-document": "The text is empty where a document is required.",
  "nesting-too-deep":
    "Lists or objects nested deeper than any rules or scenario need (64 levels), refused before parsing.",
  "duplicate-key":
    "The same key written twice in one JSON object, YAML map or PowerShell hashtable (reported at both places in JSON and YAML).",
  "unknown-field": "An object has a property its schema does not know.",
  "missing-field": "A required property or value is missing.",
  "invalid-type":
    "A value has the wrong type (a string where a number belongs, a list where an object does).",
  "invalid-value":
    "A value has the right type but is not allowed (not one of the choices, bad format, too short).",
  "value-too-long": "A value is longer than allowed.",
  "conflicting-fields": "Two properties that exclude each other are both set.",
  "unsupported-version":
    "A versioned value (draft, saved state, submission) has a version NSG Lab does not read.",
  "unknown-rule-format":
    "A rules format the editor does not know (it knows json, azcli, powershell and form).",
  "internal-error": "A bug in NSG Lab, caught and reported instead of thrown.",

  // Learner rule documents (JSON / YAML / ARM)
  "invalid-document-shape":
    "The rules are not one of the accepted shapes (a rule, rule list, NSG map, securityRules resource, NSG resource, ARM template).",
  "ambiguous-rule-list":
    "Rules that name no NSG (a bare list, one rule, an unnamed NSG), but the exercise has more than one editable NSG.",
  "invalid-resource-name": 'An ARM securityRules resource is not named "nsg-name/rule-name".',
  "ignored-resource": "An ARM resource that is not an NSG or a rule is ignored (a warning).",
  "arm-expression-unsupported":
    "An ARM template expression NSG Lab cannot evaluate (a function outside the subset, a parameter without a default, or an expression outside a template).",
  "invalid-copy-loop":
    "An ARM copy loop Azure would refuse: no name, count or input, a count that is not a whole number from 0 to 800, copyIndex() outside its loop, a property both written and made by a loop, or a loop on a nested child resource.",
  "template-too-large":
    "An ARM template whose copy loops and expressions make more values than NSG Lab works out for one text (60,000 units of work, enough for 800 copied rules).",
  "not-editable-nsg": "The rules change an NSG the exercise does not let the learner edit.",
  "duplicate-nsg": "The same NSG appears twice in one rules document.",

  // Security rules
  "invalid-rule-name":
    "A rule name breaks Azure's naming rules (length, first and last character, allowed characters).",
  "priority-out-of-range": "A priority is not a whole number from 100 to 4096.",
  "duplicate-priority": "Two rules of one NSG and direction have the same priority.",
  "duplicate-rule-name": "Two rules of one NSG have the same name (case-insensitive).",
  "invalid-port": "A port or port range is not *, a number from 0 to 65535, or a low-high range.",
  "invalid-ip": "An IP address is not a valid IPv4 or IPv6 address.",
  "invalid-cidr": "An address prefix is not a valid CIDR (bad address or prefix length).",
  "cidr-host-bits-set": "A CIDR has host bits set (10.0.0.5/24); Azure wants the network address.",
  "invalid-address-prefix": "An address prefix is not an IP address, a CIDR, a service tag or *.",
  "tag-in-prefix-list": "A plural address prefix list holds a service tag or *, which Azure refuses there.",
  "unknown-service-tag": "A service tag that is neither built in nor defined by the scenario.",
  "unknown-asg": "An application security group that the scenario does not define.",
  "asg-vnet-mismatch": "An application security group would hold NICs of more than one virtual network.",

  // Scenarios (topologies)
  "duplicate-name": "A name (VNet, subnet, VM, NIC, NSG, ASG, expectation) is used twice.",
  "builtin-tag-redefined": "A scenario redefines a built-in service tag.",
  "unknown-vnet": "A reference to a VNet the scenario does not have.",
  "unknown-subnet": "A reference to a subnet the scenario does not have.",
  "unknown-nsg": "A reference to an NSG that does not exist.",
  "unknown-nic": "A reference to a NIC the scenario does not have.",
  "subnet-outside-vnet": "A subnet's prefix is outside its VNet's address space.",
  "duplicate-ip": "Two NICs have the same address.",
  "ip-outside-subnet": "A NIC's private address is outside its subnet.",
  "reserved-ip": "A NIC's address is one Azure reserves (the first four and the last of an IPv4 subnet).",
  "subnet-overlap": "A subnet's prefix overlaps another subnet of the same VNet.",
  "subnet-in-use": "A script would delete or re-address a subnet that NICs still use, which Azure refuses.",
  "no-free-address":
    "A subnet has no free private address left for a NIC, or no documentation-range address is left for a public IP.",
  "nic-in-use": "A NIC is already attached to a VM, or a VM's NICs are in different VNets.",
  "nic-without-vm": "A script creates a NIC and attaches it to no VM, so no flow can reach it (a warning).",
  "invented-public-ip":
    "A public IP a script creates gets an address NSG Lab chose from a documentation range (a warning).",
  "peering-overlap":
    "A script peers a VNet with itself or with a VNet whose address space overlaps, which Azure refuses.",
  "peering-not-connected":
    "A script creates a VNet peering in one direction only, so it stays Initiated and carries no traffic (a warning).",

  // Flows
  "unknown-endpoint": "A flow endpoint is not a VM, a NIC or an IP address.",
  "flow-outside-scenario": "A flow has no VM or NIC of the scenario at either end.",
  "flow-to-self": "A flow goes from a NIC to itself, so it crosses no NSG.",
  "missing-port": "A TCP or UDP flow has no destination port.",
  "no-public-ip": "A flow to a public IP from a VM without one: the address after outbound NAT is unknown.",
  "address-family-mismatch": "A flow's source and destination are not both IPv4 or both IPv6.",

  // az CLI scripts
  "not-an-az-command": "A statement is neither an az command nor a NAME=value variable.",
  "unsupported-az-command": "An az command NSG Lab does not run.",
  "unknown-argument":
    "An az argument or PowerShell parameter the command does not have (a positional value too, for a cmdlet).",
  "ambiguous-argument": "An abbreviated az argument or PowerShell parameter matches more than one.",
  "missing-argument-value": "An az argument or PowerShell parameter is given without the value it needs.",
  "invalid-argument-value":
    "An az argument's or PowerShell parameter's value cannot be read (not a number, not a boolean, not one of the choices).",
  "missing-argument": "A required az argument or mandatory PowerShell parameter is missing.",
  "conflicting-arguments":
    "Two az arguments that exclude each other are both given (--ids and names), or a PowerShell parameter is given twice or with one of another parameter set (-NetworkSecurityGroup and -NetworkSecurityGroupId).",
  "unsupported-argument": "An az argument NSG Lab does not support (--set, --add, --remove, --help).",
  "invalid-resource-id":
    "An --ids value, or a PowerShell -ResourceId, is not a resource ID of the right type.",
  "rule-not-found": "An az command or PowerShell cmdlet names a security rule the NSG does not have.",
  "vm-not-found": "An az command names a VM the exercise does not have.",
  "vm-without-nsg": "az vm open-port on a VM whose NIC or subnet has no NSG.",
  "vm-multiple-nics": "az vm open-port on a VM with more than one NIC, which az refuses.",
  "unknown-public-ip": "A NIC names a public IP address the script has not created.",
  "invented-name":
    "A resource az names with a hash of its resource ID gets a plain name in NSG Lab, which says so (a warning).",
  "unsupported-substitution":
    "A $(…) command substitution NSG Lab cannot work out: a command other than the az reads it knows, a --query it does not, or output that is not -o tsv.",
  "exercise-network-fixed":
    "A script creates or changes VNets, subnets, NICs, VMs or ASGs in an exercise, whose network is fixed; the command is noted and not run.",
  "unsupported-shell-syntax":
    "Shell syntax NSG Lab does not run, or that is incomplete (pipes, subshells, command substitution, a lone &&).",
  "unterminated-quote": "A quote is opened and never closed.",
  "broken-line-continuation":
    "A line continuation character followed by spaces, so the line does not continue.",
  "unset-variable": "A variable is used before it is set.",
  "invalid-assignment": "A variable assignment without a value, or with more than one.",

  // Azure PowerShell (Az.Network) scripts
  "unsupported-cmdlet": "A PowerShell command that is not one of the Az.Network cmdlets NSG Lab runs.",
  "cmdlet-noted":
    "A PowerShell cmdlet that changes no NSG rule or association (Get-AzNetworkSecurityRuleConfig, Write-Host, Connect-AzAccount, a Get-AzNetworkSecurityGroup, Get-AzVirtualNetwork or Get-AzNetworkInterface whose object is never used) is noted and skipped.",
  "unsaved-nsg-change":
    "An NSG object is changed in memory (Add-, Set-, Remove-AzNetworkSecurityRuleConfig) and never saved with Set-AzNetworkSecurityGroup, so Azure keeps its rules.",
  "unsupported-powershell-syntax":
    "PowerShell syntax NSG Lab does not read (control flow, casts, a property or method it does not model), or that is incomplete.",
  "unsaved-network-change":
    "A VNet or NIC object is changed in memory (Set-/Add-AzVirtualNetworkSubnetConfig, $nic.NetworkSecurityGroup = …) and never saved with Set-AzVirtualNetwork or Set-AzNetworkInterface, so Azure keeps its associations.",
  "implicit-dissociation":
    "Set-AzVirtualNetworkSubnetConfig without -NetworkSecurityGroup replaces the subnet's configuration, so saving the VNet removes the subnet's NSG (a warning).",
  "unmodelled-network-change":
    "A script changes something about the network that NSG Lab does not model (a NIC's private IP, a subnet of several prefixes, tags and other properties no flow depends on): a warning when it is left out, an error when leaving it out would mislead.",

  // Exercises and lessons (npm run check:content, the build)
  "duplicate-id": "Two exercise files have the same id.",
  "file-name-mismatch": "An exercise file's name is not its id.",
  "expectation-mismatch": "An expectation's expect is not what the evaluator says.",
  "invalid-flow": "An expectation's flow cannot be evaluated.",
  "solution-fails": "The reference solution fails an expectation.",
  "solution-format-fails":
    "The reference solution, converted to another of the editor's formats (JSON, az CLI, PowerShell), cannot be converted, does not read, fails an expectation or differs from the reference (check:content).",
  "mutant-passes": "A typical wrong answer made from the solution passes the exercise (check:content).",
  "starter-passes": "The starter already passes every expectation.",
  "starter-not-scenario":
    "A fix-rules exercise's starter changes the scenario's rules instead of holding them as they are (check:content).",
  "fix-not-minimal":
    "A fix-rules solution makes a change the fix does not need, or none at all, so it is not the smallest known fix (check:content).",
  "answer-not-in-log":
    "A read-logs question about a flow whose deciding rule the generated flow log does not show (check:content).",
  "missing-frontmatter": "A lesson does not start with a frontmatter block.",
  "unknown-exercise": "An exercise id that no file in graders/ has.",
  "unknown-lesson": "An exercise names a lesson that does not exist.",
  "exercise-not-embedded": "An exercise's lesson does not embed it.",
  "duplicate-order": "Two lessons have the same order.",

  // Browser storage, links and files
  "storage-unavailable": "Browser storage is missing, blocked or cannot be read or written.",
  "storage-full": "Browser storage is full, so nothing was saved.",
  "storage-corrupt":
    "A stored value is not valid (hand-edited, truncated, another format); a bad entry of a record is dropped with this code and the rest kept.",
  "share-link-too-long":
    "The rules or playground are too long for a link, or a link is longer than accepted.",
  "share-link-damaged":
    "A share link cannot be decoded or fails its checksum (cut when copied, or from a newer NSG Lab).",
  "az-command-noted":
    "An az command that changes no NSG rule (a list, show or Network Watcher check, az group create|delete) is noted and skipped.",
  "shell-command-noted": "A Bash builtin that changes nothing in Azure (echo) is noted and skipped.",
  "share-link-elsewhere": "A share link's rules are for an exercise that is not on this page.",
  "progress-file-invalid": "A progress file to import is not an NSG Lab progress file, or is damaged.",
  "decompression-unavailable": "The browser cannot decompress a compressed share link.",
  "wrong-exercise": "A submission file is for another exercise.",
  "assignment-empty": "An assignment link names no exercises.",
  "unsafe-link":
    "A Markdown link (assignment instructions) whose address is not http(s) or relative, such as javascript:, left as text (a warning).",

  // Assignment repositories (npm run grade -- --rules-dir)
  "missing-rules-file": "An assignment repository has no rules file for an exercise it must hold.",
  "duplicate-rules-file":
    "An assignment repository has two rules files for one exercise (ftp-active.sh and ftp-active.json).",
  "unreadable-file": "A file cannot be read: not there, not a regular file, or larger than the size cap.",

  // Moving rules between formats (editor format switch and export)
  "rules-have-errors": "The rules have errors, so they are not converted or exported (the errors follow).",
  "not-expressible-in-json":
    "A script does something the JSON format cannot express (associations, new NSGs).",
  "not-expressible-in-powershell":
    "An az CLI script does something NSG Lab's PowerShell format cannot express (associations with subnets or NICs).",
  "no-rules": "There are no rules to export.",

  // Checking the simulator on Azure (verification scripts and their recorded answers)
  "azure-results-invalid": "A file of IP flow verify answers is not as the verification script writes it.",
  "azure-results-mismatch":
    "Recorded IP flow verify answers belong to another exercise, other rules or another scenario.",

  // LMS packages (npm run package, and the package's launch page in an LMS)
  "score-out-of-range":
    "An LMS package's exercises are worth more points in all than a SCORM 1.2 score can be (100).",
  "site-not-relocatable":
    "A built site holds its base path where the packager cannot make it relative (outside HTML, CSS and JavaScript template literals).",
  "lms-refused":
    "The LMS answered a SCORM call with an error (or threw), so the session did not start or a value was not recorded.",
} as const;

export type IssueCode = keyof typeof ISSUE_CODES;

export const isIssueCode = (value: unknown): value is IssueCode =>
  typeof value === "string" && Object.hasOwn(ISSUE_CODES, value);
