// Editor page script (filled in next).
