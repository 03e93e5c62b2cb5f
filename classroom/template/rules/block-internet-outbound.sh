az network nsg rule create --resource-group rg-batch --nsg-name nsg-vm-batch1 \
  --name Deny-Internet-Out --priority 100 \
  --direction Outbound --access Deny --protocol '*' \
  --source-address-prefixes '*' --source-port-ranges '*' \
  --destination-address-prefixes '*' --destination-port-ranges '*'

az network nsg rule create --resource-group rg-batch --nsg-name nsg-vm-batch1 \
  --name Allow-Mirror-HTTPS --priority 200 \
  --direction Outbound --access Allow --protocol Tcp \
  --source-address-prefixes '*' --source-port-ranges '*' \
  --destination-address-prefixes 198.51.100.10 --destination-port-ranges 443
