mkdir -p ../outside
cp "$(dirname "$0")/../confine-outside-template.yaml" ../outside/template.yaml
ln -s ../outside/template.yaml template.yaml
