x = "%{if a}b%{endif}"
