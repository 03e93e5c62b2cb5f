# nsg-snet-web and nsg-vm-test1 exist, with their rules; neither is associated yet.
# A first attempt, one network interface at a time:
az network nic update --resource-group rg-nsg-lab --name vm-web1-nic \
  --network-security-group nsg-snet-web

# TODO: associate nsg-vm-test1 (vm-test1 only; vm-test2 must not change).
