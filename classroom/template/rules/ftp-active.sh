# nsg-snet-ingest holds only Azure's default rules: nothing from the internet
# reaches vm-ingest yet. The setup guide says "open ports 20-21". Which one does
# the studio connect to, and which connections start on the VM?
# Write your rule below; the checks re-grade as you type. Start it with:
#   az network nsg rule create --resource-group rg-nsg-lab --nsg-name nsg-snet-ingest
