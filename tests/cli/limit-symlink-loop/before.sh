# Links back up the tree (a loop) and a link to a sibling: each file is still scanned once.
ln -s .. mod/loop
ln -s ../mod mod/again
ln -s mod alias
