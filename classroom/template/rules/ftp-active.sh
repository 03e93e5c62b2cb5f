# The setup guide says "open ports 20-21" on ingest-vm. Which does the studio connect to?
# Edit the command: the checks below re-grade as you type.
az network nsg rule create --resource-group media-rg --nsg-name ingest-nsg \
  --name allow-ftp-from-studio --priority 300 \
  --direction Inbound --access Allow --protocol Tcp \
  --source-address-prefixes '*' --source-port-ranges '*' \
  --destination-address-prefixes '*' --destination-port-ranges 21
