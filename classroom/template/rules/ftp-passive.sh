# The rules in the table are already in nsg-snet-ingest.
# This draft still thinks in active mode.
az network nsg rule create --resource-group rg-nsg-lab --nsg-name nsg-snet-ingest \
  --name Allow-FTP-Passive-Studio --priority 210 \
  --direction Inbound --access Allow --protocol Tcp \
  --source-address-prefixes 198.51.100.0/28 --source-port-ranges '*' \
  --destination-address-prefixes 10.0.3.4 --destination-port-ranges 20
