# The DBA opened SQL Server on vm-sql1's NIC NSG, yet the app servers still time out.
# (The baseline rule Deny-VNet-Inbound, priority 4000, is already in both NSGs.)
az network nsg rule create --resource-group rg-erp --nsg-name nsg-vm-sql1 \
  --name Allow-SQL-From-App --priority 200 \
  --direction Inbound --access Allow --protocol Tcp \
  --source-address-prefixes 10.40.1.0/24 --source-port-ranges '*' \
  --destination-address-prefixes 10.40.2.4 --destination-port-ranges 1433
