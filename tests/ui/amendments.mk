# (filled by issue 6)
