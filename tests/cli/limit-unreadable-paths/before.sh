# A .tf that cannot be read (a dangling link) next to a good one.
ln -s nowhere.tf gone.tf
