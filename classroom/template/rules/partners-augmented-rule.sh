# One rule for all partners and both ports. So far it covers Contoso on 443 only,
# and it reaches every VM in the subnet.
az network nsg rule create --resource-group rg-partner-api --nsg-name nsg-snet-api \
  --name Allow-Partners-API --priority 200 \
  --direction Inbound --access Allow --protocol Tcp \
  --source-address-prefixes 198.51.100.0/25 --source-port-ranges '*' \
  --destination-address-prefixes '*' --destination-port-ranges 443
