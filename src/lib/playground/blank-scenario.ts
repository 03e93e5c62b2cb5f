/**
 * "Start blank": the smallest network worth tracing a flow through. One VNet with a web and a
 * database subnet, an NSG on the web subnet and one on the database VM's NIC.
 */
export const BLANK_SCENARIO = `# A playground scenario: YAML or JSON.
# subscription decides whether Azure blocks outbound TCP 25 (pay-as-you-go: blocked).
title: Two-tier starter
subscription: pay-as-you-go
topology:
  vnets:
    - name: vnet-demo
      addressSpace: [10.1.0.0/16]
      subnets:
        - { name: snet-web, addressPrefix: 10.1.1.0/24, nsg: nsg-web }
        - { name: snet-db, addressPrefix: 10.1.2.0/24 }
  vms:
    - name: vm-web
      nics:
        - { name: vm-web-nic, subnet: vnet-demo/snet-web, privateIp: 10.1.1.4, publicIp: 192.0.2.50 }
    - name: vm-db
      nics:
        - { name: vm-db-nic, subnet: vnet-demo/snet-db, privateIp: 10.1.2.4, nsg: nsg-db-nic }
  nsgs:
    - name: nsg-web
      securityRules:
        - { name: Allow-HTTPS-In, priority: 100, direction: Inbound, access: Allow, protocol: Tcp, sourceAddressPrefix: Internet, sourcePortRange: "*", destinationAddressPrefix: 10.1.1.4, destinationPortRange: "443" }
    - name: nsg-db-nic
      securityRules:
        - { name: Allow-SQL-From-Web, priority: 200, direction: Inbound, access: Allow, protocol: Tcp, sourceAddressPrefix: 10.1.1.0/24, sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "1433" }
flows:
  - name: Browser to the web VM's public IP (HTTPS)
    flow: { from: 203.0.113.7, to: 192.0.2.50, protocol: Tcp, port: 443 }
  - name: Web VM to the database (SQL)
    flow: { from: vm-web, to: vm-db, protocol: Tcp, port: 1433 }
`;

export const BLANK_CLI = `# Changes, applied on top of the scenario (every NSG is editable), in az CLI, e.g.:
# az network nsg rule create -g rg --nsg-name nsg-web -n Allow-SSH-Office --priority 110 \\
#   --direction Inbound --access Allow --protocol Tcp \\
#   --source-address-prefixes 198.51.100.0/24 --destination-port-ranges 22
# or in Azure PowerShell, e.g.:
# Get-AzNetworkSecurityGroup -Name nsg-web -ResourceGroupName rg |
#   Add-AzNetworkSecurityRuleConfig -Name Allow-SSH-Office -Priority 110 -Direction Inbound \`
#     -Access Allow -Protocol Tcp -SourceAddressPrefix 198.51.100.0/24 -SourcePortRange * \`
#     -DestinationAddressPrefix * -DestinationPortRange 22 |
#   Set-AzNetworkSecurityGroup
`;
