# The pull request commits the report's name as a link to a file of the machine: the report is
# not written through it (that would overwrite the file). The module is confine-var-file-link's.
cp "$(dirname "$0")/../confine-var-file-link/input/main.tf" .
mkdir -p ../outside
echo "precious" > ../outside/authorized_keys
ln -s ../outside/authorized_keys report.sarif
