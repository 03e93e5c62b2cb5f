# nsg-vm-app1 has the four rules in the table, as Azure has them.
# Change only what must change, for example:
#   az network nsg rule update --resource-group rg-nsg-lab --nsg-name nsg-vm-app1 --name <rule> ...
#   az network nsg rule delete --resource-group rg-nsg-lab --nsg-name nsg-vm-app1 --name <rule>
