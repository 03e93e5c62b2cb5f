# Someone ticked SSH (22) instead of HTTPS, and "improved" the rule on the way.
# Make it the rule the portal adds for HTTPS (443), and nothing more.
az network nsg rule create --resource-group rg-nsg-lab --nsg-name vm-web1-nsg \
  --name Allow-HTTPS --priority 300 \
  --direction Inbound --access Allow --protocol '*' \
  --source-address-prefixes '*' --source-port-ranges '*' \
  --destination-address-prefixes 192.0.2.10 --destination-port-ranges 22
