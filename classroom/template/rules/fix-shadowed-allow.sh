# First attempt: move the deny behind the HTTPS rule.
az network nsg rule update --resource-group rg-nsg-lab --nsg-name nsg-snet-web \
  --name Deny-Internet-Inbound --priority 305
