# nsg-snet-ingest already holds Deny-Internet-Out (4000, outbound). Keep it.
# A first draft, straight from the setup guide:
az network nsg rule create --resource-group rg-nsg-lab --nsg-name nsg-snet-ingest \
  --name Allow-FTP-Control-Studio --priority 200 \
  --direction Inbound --access Allow --protocol Tcp \
  --source-address-prefixes '*' --source-port-ranges '*' \
  --destination-address-prefixes 192.0.2.30 --destination-port-ranges 20-21

# TODO: Allow-FTP-Active-Data-Studio
