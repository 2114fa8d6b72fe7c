# The pre-commit hook names the changed files: a changed file that is a link leading out of its
# directory is not read.
mkdir -p ../outside repo
cp "$(dirname "$0")/../confine-outside-template.yaml" ../outside/template.yaml
ln -s ../../outside/template.yaml repo/changed.yaml
