# share/
