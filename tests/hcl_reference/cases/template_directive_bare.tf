x = %{if true}a%{endif}
