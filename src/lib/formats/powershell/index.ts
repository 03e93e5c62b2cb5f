/** Azure PowerShell (Az.Network) scripts as a learner rule format (see parse-powershell.ts). */
export { parsePowerShell } from "./parse-powershell.ts";
