# nsg-vm-app1 already holds Allow-Payments-API (200) and Deny-Internet-Out (4000).
# The colleague's attempt: direct delivery on port 25. Mail still doesn't leave.
az network nsg rule create --resource-group rg-nsg-lab --nsg-name nsg-vm-app1 \
  --name Allow-SMTP-Out --priority 210 \
  --direction Outbound --access Allow --protocol Tcp \
  --source-address-prefixes 10.0.2.4 --source-port-ranges '*' \
  --destination-address-prefixes Internet --destination-port-ranges 25
